package dev.fmd.it.support;

import dev.fmd.it.tiny.TinyApplication;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** The tiny application with fmd and the given configuration. */
public final class TinyApp {

    private TinyApp() {
    }

    /** @return the tiny application on the server's default datasource, with the default table prefix */
    public static WebArchive war(Map<String, String> config) {
        return TestWars.configured(TestWars.withFmd(application()), config, "fmd_", Database.DEFAULT);
    }

    /** @return the tiny application on this run's database, with its own table prefix */
    public static WebArchive war(Map<String, String> config, String prefix) {
        return TestWars.configured(TestWars.withFmd(application()), config, prefix);
    }

    private static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "tiny.war").addPackage(TinyApplication.class.getPackage());
    }

    /** @return whether Payara's log (written by this build's servers) contains the text */
    public static boolean serverLogContains(String text) throws IOException {
        return serverLogCount(text) > 0;
    }

    /** @return how many times Payara's log (written by this build's servers) contains the text */
    public static long serverLogCount(String text) throws IOException {
        Path target = Path.of(System.getProperty("fmd.it.target", "target"));
        long count = 0;
        try (Stream<Path> logs = Files.list(target)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("payara.log")).toList()) {
                String content = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
                for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + text.length())) {
                    count++;
                }
            }
        }
        return count;
    }
}
