package dev.fmd.ui;

import dev.fmd.profiler.CodeLine;
import dev.fmd.profiler.GroupedLine;
import dev.fmd.profiler.StackLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a call tree in pre-order (a request's stack lines, or a grouped profile's lines) into the rows of a tree table:
 * each line with its share of the root's time, whether it has children, and which lines are open at first. The hottest
 * path is opened: from the root down, the child that took the most time, so that the page opens on where the time
 * went.
 * <pre>
 * List&lt;CallTreeRow&gt; rows = CallTrees.ofRequest(profiles.tree(requestId));
 * </pre>
 */
final class CallTrees {

    private CallTrees() {
    }

    /**
     * @param lines a request's call tree, in pre-order
     * @return its rows
     */
    static List<CallTreeRow> ofRequest(List<StackLine> lines) {
        List<Line> tree = new ArrayList<>(lines.size());
        for (StackLine line : lines) {
            tree.add(new Line(line.indent(), line.codeLine(), line.durationMs(), 1, line.durationMs(), 0));
        }
        return rows(tree);
    }

    /**
     * @param lines a grouped profile, in pre-order
     * @return its rows
     */
    static List<CallTreeRow> ofGrouped(List<GroupedLine> lines) {
        List<Line> tree = new ArrayList<>(lines.size());
        for (GroupedLine line : lines) {
            tree.add(new Line(line.indent(), line.codeLine(), line.totalMs(), line.hits(), line.meanMs(),
                    line.stdDevMs()));
        }
        return rows(tree);
    }

    private record Line(int indent, CodeLine codeLine, double totalMs, long hits, double meanMs, double stdDevMs) {
    }

    private static List<CallTreeRow> rows(List<Line> lines) {
        int n = lines.size();
        if (n == 0) {
            return List.of();
        }
        int[] parent = new int[n];
        boolean[] hasChildren = new boolean[n];
        int[] hottestChild = new int[n];
        java.util.Arrays.fill(hottestChild, -1);
        List<Integer> path = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            while (path.size() > lines.get(i).indent()) {
                path.remove(path.size() - 1);
            }
            parent[i] = path.isEmpty() ? -1 : path.get(path.size() - 1);
            if (parent[i] >= 0) {
                int p = parent[i];
                hasChildren[p] = true;
                if (hottestChild[p] < 0 || lines.get(i).totalMs() > lines.get(hottestChild[p]).totalMs()) {
                    hottestChild[p] = i;
                }
            }
            path.add(i);
        }
        boolean[] hot = new boolean[n];
        for (int i = 0; i >= 0; i = hottestChild[i]) {
            hot[i] = true;
        }
        double root = lines.get(0).totalMs();
        List<CallTreeRow> rows = new ArrayList<>(n);
        boolean[] shown = new boolean[n];
        for (int i = 0; i < n; i++) {
            Line line = lines.get(i);
            boolean open = i == 0 || (hot[i] && hasChildren[i]);
            shown[i] = parent[i] < 0 || (shown[parent[i]] && (parent[i] == 0 || hot[parent[i]]));
            rows.add(new CallTreeRow(i, line.indent(), line.codeLine(), line.totalMs(),
                    root > 0 ? line.totalMs() / root : 0, line.hits(), line.meanMs(), line.stdDevMs(),
                    hasChildren[i], open && hasChildren[i], shown[i], hot[i]));
        }
        return rows;
    }
}
