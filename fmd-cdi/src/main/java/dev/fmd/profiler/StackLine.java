package dev.fmd.profiler;

/**
 * One node of a request's call tree, in pre-order: stored in {@code <prefix>stack_line}.
 *
 * @param position   its place in pre-order, the root (the endpoint method) being 0
 * @param indent     its depth, the root being 0
 * @param codeLine   its code line
 * @param durationMs the time spent in it and below, in ms
 */
public record StackLine(int position, int indent, CodeLine codeLine, double durationMs) {
}
