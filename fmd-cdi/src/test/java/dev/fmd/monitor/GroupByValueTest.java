package dev.fmd.monitor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The table of the Flask-MonitoringDashboard 2.0 documentation, in Java. */
class GroupByValueTest {

    @Test
    void primitivesAndStringsStayAsTheyAre() throws Exception {
        assertEquals("3", GroupByValue.flatten(3));
        assertEquals("username", GroupByValue.flatten("username"));
        assertEquals("true", GroupByValue.flatten(true));
    }

    @Test
    void tuplesAndListsBecomeParenthesised() throws Exception {
        assertEquals("(User,3)", GroupByValue.flatten(List.of("User", 3)));
        assertEquals("(Username,username)", GroupByValue.flatten(new String[] {"Username", "username"}));
        assertEquals("(1,2)", GroupByValue.flatten(new int[] {1, 2}));
        assertEquals("(tenant,acme)", GroupByValue.flatten(Map.entry("tenant", "acme")));
    }

    @Test
    void suppliersAreCalledAtAnyDepth() throws Exception {
        Supplier<Supplier<Integer>> nested = () -> () -> 3;
        assertEquals("3", GroupByValue.flatten(nested));
        Callable<String> callable = () -> "called";
        assertEquals("(User,called)", GroupByValue.flatten(List.of("User", callable)));
        Supplier<Integer> three = () -> 3;
        Supplier<String> name = () -> "username";
        assertEquals("((User,3),(Username,username))",
                GroupByValue.flatten(List.of(List.of("User", three), List.of("Username", name))));
    }

    @Test
    void nullAndEmptyOptionalMeanNoValue() throws Exception {
        assertNull(GroupByValue.flatten(null));
        assertNull(GroupByValue.flatten(Optional.empty()));
        assertEquals("x", GroupByValue.flatten(Optional.of("x")));
    }

    @Test
    void aValueThatNeverEndsIsRefused() {
        Supplier<Object>[] loop = new Supplier[1];
        loop[0] = () -> loop[0];
        assertThrows(IllegalArgumentException.class, () -> GroupByValue.flatten(loop[0]));
    }
}
