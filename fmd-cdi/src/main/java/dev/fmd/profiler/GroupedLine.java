package dev.fmd.profiler;

/**
 * One call path of an endpoint's grouped profile: the same path merged over many requests.
 *
 * @param indent   its depth, the endpoint method being 0
 * @param codeLine the code line at the end of the path
 * @param hits     how many of the requests went through it
 * @param totalMs  time spent in it over those requests
 * @param meanMs   mean time per request that went through it
 * @param stdDevMs standard deviation of that time
 * @param share    its part of the endpoint's total time over all the requests, 0 to 1
 */
public record GroupedLine(int indent, CodeLine codeLine, int hits, double totalMs, double meanMs, double stdDevMs,
                          double share) {
}
