package dev.fmd.testmonitor.client;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The end of every run, for the extension and the CLI alike: prints the {@link RunSummary}, then uploads the run when
 * a URL and a token are configured and prints the dashboard's answer. Never throws: a refused or failed upload is
 * printed as a warning and reported as the result, so a build does not fail because of the dashboard.
 */
final class RunPublisher {

    /** What became of the run. */
    enum Result {
        /** no URL or no token: summary only */
        NOT_UPLOADED,
        /** the dashboard stored it (201) */
        UPLOADED,
        /** the dashboard answered with another status */
        REFUSED,
        /** the dashboard could not be reached, or the URL is invalid */
        FAILED
    }

    static final String PREFIX = "fmd testmonitor: ";
    static final String WARNING = "fmd testmonitor WARNING: ";

    private RunPublisher() {
    }

    static Result publish(RunReport report, MonitorConfig config, PrintStream out) {
        RunSummary.print(report, out);
        if (config.url() == null) {
            out.println(PREFIX + "no dashboard URL (" + MonitorConfig.URL + " / FMD_TESTMONITOR_URL): summary only");
            return Result.NOT_UPLOADED;
        }
        if (config.token() == null) {
            out.println(WARNING + MonitorConfig.URL + " is set but no token (" + MonitorConfig.TOKEN
                    + " / FMD_TESTMONITOR_TOKEN): nothing uploaded, no request tagged");
            return Result.NOT_UPLOADED;
        }
        String target = config.uploadUrl();
        try {
            RunUploader.Answer answer = RunUploader.upload(target, config.token(), report.toJson());
            if (answer.stored()) {
                out.println(PREFIX + "uploaded run " + report.run() + " to " + target + ": " + answer.status() + " "
                        + answer.body());
                return Result.UPLOADED;
            }
            out.println(WARNING + "the dashboard refused run " + report.run() + " at " + target + ": "
                    + answer.status() + " " + answer.body());
            return Result.REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println(WARNING + "upload of run " + report.run() + " to " + target + " interrupted");
            return Result.FAILED;
        } catch (IOException | RuntimeException e) {
            out.println(WARNING + "could not upload run " + report.run() + " to " + target + ": " + e);
            return Result.FAILED;
        }
    }
}
