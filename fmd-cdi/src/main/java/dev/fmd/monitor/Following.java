package dev.fmd.monitor;

/**
 * What one {@link RequestObserver} holds for requests in flight on this instance, for fmd's own metrics: it must come
 * back to zero once the server is quiet, whatever happened to the requests (recorded, abandoned, or expired).
 *
 * @param observer  a short name of the observer, e.g. {@code outliers}
 * @param requests  requests it keeps state for now
 * @param expired   requests it dropped since start because they were followed longer than
 *                  {@link RequestObserver#FOLLOWED_AT_MOST_NANOS} without ending: their outlier stack or call tree
 *                  is not kept
 * @param overBudget requests whose details it did not keep since start because their endpoint's budget per second
 *                  was spent (outliers beyond {@code fmd.outlier-rate}; 0 for the profiler, which picks the requests
 *                  it profiles by its budget before they run)
 * @param sampling  whether it keeps JFR execution sampling on now (the profiler; false for the other observers)
 */
public record Following(String observer, int requests, long expired, long overBudget, boolean sampling) {
}
