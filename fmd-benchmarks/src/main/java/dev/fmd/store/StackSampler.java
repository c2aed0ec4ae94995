package dev.fmd.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A wall-clock profile of one thread: its stack every few milliseconds, counted by the innermost {@code dev.fmd}
 * frame and the top frame, so that time spent waiting for the database shows as well as CPU. Enabled in the data
 * generator and the ingest benchmark with {@code -Dbench.sample=true}.
 */
final class StackSampler implements AutoCloseable {

    private final Thread sampled;
    private final Thread sampler;
    private final Map<String, Integer> counts = new HashMap<>();
    private int samples;

    StackSampler(Thread sampled, int periodMs) {
        this.sampled = sampled;
        this.sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && sampled.isAlive()) {
                sample();
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        StackTraceElement[] stack = sampled.getStackTrace();
        if (stack.length == 0) {
            return;
        }
        String fmd = "?";
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("dev.fmd")) {
                fmd = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                        + frame.getMethodName() + ":" + frame.getLineNumber();
                break;
            }
        }
        String key = fmd + "  <  " + stack[0].getClassName() + "." + stack[0].getMethodName();
        synchronized (counts) {
            counts.merge(key, 1, Integer::sum);
            samples++;
        }
    }

    /** @return the most frequent places, with their share of the samples */
    String top(int rows) {
        synchronized (counts) {
            List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows).toList();
            return sorted.stream().map(e -> String.format("  %5.1f%%  %s", 100.0 * e.getValue() / samples,
                    e.getKey())).collect(Collectors.joining("\n", sampled.getName() + " thread, " + samples + " samples:\n", ""));
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
