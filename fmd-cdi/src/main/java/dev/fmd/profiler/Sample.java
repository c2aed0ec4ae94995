package dev.fmd.profiler;

import java.util.List;

/**
 * A stack of the request's thread at one moment, and the time it stands for: one sampling period for a CPU or native
 * sample, the wait's duration for a sleep, park or monitor wait.
 *
 * @param frames   the frames, innermost first (as JFR and {@link Thread#getStackTrace()} give them)
 * @param weightMs the time in ms
 */
public record Sample(List<Frame> frames, double weightMs) {

    /** One frame of a stack. */
    public record Frame(String className, String methodName, int lineNumber) {
    }
}
