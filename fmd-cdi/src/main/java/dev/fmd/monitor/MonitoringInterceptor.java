package dev.fmd.monitor;

import dev.fmd.Monitored;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.io.Serializable;

/**
 * Bound by {@link Monitored} where the application puts it (fmd does not bind it on its own: on Jersey the
 * {@link ResponseFilter} notes the same exception for every resource at no cost per request). It notes
 * the exception that escapes the outermost resource method of the request (the application's own exception, before
 * any {@code ExceptionMapper} turns it into a response) and rethrows it unchanged. The request's clock is kept by the
 * {@link RequestTimingFilter}, which also sees resources that are not CDI beans, so a request is measured once however
 * many monitored methods it passes through.
 */
@Monitored
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class MonitoringInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @param context the intercepted call
     * @return what the resource method returned
     * @throws Exception what the resource method threw, unchanged
     */
    @AroundInvoke
    public Object monitor(InvocationContext context) throws Exception {
        InFlightRequest request = InFlightRequest.current();
        if (request == null) {
            return context.proceed();
        }
        request.enter();
        Throwable thrown = null;
        try {
            return context.proceed();
        } catch (Throwable t) {
            thrown = t;
            throw t;
        } finally {
            request.exit(thrown);
        }
    }
}
