package dev.fmd.profiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Builds the call tree of one request from the samples of its thread: keeps the frames from the endpoint method
 * inward (the container's and interceptors' frames outside it are dropped, as are proxy and reflection frames inside
 * it), merges equal paths, and scales the sampled time to the request's measured duration. The endpoint method is
 * the root and always has the whole duration, so a request shorter than one sampling period still gets its line.
 * <pre>
 * List&lt;StackLine&gt; tree = CallTree.build(endpoint::isMethodFrame, rootLine, samples, 42.0);
 * </pre>
 */
public final class CallTree {

    private CallTree() {
    }

    /**
     * @param isEndpointFrame tells the endpoint method's frame by class and method name
     * @param root            the code line of the endpoint method (line 0)
     * @param samples         the request thread's samples during the request
     * @param durationMs      the request's measured duration
     * @return the tree in pre-order, children by decreasing time
     */
    public static List<StackLine> build(BiPredicate<String, String> isEndpointFrame, CodeLine root,
                                        List<Sample> samples, double durationMs) {
        Node top = new Node(root);
        double sampled = 0;
        for (Sample sample : samples) {
            sampled += sample.weightMs();
            List<Sample.Frame> frames = sample.frames();
            int endpoint = outermostEndpointFrame(frames, isEndpointFrame);
            if (endpoint < 0) {
                continue;
            }
            Node node = top;
            for (int i = endpoint - 1; i >= 0; i--) {
                Sample.Frame frame = frames.get(i);
                if (isPlumbing(frame.className())) {
                    continue;
                }
                node = node.child(CodeLine.of(frame.className(), frame.methodName(), frame.lineNumber()));
                node.weight += sample.weightMs();
            }
        }
        double scale = sampled > 0 ? durationMs / sampled : 0;
        List<StackLine> lines = new ArrayList<>();
        lines.add(new StackLine(0, 0, root, durationMs));
        top.appendChildren(lines, 1, scale);
        return lines;
    }

    /** Index of the endpoint frame nearest the thread's start (frames are innermost first), or -1. */
    private static int outermostEndpointFrame(List<Sample.Frame> frames, BiPredicate<String, String> isEndpoint) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (isEndpoint.test(frames.get(i).className(), frames.get(i).methodName())) {
                return i;
            }
        }
        return -1;
    }

    /** Frames that are machinery between two calls of the application, not the application's code. */
    static boolean isPlumbing(String className) {
        return className.contains("$Proxy$_$$_Weld") || className.startsWith("org.jboss.weld.")
                || className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.invoke.")
                || className.startsWith("sun.reflect.") || className.equals("java.lang.reflect.Method")
                || className.contains("$$Lambda$");
    }

    private static final class Node {
        final CodeLine line;
        double weight;
        final Map<CodeLine, Node> children = new LinkedHashMap<>();

        Node(CodeLine line) {
            this.line = line;
        }

        Node child(CodeLine childLine) {
            return children.computeIfAbsent(childLine, Node::new);
        }

        void appendChildren(List<StackLine> lines, int indent, double scale) {
            children.values().stream().sorted((a, b) -> Double.compare(b.weight, a.weight)).forEach(child -> {
                lines.add(new StackLine(lines.size(), indent, child.line, child.weight * scale));
                child.appendChildren(lines, indent + 1, scale);
            });
        }
    }
}
