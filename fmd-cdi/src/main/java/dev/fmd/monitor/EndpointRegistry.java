package dev.fmd.monitor;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Every monitored endpoint of the application, known from the JAX-RS runtime's own resource model.
 * <p>
 * When the runtime shows fmd the first method of a root resource class, the whole class is registered, and so are
 * the sub-resource classes its locators return (with the locator's path as prefix), so that every endpoint is listed
 * before its first request. Each new endpoint is also queued for the store, which writes its row.
 * <p>
 * Every resource method, monitored or not, is also a {@link Route}, so that a request that reached no resource
 * method can be given the endpoint it was going to ({@link #routeFor}); when none, it goes to an
 * {@link #unmatched} pseudo-endpoint.
 */
public final class EndpointRegistry {

    private static final int MAX_LOCATOR_DEPTH = 8;

    /**
     * How many path templates of {@link #unmatched} requests get a pseudo-endpoint of their own, over all HTTP
     * methods, while the application runs; beyond, they share {@value #OTHER_PATHS} of their method.
     */
    public static final int MAX_UNMATCHED_TEMPLATES = 100;

    /** The path of the pseudo-endpoint of the unmatched requests beyond {@link #MAX_UNMATCHED_TEMPLATES}. */
    public static final String OTHER_PATHS = "(other paths)";

    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
            "OPTIONS", "TRACE", "CONNECT");

    private final MonitoringPolicy policy;
    private final int defaultLevel;
    private final Map<String, Optional<Endpoint>> byMethod = new ConcurrentHashMap<>();
    private final Map<String, Endpoint> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> locatorPrefixes = new ConcurrentHashMap<>();
    private final Set<Class<?>> registeredClasses = ConcurrentHashMap.newKeySet();
    private final Queue<Endpoint> unsaved = new ConcurrentLinkedQueue<>();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Map<String, Endpoint> unmatched = new ConcurrentHashMap<>();
    private int unmatchedTemplates;
    private volatile String applicationPath = "";

    /**
     * @param policy       which methods are monitored
     * @param defaultLevel the level of new endpoints ({@code fmd.monitor-level})
     */
    public EndpointRegistry(MonitoringPolicy policy, int defaultLevel) {
        this.policy = policy;
        this.defaultLevel = defaultLevel;
    }

    /** @param path the {@code @ApplicationPath} of the application, prefixed to every endpoint path */
    public void applicationPath(String path) {
        this.applicationPath = path == null ? "" : path;
    }

    /**
     * Registers the endpoints of root resource classes, and of the sub-resources their locators return, before the
     * JAX-RS runtime builds its model (which reaches sub-resources only on their first request).
     *
     * @param classes classes of the application with a class-level {@code @Path}; others are ignored
     */
    public void registerRoots(Collection<Class<?>> classes) {
        for (Class<?> type : classes) {
            if (ResourceMethods.isResourceClass(type) && isApplicationClass(type)) {
                registerClass(type);
            }
        }
    }

    /**
     * @param resourceClass the resource class as the JAX-RS runtime reports it (a proxy class is unwrapped)
     * @param method        the resource method
     * @return its endpoint, or empty when the method is not monitored
     */
    public Optional<Endpoint> endpointFor(Class<?> resourceClass, Method method) {
        Class<?> type = ResourceMethods.userClass(resourceClass);
        if (!isApplicationClass(type)) {
            return Optional.empty();
        }
        registerClass(type);
        return byMethod.computeIfAbsent(key(type, method), k -> register(type, method, prefixOf(type)));
    }

    /**
     * The endpoint a request was going to when the JAX-RS runtime did not take it to a resource method (a
     * {@code @PreMatching} filter ended it, a sub-resource locator failed, its media types fit no method): the
     * resource method whose template and HTTP method fit the request, when exactly one ranks first as the JAX-RS
     * matching would rank it.
     *
     * @param httpMethod the request's HTTP method
     * @param path       the request's path below the context path (matrix parameters are ignored)
     * @return the route found, its endpoint empty when that method is not monitored; empty when no route or
     *         several fit
     */
    Optional<Route> routeFor(String httpMethod, String path) {
        return Route.pick(routes, httpMethod, PathTemplate.normalized(path));
    }

    /**
     * The pseudo-endpoint of a request that reached no resource method: named {@value Endpoint#UNMATCHED}, one per
     * HTTP method (an unknown one is {@code OTHER}) and {@link PathTemplate} of its path. Past
     * {@link #MAX_UNMATCHED_TEMPLATES} templates, the requests of a method share one pseudo-endpoint whose path is
     * {@value #OTHER_PATHS}, so a scanner trying a million paths makes a bounded number of endpoints.
     *
     * @param httpMethod the request's HTTP method
     * @param path       the request's raw path below the context path
     * @return the pseudo-endpoint, queued for the store when new
     */
    public Endpoint unmatched(String httpMethod, String path) {
        String method = httpMethod != null && HTTP_METHODS.contains(httpMethod) ? httpMethod : "OTHER";
        String template = PathTemplate.of(path);
        Endpoint known = unmatched.get(method + ' ' + template);
        return known != null ? known : newUnmatched(method, template);
    }

    private synchronized Endpoint newUnmatched(String method, String template) {
        Endpoint known = unmatched.get(method + ' ' + template);
        if (known != null) {
            return known;
        }
        String path = template;
        if (unmatchedTemplates >= MAX_UNMATCHED_TEMPLATES) {
            path = OTHER_PATHS;
        } else {
            unmatchedTemplates++;
        }
        Endpoint endpoint = unmatched.computeIfAbsent(method + ' ' + path, k -> {
            Endpoint created = Endpoint.unmatched(method, k.substring(method.length() + 1));
            unsaved.add(created);
            byName.put(created.name() + ' ' + k, created);
            return created;
        });
        return endpoint;
    }

    /** @return every endpoint registered so far */
    public Collection<Endpoint> all() {
        return List.copyOf(byName.values());
    }

    /** @return the endpoints whose rows the store has not written yet, removed from the queue */
    public List<Endpoint> takeUnsaved() {
        List<Endpoint> taken = new ArrayList<>();
        for (Endpoint e; (e = unsaved.poll()) != null; ) {
            taken.add(e);
        }
        return taken;
    }

    /** @param endpoints endpoints whose rows could not be written, to be tried again */
    public void returnUnsaved(Collection<Endpoint> endpoints) {
        unsaved.addAll(endpoints);
    }

    private String prefixOf(Class<?> type) {
        return ResourceMethods.classPath(type)
                .map(path -> ResourceMethods.join(applicationPath, path))
                .orElseGet(() -> locatorPrefixes.getOrDefault(type, ResourceMethods.join(applicationPath, "{locator}")));
    }

    private void registerClass(Class<?> type) {
        if (ResourceMethods.classPath(type).isPresent() && registeredClasses.add(type)) {
            walk(type, prefixOf(type), 0, new HashSet<>());
        }
    }

    /** Registers the resource methods of a class and, through its locators, of its sub-resources. */
    private void walk(Class<?> type, String prefix, int depth, Set<Class<?>> seen) {
        if (depth > MAX_LOCATOR_DEPTH || !seen.add(type)) {
            return;
        }
        for (Method method : type.getMethods()) {
            if (!ResourceMethods.isResourceMethod(type, method)) {
                continue;
            }
            if (ResourceMethods.isLocator(type, method)) {
                Class<?> sub = method.getReturnType();
                if (sub != Object.class && sub != Class.class && !sub.isPrimitive()) {
                    String subPrefix = ResourceMethods.join(prefix, ResourceMethods.methodPath(type, method).orElse(""));
                    locatorPrefixes.putIfAbsent(sub, subPrefix);
                    walk(sub, subPrefix, depth + 1, seen);
                }
            } else {
                byMethod.computeIfAbsent(key(type, method), k -> register(type, method, prefix));
            }
        }
    }

    private Optional<Endpoint> register(Class<?> type, Method method, String prefix) {
        Optional<String> httpMethod = ResourceMethods.httpMethod(type, method);
        if (httpMethod.isEmpty()) {
            return Optional.empty();
        }
        String path = ResourceMethods.join(prefix, ResourceMethods.methodPath(type, method).orElse(""));
        if (!policy.isMonitored(type, method)) {
            Route.of(httpMethod.get(), path, Optional.empty()).ifPresent(routes::add);
            return Optional.empty();
        }
        String name = name(type, method);
        Endpoint endpoint = byName.computeIfAbsent(name + ' ' + httpMethod.get() + ' ' + path, k -> {
            Endpoint created = new Endpoint(name, httpMethod.get(), path, defaultLevel, type.getName(),
                    method.getDeclaringClass().getName(), method.getName());
            unsaved.add(created);
            return created;
        });
        Route.of(httpMethod.get(), path, Optional.of(endpoint)).ifPresent(routes::add);
        return Optional.of(endpoint);
    }

    /**
     * Resources the server adds to every application (WADL, OpenAPI, ...) are not the application's endpoints: only
     * classes loaded by the application's class loader (fmd's own, as fmd lives in {@code WEB-INF/lib}) or a child of
     * it are monitored.
     */
    private static boolean isApplicationClass(Class<?> type) {
        ClassLoader application = EndpointRegistry.class.getClassLoader();
        for (ClassLoader loader = type.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader == application) {
                return true;
            }
        }
        return false;
    }

    /** {@code Class.method}, plus the parameter types when the class has several resource methods of that name. */
    static String name(Class<?> type, Method method) {
        String base = type.getSimpleName() + "." + method.getName();
        long sameName = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(method.getName()) && ResourceMethods.isResourceMethod(type, m))
                .count();
        if (sameName <= 1) {
            return base;
        }
        return base + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static String key(Class<?> type, Method method) {
        return type.getName() + '#' + method.getName() + Arrays.toString(method.getParameterTypes());
    }
}
