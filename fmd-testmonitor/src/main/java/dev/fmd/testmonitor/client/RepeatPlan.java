package dev.fmd.testmonitor.client;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * A test runs once instead, with the reason, when a lifecycle method takes parameters (only JUnit can resolve them)
 * or when it is an Arquillian in-container test (the class uses {@code ArquillianExtension}, neither class nor
 * method has {@code @RunAsClient}, and no {@code @Deployment(testable = false)}): repeating it here would run it on
 * the client. Arquillian is recognised by annotation and class names; fmd-testmonitor does not depend on it.
 */
final class RepeatPlan {

    static final String ARQUILLIAN_EXTENSION = "org.jboss.arquillian.junit5.ArquillianExtension";
    static final String RUN_AS_CLIENT = "org.jboss.arquillian.container.test.api.RunAsClient";
    static final String DEPLOYMENT = "org.jboss.arquillian.container.test.api.Deployment";

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
