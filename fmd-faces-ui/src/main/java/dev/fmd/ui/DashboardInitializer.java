package dev.fmd.ui;

import dev.fmd.access.DashboardAccess;
import dev.fmd.access.LoginThrottle;
import dev.fmd.access.TokenGate;
import dev.fmd.config.DashboardSettings;
import dev.fmd.monitor.ClientAddress;
import dev.fmd.monitor.FmdBeans;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import java.util.EnumSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the dashboard at {@code /<fmd.custom-link>} (default {@code /fmd}) when the application starts: the login
 * guard over all of it ({@link DashboardGuard}), the login and logout addresses, the home address, the static
 * assets, and exact mappings of each page to the application's Faces servlet. When nobody can log in (no password,
 * no role), the log says once what to set. Exact mappings win
 * over every other mapping of the application (even a JAX-RS application at {@code /*}), and add no pattern that
 * could change how the application's own pages are served.
 */
public class DashboardInitializer implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger("dev.fmd");
    private static final String FACES_SERVLET = "jakarta.faces.webapp.FacesServlet";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            FmdBeans.config().ifPresent(config -> {
                DashboardSettings settings = config.dashboard();
                String base = "/" + settings.link();
                DashboardAccess access = new DashboardAccess(settings);
                if (!access.loginConfigured()) {
                    LOG.warning(DashboardAccess.HOW_TO_CONFIGURE);
                }
                declareRoles(context, settings);
                FilterRegistration.Dynamic guard = context.addFilter("fmd-guard", new DashboardGuard(access, base));
                if (guard != null) {
                    guard.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, base + "/*");
                }
                TokenGate gate = new TokenGate(LoginThrottle.shared(context),
                        new ClientAddress(config.trustedProxies()));
                servlet(context, "fmd-login", new LoginServlet(access, gate, base), base + "/login");
                servlet(context, "fmd-logout", new LogoutServlet(access, base), base + "/logout");
                servlet(context, "fmd-home", new DashboardHomeServlet(base), base, base + "/");
                servlet(context, "fmd-assets", new AssetServlet(), base + "/assets/*");
                servlet(context, "fmd-export", new ExportServlet(access, config.adminToken(), gate, base),
                        base + "/export");
                ServletRegistration faces = context.getServletRegistrations().values().stream()
                        .filter(r -> FACES_SERVLET.equals(r.getClassName())).findFirst().orElse(null);
                if (faces == null) {
                    LOG.warning("fmd's dashboard is off: the application has no Faces servlet (is Faces disabled?).");
                    return;
                }
                faces.addMapping(DashboardViews.PAGES.stream().map(page -> base + "/" + page).toArray(String[]::new));
            });
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "fmd's dashboard could not be added: " + e + ". The application is not affected.",
                    e);
        }
    }

    private static void servlet(ServletContext context, String name, Servlet servlet, String... mappings) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        if (registration != null) {
            registration.addMapping(mappings);
        }
    }

    /**
     * Declares {@code fmd.admin-role} and {@code fmd.guest-role} as roles of the application, as a
     * {@code <security-role>} would: servers answer {@code isUserInRole} only for declared roles.
     */
    private static void declareRoles(ServletContext context, DashboardSettings settings) {
        String[] roles = java.util.stream.Stream.of(settings.adminRole(), settings.guestRole())
                .filter(role -> !role.isEmpty()).distinct().toArray(String[]::new);
        if (roles.length > 0) {
            try {
                context.declareRoles(roles);
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                LOG.warning("fmd could not declare the roles " + String.join(", ", roles) + " (" + e + "): declare "
                        + "them as <security-role> in web.xml for fmd.admin-role / fmd.guest-role to work.");
            }
        }
    }
}
