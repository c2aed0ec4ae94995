package dev.fmd.testmonitor.client;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;

/**
 * The Testmonitor's JUnit 5 extension: measures every test, tags its HTTP calls, and at the end of the run prints a
 * summary and uploads the results to the fmd dashboard.
 * <ul>
 * <li>Each {@code @Test} method runs {@code fmd.testmonitor.times} times (default 5). Run 1 is JUnit's own and
 * decides the test's outcome; runs 2..N call the method again on the same instance with the same arguments, each
 * after the {@code @AfterEach} and {@code @BeforeEach} methods of the test class. A test runs once instead, with the
 * reason in the summary, when a lifecycle method takes parameters, when it is an Arquillian in-container test, or
 * when it has a timeout. Only the method body is timed. Failed repetitions are counted, not reported to JUnit.
 * Parameterized and repeated tests (test templates) run once per invocation, their durations under one name.</li>
 * <li>From before {@code @BeforeEach} to after {@code @AfterEach} the test is current: {@link FmdTestHeaders},
 * {@link FmdTestClientFilter} tag calls with it.</li>
 * <li>When the JUnit execution ends: a summary table on {@code System.out}; with a URL and a token the upload, and
 * the dashboard's answer printed. An upload problem is a printed warning, never a failed build.</li>
 * </ul>
 * Enable it on a class, or for every test with {@code junit.jupiter.extensions.autodetection.enabled=true}:
 * <pre>{@code
 * @ExtendWith(FmdTestMonitor.class)
 * class OrderIT { ... }
 * }</pre>
 * Configuration: {@code fmd.testmonitor.url}, {@code .token}, {@code .times}, {@code .build}, {@code .app-version}
 * as JUnit configuration parameters or system properties, else {@code FMD_TESTMONITOR_URL}, {@code _TOKEN},
 * {@code _TIMES}, {@code _BUILD} (then {@code GITHUB_RUN_NUMBER}, {@code BUILD_NUMBER}, {@code CI_PIPELINE_ID}),
 * {@code _APP_VERSION}.
 */
public final class FmdTestMonitor implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor,
        TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FmdTestMonitor.class);
    /** set in a test's store by the first registration of the extension, so a second one stays out of the way */
    private static final String INTERCEPTED = "intercepted";

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(CurrentTest.Handle.class) != null) {
            return;
        }
        MonitorRun run = MonitorRun.of(context);
        store.put(CurrentTest.Handle.class,
                CurrentTest.start(new CurrentTest.Running(testName(context), run.key(), run.config().token())));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CurrentTest.Handle handle = context.getStore(NAMESPACE).remove(CurrentTest.Handle.class, CurrentTest.Handle.class);
        if (handle != null) {
            handle.close();
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        if (!firstInterception(context)) {
            invocation.proceed();
            return;
        }
        MonitorRun run = MonitorRun.of(context);
        TestTally tally = run.tally(testName(context));
        RepeatPlan plan = RepeatPlan.of(context);
        Throwable first = timedRun(invocation, tally);
        int times = run.config().timesOrDefault();
        if (times > 1) {
            Optional<String> once = plan.onceBecause();
            if (once.isPresent()) {
                tally.note(once.get());
            } else {
                repeat(plan, invocationContext, tally, times);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        if (!firstInterception(context)) {
            invocation.proceed();
            return;
        }
        TestTally tally = MonitorRun.of(context).tally(testName(context));
        tally.note("test template (parameterized or repeated test): each invocation runs once");
        Throwable failure = timedRun(invocation, tally);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        watchedTally(context).ifPresent(TestTally::markPassed);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        watchedTally(context).ifPresent(tally -> tally.markFailed(TestTally.messageOf(cause)));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        watchedTally(context).ifPresent(TestTally::markSkipped);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        watchedTally(context).ifPresent(TestTally::markSkipped);
    }

    /** The test's name in tags and uploads: {@code com.acme.OrderIT#placesOrder}. */
    static String testName(ExtensionContext context) {
        return TestName.of(context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName());
    }

    /** The test's tally for a watcher event; none when the configuration is invalid (the test failed for it). */
    private static Optional<TestTally> watchedTally(ExtensionContext context) {
        try {
            return Optional.of(MonitorRun.of(context).tally(testName(context)));
        } catch (ExtensionConfigurationException e) {
            return Optional.empty();
        }
    }

    private static boolean firstInterception(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(INTERCEPTED) != null) {
            return false;
        }
        store.put(INTERCEPTED, Boolean.TRUE);
        return true;
    }

    /**
     * JUnit's run: timed and recorded; returns its failure to be rethrown after the repetitions. An aborted run
     * (a failed assumption) is not recorded and rethrown at once.
     */
    private static Throwable timedRun(Invocation<Void> invocation, TestTally tally) throws Throwable {
        Throwable failure = null;
        long start = System.nanoTime();
        try {
            invocation.proceed();
        } catch (Throwable t) {
            failure = t;
        }
        double ms = millisSince(start);
        if (failure instanceof TestAbortedException || failure instanceof OutOfMemoryError) {
            throw failure;
        }
        tally.addRun(ms, failure == null ? null : TestTally.messageOf(failure));
        return failure;
    }

    /** Runs 2..times; stops at a failing lifecycle method or an aborted run, with a note. */
    private static void repeat(RepeatPlan plan, ReflectiveInvocationContext<Method> invocation, TestTally tally,
                               int times) {
        Method method = invocation.getExecutable();
        Object target = invocation.getTarget().orElse(null);
        Object[] arguments = invocation.getArguments().toArray();
        for (int run = 2; run <= times; run++) {
            try {
                plan.afterPrevious();
                plan.beforeNext();
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (Throwable t) {
                tally.note("repetitions stopped before run " + run + ", a @BeforeEach/@AfterEach method failed: "
                        + TestTally.messageOf(t));
                return;
            }
            Throwable failure = null;
            long start = System.nanoTime();
            try {
                ReflectionSupport.invokeMethod(method, target, arguments);
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (Throwable t) {
                failure = t;
            }
            double ms = millisSince(start);
            if (failure instanceof TestAbortedException) {
                tally.note("repetitions stopped: run " + run + " aborted: " + TestTally.messageOf(failure));
                return;
            }
            tally.addRun(ms, failure == null ? null : TestTally.messageOf(failure));
        }
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
