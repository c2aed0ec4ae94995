package dev.fmd.profiler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupedProfileTest {

    private static final CodeLine ROOT = CodeLine.of("shop.R", "get", 0);
    private static final CodeLine SLOW = CodeLine.of("shop.R", "slowPart", 30);
    private static final CodeLine SLEEP = CodeLine.of("java.lang.Thread", "sleep", -1);
    private static final CodeLine FAST = CodeLine.of("shop.R", "fastPart", 40);

    private static List<StackLine> tree(double root, double slow, double fast) {
        List<StackLine> lines = new ArrayList<>();
        lines.add(new StackLine(0, 0, ROOT, root));
        lines.add(new StackLine(1, 1, SLOW, slow));
        lines.add(new StackLine(2, 2, SLEEP, slow));
        if (fast > 0) {
            lines.add(new StackLine(3, 1, FAST, fast));
        }
        return lines;
    }

    @Test
    void mergesEqualPathsWithHitsTotalsMeansAndDeviation() {
        List<List<StackLine>> trees = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trees.add(tree(100, i % 2 == 0 ? 70 : 90, i < 5 ? 10 : 0));
        }
        List<GroupedLine> lines = GroupedProfile.merge(trees);
        assertEquals(List.of(ROOT, SLOW, SLEEP, FAST), lines.stream().map(GroupedLine::codeLine).toList());
        GroupedLine root = lines.get(0);
        assertEquals(20, root.hits());
        assertEquals(2000, root.totalMs(), 1e-9);
        assertEquals(1.0, root.share(), 1e-9);
        GroupedLine slow = lines.get(1);
        assertEquals(20, slow.hits());
        assertEquals(1600, slow.totalMs(), 1e-9);
        assertEquals(80, slow.meanMs(), 1e-9);
        assertEquals(10, slow.stdDevMs(), 1e-9);
        assertEquals(0.8, slow.share(), 1e-9);
        assertEquals(2, lines.get(2).indent());
        GroupedLine fast = lines.get(3);
        assertEquals(5, fast.hits());
        assertEquals(1, fast.indent());
        assertEquals(50.0 / 2000, fast.share(), 1e-9);
    }

    @Test
    void theSameCodeLineUnderDifferentParentsStaysApart() {
        List<StackLine> a = List.of(new StackLine(0, 0, ROOT, 10), new StackLine(1, 1, SLOW, 5),
                new StackLine(2, 2, SLEEP, 5), new StackLine(3, 1, SLEEP, 5));
        List<GroupedLine> lines = GroupedProfile.merge(List.of(a));
        assertEquals(List.of(0, 1, 2, 1), lines.stream().map(GroupedLine::indent).toList());
    }

    @Test
    void noTreesNoLines() {
        assertEquals(List.of(), GroupedProfile.merge(List.of()));
    }
}
