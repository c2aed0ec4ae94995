package dev.fmd.monitor;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads JAX-RS annotations the way the JAX-RS runtime does: a method without JAX-RS annotations takes them from the
 * method it overrides or implements (superclass first, then interfaces), and a class may take {@code @Path} from an
 * interface. Used by both the CDI binding and the endpoint registry so that they agree on what is an endpoint.
 */
public final class ResourceMethods {

    private ResourceMethods() {
    }

    /**
     * @param type any class
     * @return whether it is (or may be) a JAX-RS resource: {@code @Path} on it or a supertype, or a resource method
     */
    public static boolean isResourceClass(Class<?> type) {
        if (type.isInterface() || type.isAnnotation() || type.isEnum() || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        if (classPath(type).isPresent()) {
            return true;
        }
        return Arrays.stream(type.getMethods()).anyMatch(m -> httpMethod(type, m).isPresent());
    }

    /**
     * @param type   the resource class
     * @param method a public method of it
     * @return whether JAX-RS dispatches requests to it: an HTTP method designator or a {@code @Path} (locator)
     */
    public static boolean isResourceMethod(Class<?> type, Method method) {
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                || method.isSynthetic() || method.isBridge()) {
            return false;
        }
        return annotated(type, method).isPresent();
    }

    /** @return the HTTP method ({@code GET}, {@code POST}, ...) of a resource method, empty for a locator */
    public static Optional<String> httpMethod(Class<?> type, Method method) {
        return annotated(type, method).flatMap(ResourceMethods::designator);
    }

    /** @return the method's own {@code @Path} value, as declared where its JAX-RS annotations are */
    public static Optional<String> methodPath(Class<?> type, Method method) {
        return annotated(type, method).map(m -> m.getAnnotation(Path.class)).map(Path::value);
    }

    /** @return the class-level {@code @Path} of the class, a superclass or an interface */
    public static Optional<String> classPath(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null) {
                return Optional.of(path.value());
            }
            for (Class<?> i : c.getInterfaces()) {
                Path fromInterface = i.getAnnotation(Path.class);
                if (fromInterface != null) {
                    return Optional.of(fromInterface.value());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param type a class that may be a framework subclass or proxy of the user's class (Weld, EJB)
     * @return the user's class
     */
    public static Class<?> userClass(Class<?> type) {
        Class<?> c = type;
        while (c.getSuperclass() != null && c.getSuperclass() != Object.class && isGenerated(c)) {
            c = c.getSuperclass();
        }
        return c;
    }

    /** @return whether the method is a locator: a {@code @Path} but no HTTP method */
    static boolean isLocator(Class<?> type, Method method) {
        return isResourceMethod(type, method) && httpMethod(type, method).isEmpty();
    }

    /** Joins path segments into a template that starts with one slash and has no doubled or trailing slashes. */
    static String join(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (segment == null) {
                continue;
            }
            for (String part : segment.split("/")) {
                if (!part.isBlank()) {
                    path.append('/').append(part.trim());
                }
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static boolean isGenerated(Class<?> c) {
        String name = c.getName();
        return name.contains("$Proxy$") || name.contains("WeldSubclass") || name.contains("$$") || c.isSynthetic();
    }

    /** The method that carries the JAX-RS annotations for {@code method}: itself or what it overrides. */
    private static Optional<Method> annotated(Class<?> type, Method method) {
        if (hasJaxRsAnnotations(method)) {
            return Optional.of(method);
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Optional<Method> found = declared(c, method).filter(ResourceMethods::hasJaxRsAnnotations);
            if (found.isPresent()) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                Optional<Method> fromInterface = inInterface(i, method);
                if (fromInterface.isPresent()) {
                    return fromInterface;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> inInterface(Class<?> iface, Method method) {
        Optional<Method> found = declared(iface, method).filter(ResourceMethods::hasJaxRsAnnotations);
        if (found.isPresent()) {
            return found;
        }
        for (Class<?> parent : iface.getInterfaces()) {
            Optional<Method> fromParent = inInterface(parent, method);
            if (fromParent.isPresent()) {
                return fromParent;
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> declared(Class<?> c, Method method) {
        try {
            return Optional.of(c.getDeclaredMethod(method.getName(), method.getParameterTypes()));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static boolean hasJaxRsAnnotations(Method method) {
        return method.isAnnotationPresent(Path.class) || designator(method).isPresent();
    }

    private static Optional<String> designator(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return Optional.of(designator.value());
            }
        }
        return Optional.empty();
    }
}
