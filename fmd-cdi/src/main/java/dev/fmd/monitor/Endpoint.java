package dev.fmd.monitor;

/**
 * One monitored resource method, as the dashboard lists it: {@code OrderResource.get}, {@code GET /api/orders/{id}}.
 * <p>
 * Created once at deployment by the {@link EndpointRegistry}; its database id is filled in by the store when the
 * endpoint row exists, and its level can change at run time.
 */
public final class Endpoint {

    private final String name;
    private final String httpMethod;
    private final String path;
    private final String className;
    private final String declaringClassName;
    private final String methodName;
    private volatile int level;
    private volatile long id;

    Endpoint(String name, String httpMethod, String path, int level, String className, String declaringClassName,
             String methodName) {
        this.name = name;
        this.httpMethod = httpMethod;
        this.path = path;
        this.level = level;
        this.className = className;
        this.declaringClassName = declaringClassName;
        this.methodName = methodName;
    }

    /**
     * @param className  the class of a stack frame
     * @param methodName the method of a stack frame
     * @return whether the frame is this endpoint's resource method (the user's class or the one declaring it)
     */
    public boolean isMethodFrame(String className, String methodName) {
        return this.methodName.equals(methodName)
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

    /** @return the monitoring level: 0 only last-requested, 1 measurements, 2 + outliers, 3 + profiler */
    public int level() {
        return level;
    }

    /** @param level the new monitoring level, as stored in the endpoint table */
    public void level(int level) {
        this.level = level;
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
