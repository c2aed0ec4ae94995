package dev.fmd.monitor;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The servlets of the application that serve its JAX-RS applications, so that a request no resource method matched
 * is recorded only when it went to one of them (not a static file, a Faces page, fmd's dashboard or another servlet
 * of the host). A servlet serves JAX-RS when it is registered under the name of an {@code Application} subclass (as
 * the runtime registers an {@code @ApplicationPath} class, and {@code web.xml} names one) or of
 * {@code jakarta.ws.rs.core.Application}, or when its class is a JAX-RS runtime's servlet or an
 * {@code Application} subclass. An application with several {@code Application} classes has several such servlets.
 *
 * @param names the names of those servlets
 */
record JaxRsServlets(Set<String> names) {

    /** The servlet classes of the JAX-RS runtimes (Jersey, RESTEasy). */
    private static final Set<String> RUNTIME_SERVLETS = Set.of("org.glassfish.jersey.servlet.ServletContainer",
            "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher",
            "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher");

    /** No servlet: no request counts as an unmatched JAX-RS request. */
    static final JaxRsServlets NONE = new JaxRsServlets(Set.of());

    JaxRsServlets {
        names = Set.copyOf(names);
    }

    /**
     * @param context            the application's context, its servlets registered (from a filter's {@code init})
     * @param applicationClasses the names of the application's {@code Application} subclasses
     * @return its JAX-RS servlets
     */
    static JaxRsServlets of(ServletContext context, Collection<String> applicationClasses) {
        Set<String> names = new HashSet<>();
        for (ServletRegistration servlet : context.getServletRegistrations().values()) {
            String name = servlet.getName();
            String type = servlet.getClassName();
            if (applicationClasses.contains(name) || "jakarta.ws.rs.core.Application".equals(name)
                    || type != null && (RUNTIME_SERVLETS.contains(type) || applicationClasses.contains(type))) {
                names.add(name);
            }
        }
        return new JaxRsServlets(names);
    }

    /** @return whether the request was mapped to one of the JAX-RS servlets */
    boolean served(HttpServletRequest request) {
        return !names.isEmpty() && names.contains(request.getHttpServletMapping().getServletName());
    }
}
