package dev.fmd.monitor;

/**
 * One monitored resource method, as the dashboard lists it: {@code OrderResource.get}, {@code GET /api/orders/{id}};
 * or a pseudo-endpoint of requests that reached no resource method ({@link #unmatched}).
 * <p>
 * Created once at deployment by the {@link EndpointRegistry}; its database id is filled in by the store when the
 * endpoint row exists, and its level can change at run time.
 */
public final class Endpoint {

    /** The name of the pseudo-endpoints of requests that reached no resource method. */
    public static final String UNMATCHED = "(unmatched)";

    private final String name;
    private final String httpMethod;
    private final String path;
    private final String className;
    private final String declaringClassName;
    private final String methodName;
    private final int maxLevel;
    private volatile int level;
    private volatile long id;

    Endpoint(String name, String httpMethod, String path, int level, String className, String declaringClassName,
             String methodName) {
        this(name, httpMethod, path, level, 3, className, declaringClassName, methodName);
    }

    private Endpoint(String name, String httpMethod, String path, int level, int maxLevel, String className,
                     String declaringClassName, String methodName) {
        this.maxLevel = maxLevel;
        this.name = name;
        this.httpMethod = httpMethod;
        this.path = path;
        this.level = Math.min(level, maxLevel);
        this.className = className;
        this.declaringClassName = declaringClassName;
        this.methodName = methodName;
    }

    /**
     * The pseudo-endpoint of the requests of one HTTP method and path template that reached no resource method (see
     * {@link EndpointRegistry#unmatched}). It has no Java method, is measured (level 1: counts, durations, statuses)
     * and never goes above level 1: no outliers, no profiles.
     *
     * @param httpMethod the requests' HTTP method
     * @param template   their {@link PathTemplate}
     * @return a new pseudo-endpoint named {@value #UNMATCHED}
     */
    static Endpoint unmatched(String httpMethod, String template) {
        return new Endpoint(UNMATCHED, httpMethod, template, 1, 1, "", "", "");
    }

    /**
     * @param className  the class of a stack frame
     * @param methodName the method of a stack frame
     * @return whether the frame is this endpoint's resource method (the user's class or the one declaring it)
     */
    public boolean isMethodFrame(String className, String methodName) {
        return !this.methodName.isEmpty() && this.methodName.equals(methodName)
                && (this.className.equals(className) || declaringClassName.equals(className));
    }

    /** @return the name of the Java method */
    public String methodName() {
        return methodName;
    }

    /** @return the user's resource class, as frames name it */
    public String className() {
        return className;
    }

    /** @return {@code ResourceClass.method}, with the parameter types when the class overloads the method */
    public String name() {
        return name;
    }

    /** @return {@code GET}, {@code POST}, ... */
    public String httpMethod() {
        return httpMethod;
    }

    /** @return the path template, e.g. {@code /api/orders/{id}} */
    public String path() {
        return path;
    }

    /** @return the highest level it can have: 3, or 1 for a pseudo-endpoint of {@link #unmatched} requests */
    public int maxLevel() {
        return maxLevel;
    }

    /** @return the monitoring level: 0 only last-requested, 1 measurements, 2 + outliers, 3 + profiler */
    public int level() {
        return level;
    }

    /**
     * @param level the new monitoring level, as stored in the endpoint table; a pseudo-endpoint of
     *              {@link #unmatched} requests keeps at most 1
     */
    public void level(int level) {
        this.level = Math.min(level, maxLevel);
    }

    /** @return the database id, or 0 while the endpoint row has not been written yet */
    public long id() {
        return id;
    }

    /** @param id the database id of the endpoint row */
    public void id(long id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return name + " (" + httpMethod + " " + path + ")";
    }
}
