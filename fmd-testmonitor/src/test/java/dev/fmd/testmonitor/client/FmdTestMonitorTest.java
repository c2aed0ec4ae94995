package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extension's repetitions, outcomes and summary, on fixture classes run through the Jupiter engine. */
class FmdTestMonitorTest {

    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void clearEvents() {
        EVENTS.clear();
    }

    // ---- fixtures (static nested classes: Surefire does not run them, only these tests do) ----

    abstract static class Base {
        @BeforeEach
        void baseBefore() {
            EVENTS.add("base-before");
        }

        @AfterEach
        void baseAfter() {
            EVENTS.add("base-after");
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class Repeats extends Base {
        @BeforeEach
        void before() {
            EVENTS.add("before");
        }

        @AfterEach
        void after() {
            EVENTS.add("after");
        }

        @Test
        void body() {
            EVENTS.add("body");
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class FailsFirst {
        @Test
        void body() {
            EVENTS.add("body");
            if (EVENTS.size() == 1) {
                throw new AssertionError("first run fails");
            }
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class FailsInRepetitions {
        @Test
        void body() {
            EVENTS.add("body");
            if (EVENTS.size() > 1) {
                throw new IllegalStateException("repetition " + EVENTS.size() + " fails");
            }
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class KeepsArguments {
        @Test
        void body(TestInfo info) {
            EVENTS.add(info.getTestMethod().orElseThrow().getName());
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class BeforeEachWithParameters {
        @BeforeEach
        void before(TestInfo info) {
            EVENTS.add("before");
        }

        @Test
        void body() {
            EVENTS.add("body");
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class SkipsAndTemplates {
        @Test
        @Disabled("not yet")
        void disabled() {
            EVENTS.add("disabled");
        }

        @Test
        void aborted() {
            EVENTS.add("aborted");
            assumeTrue(false, "no database");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void parameterized(int value) {
            EVENTS.add("parameterized " + value);
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class Outer {
        @BeforeEach
        void outerBefore() {
            EVENTS.add("outer-before");
        }

        @AfterEach
        void outerAfter() {
            EVENTS.add("outer-after");
        }

        @Nested
        class Inner {
            @BeforeEach
            void innerBefore() {
                EVENTS.add("inner-before");
            }

            @AfterEach
            void innerAfter() {
                EVENTS.add("inner-after");
            }

            @Test
            void body() {
                EVENTS.add("body");
            }
        }
    }

    @ExtendWith(ArquillianExtension.class)
    @ExtendWith(FmdTestMonitor.class)
    static class InContainer {
        @Test
        void inContainer() {
            EVENTS.add("in-container");
        }

        @Test
        @RunAsClient
        void asClient() {
            EVENTS.add("as-client");
        }
    }

    @ExtendWith(ArquillianExtension.class)
    @ExtendWith(FmdTestMonitor.class)
    static class ClientDeployment {
        @Deployment(testable = false)
        static Object deployment() {
            return null;
        }

        @Test
        void body() {
            EVENTS.add("body");
        }
    }

    @ExtendWith(ArquillianExtension.class)
    @ExtendWith(FmdTestMonitor.class)
    static class TestableDeployment {
        @Deployment
        static Object deployment() {
            return null;
        }

        @Test
        void body() {
            EVENTS.add("body");
        }
    }

    /** Two tests that run at the same time (each waits for the other) and note the test their headers name. */
    @ExtendWith(FmdTestMonitor.class)
    @Execution(ExecutionMode.CONCURRENT)
    static class Parallel {
        static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

        @Test
        void first() throws Exception {
            noteTagAndWait("first");
        }

        @Test
        void second() throws Exception {
            noteTagAndWait("second");
        }

        private static void noteTagAndWait(String test) throws Exception {
            BOTH_RUNNING.await(10, TimeUnit.SECONDS);
            EVENTS.add(test + " tagged " + FmdTestHeaders.current().get(FmdTestHeaders.TEST));
            BOTH_RUNNING.await(10, TimeUnit.SECONDS);
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class WithTimeout {
        @Test
        @Timeout(value = 300, unit = TimeUnit.MILLISECONDS)
        void annotated() throws InterruptedException {
            EVENTS.add("annotated");
            Thread.sleep(100);
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class WithDefaultTimeout {
        @Test
        void body() throws InterruptedException {
            EVENTS.add("body");
            Thread.sleep(100);
        }
    }

    static class Autodetected {
        @Test
        void body() {
            EVENTS.add("body");
        }
    }

    @ExtendWith(FmdTestMonitor.class)
    static class AutodetectedAndDeclared {
        @RegisterExtension
        static final FmdTestMonitor ALSO_AN_INSTANCE = new FmdTestMonitor();

        @Test
        void body() {
            EVENTS.add("body");
        }
    }

    // ---- tests ----

    @Test
    void runsTheBodyTimesEachAfterTheAfterEachAndBeforeEachMethods() {
        FixtureRun run = FixtureRun.of(Repeats.class, "fmd.testmonitor.times", "3");
        run.results().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        List<String> one = List.of("base-before", "before", "body", "after", "base-after");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.addAll(one);
        }
        assertEquals(expected, EVENTS);
        assertEquals(new FixtureRun.Row("passed", 3, 0), run.row(Repeats.class, "body"));
    }

    @Test
    void runsFiveTimesByDefault() {
        FixtureRun run = FixtureRun.of(FailsFirst.class);
        assertEquals(5, EVENTS.size());
        assertEquals(5, run.row(FailsFirst.class, "body").runs());
    }

    @Test
    void aFailingFirstRunFailsTheTest() {
        FixtureRun run = FixtureRun.of(FailsFirst.class, "fmd.testmonitor.times", "3");
        run.results().testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertEquals(new FixtureRun.Row("failed", 3, 1), run.row(FailsFirst.class, "body"));
        assertTrue(run.printed().contains("first failure: java.lang.AssertionError: first run fails"), run.printed());
    }

    @Test
    void failingRepetitionsAreCountedButDoNotFailTheTest() {
        FixtureRun run = FixtureRun.of(FailsInRepetitions.class, "fmd.testmonitor.times", "4");
        run.results().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(new FixtureRun.Row("passed", 4, 3), run.row(FailsInRepetitions.class, "body"));
        assertTrue(run.printed().contains("first failure: java.lang.IllegalStateException: repetition 2 fails"),
                run.printed());
    }

    @Test
    void repetitionsGetTheSameResolvedArguments() {
        FixtureRun run = FixtureRun.of(KeepsArguments.class, "fmd.testmonitor.times", "2");
        assertEquals(List.of("body", "body"), EVENTS);
        assertEquals(new FixtureRun.Row("passed", 2, 0), run.row(KeepsArguments.class, "body"));
    }

    @Test
    void aLifecycleMethodWithParametersMeansOneRunAndTheSummarySaysWhy() {
        FixtureRun run = FixtureRun.of(BeforeEachWithParameters.class, "fmd.testmonitor.times", "3");
        assertEquals(List.of("before", "body"), EVENTS);
        assertEquals(new FixtureRun.Row("passed", 1, 0), run.row(BeforeEachWithParameters.class, "body"));
        assertTrue(run.printed().contains("runs once: lifecycle method BeforeEachWithParameters.before takes parameters"),
                run.printed());
    }

    @Test
    void disabledAndAbortedTestsAreSkippedAndTemplatesRunOncePerInvocation() {
        FixtureRun run = FixtureRun.of(SkipsAndTemplates.class, "fmd.testmonitor.times", "3");
        assertEquals(List.of("aborted", "parameterized 1", "parameterized 2"), EVENTS.stream().sorted().toList());
        assertEquals(new FixtureRun.Row("skipped", 0, 0), run.row(SkipsAndTemplates.class, "disabled"));
        assertEquals(new FixtureRun.Row("skipped", 0, 0), run.row(SkipsAndTemplates.class, "aborted"));
        assertEquals(new FixtureRun.Row("passed", 2, 0), run.row(SkipsAndTemplates.class, "parameterized"));
    }

    @Test
    void aNestedTestRepeatsWithTheOuterBeforeEachFirst() {
        FixtureRun run = FixtureRun.of(Outer.class, "fmd.testmonitor.times", "2");
        List<String> one = List.of("outer-before", "inner-before", "body", "inner-after", "outer-after");
        assertEquals(List.of(one, one), List.of(EVENTS.subList(0, 5), EVENTS.subList(5, 10)));
        assertEquals(new FixtureRun.Row("passed", 2, 0), run.row(Outer.Inner.class, "body"));
    }

    @Test
    void anArquillianInContainerTestRunsOnceAndAClientTestRepeats() {
        FixtureRun run = FixtureRun.of(InContainer.class, "fmd.testmonitor.times", "3");
        assertEquals(List.of("as-client", "as-client", "as-client", "in-container"), EVENTS.stream().sorted().toList());
        assertEquals(1, run.row(InContainer.class, "inContainer").runs());
        assertTrue(run.printed().contains("inContainer: Arquillian in-container test: runs once"), run.printed());
        assertEquals(3, run.row(InContainer.class, "asClient").runs());
    }

    @Test
    void anArquillianTestOfAnUntestableDeploymentRepeats() {
        FixtureRun.of(ClientDeployment.class, "fmd.testmonitor.times", "3");
        assertEquals(List.of("body", "body", "body"), EVENTS);
    }

    @Test
    void anArquillianTestOfATestableDeploymentRunsOnce() {
        FixtureRun.of(TestableDeployment.class, "fmd.testmonitor.times", "3");
        assertEquals(List.of("body"), EVENTS);
    }

    @Test
    void testsRunningInParallelTagTheirOwnCalls() {
        Parallel.BOTH_RUNNING.reset();
        FixtureRun run = FixtureRun.of(Parallel.class, "fmd.testmonitor.times", "2", "fmd.testmonitor.token", "t",
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2");
        run.results().testEvents().assertStatistics(stats -> stats.succeeded(2));
        String prefix = Parallel.class.getName() + "#";
        assertEquals(List.of("first tagged " + prefix + "first", "first tagged " + prefix + "first",
                "second tagged " + prefix + "second", "second tagged " + prefix + "second"),
                EVENTS.stream().sorted().toList());
    }

    @Test
    void aTestWithATimeoutRunsOnceSoRepetitionsCannotMakeItTimeOut() {
        FixtureRun run = FixtureRun.of(WithTimeout.class, "fmd.testmonitor.times", "5");
        run.results().testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertEquals(List.of("annotated"), EVENTS);
        assertTrue(run.printed().contains("annotated: runs once: it has a timeout"), run.printed());
    }

    @Test
    void aDefaultTimeoutAlsoMeansOneRun() {
        FixtureRun run = FixtureRun.of(WithDefaultTimeout.class, "fmd.testmonitor.times", "5",
                "junit.jupiter.execution.timeout.default", "300 ms");
        run.results().testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertEquals(List.of("body"), EVENTS);
    }

    @Test
    void withTimeoutsDisabledATestWithATimeoutRepeats() {
        FixtureRun.of(WithTimeout.class, "fmd.testmonitor.times", "2", "junit.jupiter.execution.timeout.mode", "disabled");
        assertEquals(List.of("annotated", "annotated"), EVENTS);
    }

    @Test
    void autodetectionEnablesTheExtension() {
        FixtureRun run = FixtureRun.of(Autodetected.class, "fmd.testmonitor.times", "2",
                "junit.jupiter.extensions.autodetection.enabled", "true");
        assertEquals(List.of("body", "body"), EVENTS);
        assertEquals(2, run.row(Autodetected.class, "body").runs());
    }

    @Test
    void registeredThriceItStillRunsTheBodyTimesTimes() {
        FixtureRun run = FixtureRun.of(AutodetectedAndDeclared.class, "fmd.testmonitor.times", "3",
                "junit.jupiter.extensions.autodetection.enabled", "true");
        assertEquals(List.of("body", "body", "body"), EVENTS);
        assertEquals(3, run.row(AutodetectedAndDeclared.class, "body").runs());
        assertEquals(Optional.empty(), CurrentTest.get(), "no test left current after the run");
    }

    @Test
    void aBadTimesSettingFailsTheTestsNamingIt() {
        FixtureRun run = FixtureRun.of(Repeats.class, "fmd.testmonitor.times", "many");
        run.results().testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure = run.results().testEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertTrue(failure.getMessage().contains("fmd.testmonitor.times must be an integer from 1 to 100, was 'many'"),
                failure.getMessage());
    }
}
