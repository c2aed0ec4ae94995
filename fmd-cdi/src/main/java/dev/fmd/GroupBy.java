package dev.fmd;

/**
 * Supplies the group-by value of the current request: usually who made it, so that the dashboard can compare users.
 * <p>
 * Implement it as a CDI bean in the application; fmd calls it once per monitored request, on the request thread,
 * after the resource method returned (so request-scoped beans and the security context are available).
 * <pre>
 * &#64;RequestScoped
 * public class TenantGroupBy implements GroupBy {
 *     &#64;Inject SecurityContext security;
 *     public Object groupBy() {
 *         return List.of("tenant", tenantOf(security.getCallerPrincipal()));
 *     }
 * }
 * </pre>
 * The value is flattened to text as in Flask-MonitoringDashboard: a primitive or string as is ({@code 3},
 * {@code username}); a {@link java.util.function.Supplier} or {@link java.util.concurrent.Callable} by its result; a
 * collection, array or {@link java.util.Map.Entry} as a parenthesised, comma-separated tuple
 * ({@code (User,3)}, {@code ((User,3),(Username,username))}); {@code null} as no value.
 * Without such a bean the value is the authenticated principal's name, or none.
 * An exception thrown here is logged and the request is stored without a group-by value.
 */
@FunctionalInterface
public interface GroupBy {

    /**
     * @return the group-by value of the current request; any of the shapes described on this interface, or null
     * @throws Exception never reaches the application: fmd records the request without a group-by value
     */
    Object groupBy() throws Exception;
}
