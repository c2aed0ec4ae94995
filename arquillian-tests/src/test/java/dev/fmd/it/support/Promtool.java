package dev.fmd.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Prometheus project's own parser and linter, {@code promtool} (Debian's {@code prometheus} package, installed
 * by {@code scripts/install-promtool.sh}), run on scraped text.
 */
public final class Promtool {

    /**
     * What promtool said.
     *
     * @param exitCode its exit code: 0 when the text is valid (and, for the lint, without problems)
     * @param output   what it printed, standard error included
     */
    public record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    /**
     * {@code promtool check metrics}: parses the Prometheus text format 0.0.4 and lints it (names, units, help).
     *
     * @param text a scrape in the text format, given on standard input
     */
    public static Result checkMetrics(String text) {
        return run(text, List.of(executable(), "check", "metrics"));
    }

    /**
     * {@code promtool tsdb create-blocks-from openmetrics}: reads the text with Prometheus' OpenMetrics parser, which
     * rejects what is not OpenMetrics 1.0 (a family declared twice, a unit its name does not end with, a missing
     * {@code # EOF}, ...). That command backfills a database from the text, so it needs a timestamp on every sample:
     * the current time is added to each sample line, nothing else is changed.
     *
     * @param text a scrape in OpenMetrics
     * @param work a folder for the file and the database it writes
     */
    public static Result parseOpenMetrics(String text, Path work) throws IOException {
        long now = System.currentTimeMillis() / 1000;
        String stamped = text.lines().map(l -> l.startsWith("#") ? l : l + " " + now)
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = Files.writeString(Files.createTempFile(work, "scrape", ".om"), stamped, StandardCharsets.UTF_8);
        Path blocks = Files.createTempDirectory(work, "blocks");
        return run("", List.of(executable(), "tsdb", "create-blocks-from", "openmetrics", file.toString(),
                blocks.toString()));
    }

    private static Result run(String stdin, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the path of promtool on the PATH */
    private static String executable() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(folder, "promtool");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new AssertionError("promtool is not installed (it is in Debian's prometheus package): run "
                + "scripts/install-promtool.sh, or apt-get install --no-install-recommends prometheus");
    }
}
