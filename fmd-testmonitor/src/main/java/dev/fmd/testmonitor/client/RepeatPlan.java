package dev.fmd.testmonitor.client;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * How a test method's repetitions (runs 2..N) run: on the same test instances, each one after the previous run's
 * {@code @AfterEach} methods and the next {@code @BeforeEach} methods of the test classes (outer classes' first for
 * {@code @Nested} tests; superclass first for {@code @BeforeEach}, subclass first for {@code @AfterEach}, as JUnit
 * orders them). JUnit's own calls frame the whole: its {@code @BeforeEach} before run 1, its {@code @AfterEach}
 * after the last run.
 * <p>
 * A test runs once instead, with the reason, when
 * <ul>
 * <li>a lifecycle method takes parameters (only JUnit can resolve them);</li>
 * <li>it is an Arquillian in-container test (the class uses {@code ArquillianExtension}, neither class nor method
 * has {@code @RunAsClient}, and no {@code @Deployment(testable = false)}): a repetition here would run on the
 * client. Arquillian is recognised by annotation and class names; fmd-testmonitor does not depend on it;</li>
 * <li>JUnit times it out ({@code @Timeout} or a default timeout): JUnit's timeout wraps this extension, so it would
 * cover all runs together and could fail the test.</li>
 * </ul>
 */
final class RepeatPlan {

    static final String ARQUILLIAN_EXTENSION = "org.jboss.arquillian.junit5.ArquillianExtension";
    static final String RUN_AS_CLIENT = "org.jboss.arquillian.container.test.api.RunAsClient";
    static final String DEPLOYMENT = "org.jboss.arquillian.container.test.api.Deployment";
    private static final String TIMEOUT_MODE = "junit.jupiter.execution.timeout.mode";
    private static final List<String> DEFAULT_TIMEOUTS = List.of("junit.jupiter.execution.timeout.default",
            "junit.jupiter.execution.timeout.testable.method.default",
            "junit.jupiter.execution.timeout.test.method.default");

    /** A lifecycle method and the instance it runs on. */
    private record Call(Object instance, Method method) {
        void run() {
            ReflectionSupport.invokeMethod(method, instance);
        }
    }

    private final String onceBecause;
    private final List<Call> before;
    private final List<Call> after;

    private RepeatPlan(String onceBecause, List<Call> before, List<Call> after) {
        this.onceBecause = onceBecause;
        this.before = before;
        this.after = after;
    }

    /** The plan for the test method of {@code context}. */
    static RepeatPlan of(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Method testMethod = context.getRequiredTestMethod();
        if (inContainer(testClass, testMethod)) {
            return once("Arquillian in-container test: runs once (a repetition would run on the client)");
        }
        if (hasTimeout(context)) {
            return once("runs once: it has a timeout (@Timeout or a default timeout), which its repetitions would"
                    + " count against");
        }
        List<Object> instances = context.getRequiredTestInstances().getAllInstances(); // outermost first
        List<Call> before = new ArrayList<>();
        for (Object instance : instances) {
            before.addAll(calls(instance, BeforeEach.class, HierarchyTraversalMode.TOP_DOWN));
        }
        List<Call> after = new ArrayList<>();
        for (int i = instances.size() - 1; i >= 0; i--) {
            after.addAll(calls(instances.get(i), AfterEach.class, HierarchyTraversalMode.BOTTOM_UP));
        }
        for (List<Call> calls : List.of(before, after)) {
            for (Call call : calls) {
                if (call.method().getParameterCount() > 0) {
                    return once("runs once: lifecycle method " + call.method().getDeclaringClass().getSimpleName()
                            + "." + call.method().getName() + " takes parameters only JUnit can resolve");
                }
            }
        }
        return new RepeatPlan(null, before, after);
    }

    /** Why the test runs once, or empty when it repeats. */
    Optional<String> onceBecause() {
        return Optional.ofNullable(onceBecause);
    }

    /** Closes the previous run: its {@code @AfterEach} methods. Throws what they throw. */
    void afterPrevious() {
        after.forEach(Call::run);
    }

    /** Prepares the next run: the {@code @BeforeEach} methods. Throws what they throw. */
    void beforeNext() {
        before.forEach(Call::run);
    }

    private static RepeatPlan once(String reason) {
        return new RepeatPlan(reason, List.of(), List.of());
    }

    private static List<Call> calls(Object instance, Class<? extends Annotation> annotation,
                                    HierarchyTraversalMode order) {
        return AnnotationSupport.findAnnotatedMethods(instance.getClass(), annotation, order).stream()
                .map(method -> new Call(instance, method))
                .toList();
    }

    /**
     * Whether JUnit times the test out: {@code @Timeout} on the method, its class or an enclosing class, or a default
     * timeout parameter, unless timeouts are disabled. JUnit's timeout wraps this extension, so it would count all
     * runs together.
     */
    private static boolean hasTimeout(ExtensionContext context) {
        if (context.getConfigurationParameter(TIMEOUT_MODE).filter("disabled"::equalsIgnoreCase).isPresent()) {
            return false;
        }
        if (AnnotationSupport.isAnnotated(context.getRequiredTestMethod(), Timeout.class)) {
            return true;
        }
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, Timeout.class)) {
                return true;
            }
        }
        return DEFAULT_TIMEOUTS.stream().anyMatch(key -> context.getConfigurationParameter(key).isPresent());
    }

    static boolean inContainer(Class<?> testClass, Method testMethod) {
        if (!usesArquillian(testClass)) {
            return false;
        }
        if (hasAnnotation(testMethod, RUN_AS_CLIENT)) {
            return false;
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (hasAnnotationInHierarchy(c, RUN_AS_CLIENT) || hasClientDeployment(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean usesArquillian(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            boolean found = AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
                    .flatMap(extendWith -> List.of(extendWith.value()).stream())
                    .anyMatch(extension -> extension.getName().equals(ARQUILLIAN_EXTENSION));
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasClientDeployment(Class<?> testClass) {
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    if (annotation.annotationType().getName().equals(DEPLOYMENT) && !testable(annotation)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean testable(Annotation deployment) {
        try {
            return !Boolean.FALSE.equals(deployment.annotationType().getMethod("testable").invoke(deployment));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    private static boolean hasAnnotationInHierarchy(Class<?> type, String annotationName) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (hasAnnotation(c, annotationName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAnnotation(AnnotatedElement element, String annotationName) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals(annotationName)) {
                return true;
            }
        }
        return false;
    }
}
