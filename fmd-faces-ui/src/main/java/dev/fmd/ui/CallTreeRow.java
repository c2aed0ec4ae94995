package dev.fmd.ui;

import dev.fmd.profiler.CodeLine;

/**
 * One line of a call tree as a tree table shows it ({@code _calltree.xhtml}): a request's tree, or a grouped profile
 * merged over many requests.
 *
 * @param position    its place in pre-order, the endpoint method being 0
 * @param indent      its depth, the endpoint method being 0
 * @param codeLine    the code line: class, method, file and line number
 * @param totalMs     the time spent in it and below, in ms (over every merged request for a grouped profile)
 * @param share       its part of the root's time, 0 to 1
 * @param hits        how many requests went through it (1 for a single request's tree)
 * @param meanMs      the mean time per request that went through it, in ms
 * @param stdDevMs    the standard deviation of that time, in ms (0 for a single request's tree)
 * @param hasChildren whether lines hang below it
 * @param open        whether its children are shown at first: the lines of the hottest path are
 * @param shown       whether it is shown at first: its parents are all open
 * @param hot         whether it is on the hottest path (the slowest child from the root down)
 */
public record CallTreeRow(int position, int indent, CodeLine codeLine, double totalMs, double share, long hits,
                          double meanMs, double stdDevMs, boolean hasChildren, boolean open, boolean shown,
                          boolean hot) {

    /** @return the class without its package, e.g. {@code OrderResource$Inner} */
    public String simpleClassName() {
        String name = codeLine.className();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** @return where the line is, e.g. {@code OrderResource.java:42}, or the file alone when the line is unknown */
    public String location() {
        String file = codeLine.fileName() == null ? "" : codeLine.fileName();
        return codeLine.lineNumber() > 0 ? file + ":" + codeLine.lineNumber() : file;
    }
}
