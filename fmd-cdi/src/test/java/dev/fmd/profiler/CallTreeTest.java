package dev.fmd.profiler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallTreeTest {

    private static final String RESOURCE = "shop.OrderResource";
    private static final CodeLine ROOT = CodeLine.of(RESOURCE, "get", 0);

    /** Frames innermost first, as JFR gives them, under a container frame and an interceptor. */
    private static Sample sample(double weightMs, String... innerFrames) {
        List<Sample.Frame> frames = new ArrayList<>();
        for (String frame : innerFrames) {
            String[] parts = frame.split(":");
            int dot = parts[0].lastIndexOf('.');
            frames.add(new Sample.Frame(parts[0].substring(0, dot), parts[0].substring(dot + 1),
                    Integer.parseInt(parts[1])));
        }
        frames.add(new Sample.Frame(RESOURCE, "get", 20));
        frames.add(new Sample.Frame("shop.OrderResource$Proxy$_$$_WeldSubclass", "get", -1));
        frames.add(new Sample.Frame("org.jboss.weld.interceptor.proxy.InterceptorMethodHandler", "invoke", 80));
        frames.add(new Sample.Frame("org.glassfish.jersey.server.ServerRuntime", "process", 250));
        return new Sample(frames, weightMs);
    }

    private static List<StackLine> build(List<Sample> samples, double durationMs) {
        return CallTree.build((c, m) -> c.equals(RESOURCE) && m.equals("get"), ROOT, samples, durationMs);
    }

    @Test
    void sleepingPartGetsItsShareOfTheMeasuredDuration() {
        List<StackLine> tree = build(List.of(
                sample(80, "java.lang.Thread.sleep:-1", "shop.OrderResource.slowPart:30"),
                sample(5, "shop.OrderResource.fastPart:40"),
                sample(5, "shop.OrderResource.fastPart:41")), 100);
        assertEquals(ROOT, tree.get(0).codeLine());
        assertEquals(100, tree.get(0).durationMs(), 1e-9, "the root is the measured duration");
        StackLine slow = tree.get(1);
        assertEquals("slowPart", slow.codeLine().methodName());
        assertEquals(1, slow.indent());
        assertEquals(100 * 80 / 90.0, slow.durationMs(), 1e-9, "samples scaled to the measured duration");
        assertEquals("sleep", tree.get(2).codeLine().methodName());
        assertEquals(2, tree.get(2).indent());
        assertEquals(List.of("get", "slowPart", "sleep", "fastPart", "fastPart"),
                tree.stream().map(l -> l.codeLine().methodName()).toList(), "pre-order, slowest child first");
        for (int i = 0; i < tree.size(); i++) {
            assertEquals(i, tree.get(i).position());
        }
    }

    @Test
    void containerAndProxyFramesAreDropped() {
        List<StackLine> tree = build(List.of(sample(5, "shop.Catalog.find:12",
                "shop.Catalog$Proxy$_$$_WeldClientProxy.find:-1", "jdk.internal.reflect.GeneratedMethodAccessor3.invoke:-1")),
                5);
        assertEquals(List.of("get", "find"), tree.stream().map(l -> l.codeLine().methodName()).toList());
        assertTrue(tree.stream().noneMatch(l -> l.codeLine().className().startsWith("org.")));
    }

    @Test
    void requestShorterThanOnePeriodStillHasItsEndpointLine() {
        List<StackLine> tree = build(List.of(), 0.4);
        assertEquals(1, tree.size());
        assertEquals(0.4, tree.get(0).durationMs(), 1e-9);
    }

    @Test
    void samplesOutsideTheEndpointMethodCountTowardsTheDurationOnly() {
        Sample container = new Sample(List.of(new Sample.Frame("org.glassfish.jersey.Writer", "write", 3)), 10);
        List<StackLine> tree = build(List.of(container, sample(10, "shop.OrderResource.fastPart:40")), 20);
        assertEquals(10, tree.get(1).durationMs(), 1e-9);
    }

    @Test
    void recursionIsRootedAtTheOutermostEndpointFrame() {
        List<StackLine> tree = build(List.of(sample(10, "shop.OrderResource.get:21")), 10);
        assertEquals(List.of(0, 1), tree.stream().map(StackLine::indent).toList());
        assertEquals(21, tree.get(1).codeLine().lineNumber());
    }
}
