package dev.fmd.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM of the Payara Micro this test JVM started (Arquillian starts it as a child process), looked at with
 * {@code jcmd}: its threads, its JFR recordings, and the class loaders holding classes of a package.
 */
public final class ServerJvm {

    private static final Pattern THREAD_NAME = Pattern.compile("^\"([^\"]*)\"", Pattern.MULTILINE);

    private final long pid;

    private ServerJvm(long pid) {
        this.pid = pid;
    }

    /** @return the one Payara Micro process among this JVM's descendants (other builds' servers are not) */
    public static ServerJvm payaraMicro() {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("payara-micro")).toList();
        if (servers.size() != 1) {
            throw new AssertionError("expected one Payara Micro started by this JVM, found " + servers.stream()
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
        }
        return new ServerJvm(servers.get(0).pid());
    }

    /** @return the names of the server's live threads, from {@code jcmd Thread.print} */
    public List<String> threadNames() {
        return THREAD_NAME.matcher(jcmd("Thread.print")).results().map(m -> m.group(1)).toList();
    }

    /** @return the server's live threads by name (the first of each name), each with its stack as jcmd prints it */
    public java.util.Map<String, String> threads() {
        String dump = jcmd("Thread.print");
        java.util.Map<String, String> threads = new java.util.LinkedHashMap<>();
        List<java.util.regex.MatchResult> starts = THREAD_NAME.matcher(dump).results().toList();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1).start() : dump.length();
            threads.putIfAbsent(starts.get(i).group(1), dump.substring(starts.get(i).start(), end));
        }
        return threads;
    }

    /** @return what {@code jcmd JFR.check} says: the recordings JFR has, running or not yet closed */
    public String recordings() {
        return jcmd("JFR.check");
    }

    /** Asks for a full garbage collection, which unloads the classes of unreachable class loaders (G1). */
    public void collectGarbage() {
        jcmd("GC.run");
    }

    /**
     * Counts the class loaders that hold loaded classes of a package, by {@code jcmd VM.class_hierarchy}. That
     * command lists every class the JVM has loaded (and not yet unloaded), one line each, as
     * {@code |--name/loader-address}; the class histogram would only list classes that have instances, and
     * {@code GC.class_stats} is gone in JDK 17. A WAR's classes all share its one web class loader, so each loader is
     * one generation of the WAR's classes.
     *
     * @param prefix  e.g. {@code "dev.fmd."}
     * @param exclude a prefix within it that does not count, e.g. the test's own classes
     * @return each loader that holds such classes (its address), with one of them
     */
    public java.util.Map<String, String> loadersOf(String prefix, String exclude) {
        Matcher line = Pattern.compile("--(" + Pattern.quote(prefix) + "[^/\\s]*)/(?:0x[0-9a-f]+/)?([^\\s]+)")
                .matcher(jcmd("VM.class_hierarchy"));
        java.util.Map<String, String> loaders = new java.util.TreeMap<>();
        while (line.find()) {
            if (!line.group(1).startsWith(exclude)) {
                loaders.putIfAbsent(line.group(2), line.group(1));
            }
        }
        return loaders;
    }

    /** @return the output of {@code jcmd <pid> <command>} */
    public String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("jcmd " + pid + " " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("jcmd " + pid + " " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
