package dev.fmd.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time a Linux process spent so far, per group of its threads ({@code /proc/<pid>/task/<tid>/stat}: user and
 * system time, in clock ticks of 10 ms, by the thread's name as the kernel keeps it, cut to 15 characters). Two
 * readings around a measured slice, divided by the requests of the slice, give the cost per request of each group:
 *
 * <pre>
 * Map&lt;Long, Reading&gt; before = ThreadCpu.ticks(pid);
 * // ... the slice ...
 * Map&lt;String, Long&gt; spent = ThreadCpu.minus(ThreadCpu.ticks(pid), before);
 * </pre>
 *
 * Threads that ended between two readings lose what they spent since the first one; the groups that matter here
 * (request threads, fmd's writer, JFR, the JIT) live as long as the server.
 */
final class ThreadCpu {

    /** The groups, in the order reports list them. */
    static final List<String> GROUPS = List.of("request threads", "fmd writer", "fmd other", "H2 background", "JFR",
            "JIT", "GC", "other");

    /** Microseconds per clock tick ({@code getconf CLK_TCK} is 100 on Linux x86-64 and arm64). */
    static final long MICROS_PER_TICK = 10_000;

    private ThreadCpu() {
    }

    /** One thread's {@link #group} and CPU ticks so far. */
    record Reading(String group, long ticks) {
    }

    /**
     * @param pid a running process
     * @return its threads' CPU ticks so far, by thread id
     */
    static Map<Long, Reading> ticks(long pid) throws IOException {
        Map<Long, Reading> byThread = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                // after the name: state(0) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(11)
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                byThread.put(Long.parseLong(task.getFileName().toString()), new Reading(group(name), ticks));
            }
        }
        return byThread;
    }

    /** @return the group of a thread by its (cut) name */
    static String group(String name) {
        if (name.startsWith("http-thread-p")) {
            return "request threads";
        }
        if (name.equals("fmd-writer")) {
            return "fmd writer";
        }
        if (name.startsWith("fmd-")) {
            return "fmd other";
        }
        if (name.startsWith("MVStore") || name.startsWith("H2 ")) {
            return "H2 background";
        }
        if (name.startsWith("JFR")) {
            return "JFR";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "GC";
        }
        return "other";
    }

    /** @return what each group spent between two readings (a thread new since the first counts in full) */
    static Map<String, Long> minus(Map<Long, Reading> after, Map<Long, Reading> before) {
        Map<String, Long> spent = new LinkedHashMap<>();
        after.forEach((tid, reading) -> {
            Reading earlier = before.get(tid);
            spent.merge(reading.group(), reading.ticks() - (earlier == null ? 0 : earlier.ticks()), Long::sum);
        });
        return spent;
    }

    /** Adds what one slice spent to a running total. */
    static void add(Map<String, Long> total, Map<String, Long> spent) {
        spent.forEach((group, ticks) -> total.merge(group, ticks, Long::sum));
    }
}
