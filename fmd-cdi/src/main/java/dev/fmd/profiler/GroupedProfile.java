package dev.fmd.profiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the call trees of many requests of one endpoint by call path (the code lines from the endpoint method down
 * to a node): hits, total, mean and standard deviation of the time per path, and each path's share of the endpoint's
 * time. The result is a tree in pre-order, ready for a tree table, a sunburst or a flame graph.
 */
public final class GroupedProfile {

    private GroupedProfile() {
    }

    /**
     * @param trees the requests' trees, each in pre-order as {@link CallTree#build} makes them
     * @return the merged tree in pre-order, children by decreasing total time
     */
    public static List<GroupedLine> merge(List<List<StackLine>> trees) {
        PathNode root = null;
        double endpointTotal = 0;
        for (List<StackLine> tree : trees) {
            if (tree.isEmpty()) {
                continue;
            }
            endpointTotal += tree.get(0).durationMs();
            List<PathNode> path = new ArrayList<>();
            for (StackLine line : tree) {
                while (path.size() > line.indent()) {
                    path.remove(path.size() - 1);
                }
                PathNode node;
                if (path.isEmpty()) {
                    if (root == null) {
                        root = new PathNode(line.codeLine());
                    }
                    node = root;
                } else {
                    node = path.get(path.size() - 1).children.computeIfAbsent(line.codeLine(), PathNode::new);
                }
                node.add(line.durationMs());
                path.add(node);
            }
        }
        List<GroupedLine> lines = new ArrayList<>();
        if (root != null) {
            root.append(lines, 0, endpointTotal);
        }
        return lines;
    }

    private static final class PathNode {
        final CodeLine line;
        final Map<CodeLine, PathNode> children = new LinkedHashMap<>();
        int hits;
        double total;
        double sumOfSquares;

        PathNode(CodeLine line) {
            this.line = line;
        }

        void add(double durationMs) {
            hits++;
            total += durationMs;
            sumOfSquares += durationMs * durationMs;
        }

        void append(List<GroupedLine> lines, int indent, double endpointTotal) {
            double mean = total / hits;
            double variance = Math.max(0, sumOfSquares / hits - mean * mean);
            lines.add(new GroupedLine(indent, line, hits, total, mean, Math.sqrt(variance),
                    endpointTotal > 0 ? total / endpointTotal : 0));
            children.values().stream().sorted((a, b) -> Double.compare(b.total, a.total))
                    .forEach(child -> child.append(lines, indent + 1, endpointTotal));
        }
    }
}
