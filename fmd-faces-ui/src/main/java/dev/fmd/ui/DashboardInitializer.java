package dev.fmd.ui;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.FmdBeans;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the dashboard at {@code /<fmd.custom-link>} (default {@code /fmd}) when the application starts: the home
 * address, the static assets, and exact mappings of each page to the application's Faces servlet. Exact mappings win
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
            FmdBeans.config().map(FmdConfig::dashboard).ifPresent(settings -> {
                String base = "/" + settings.link();
                ServletRegistration.Dynamic home = context.addServlet("fmd-home", new DashboardHomeServlet(base));
                if (home != null) {
                    home.addMapping(base, base + "/");
                }
                ServletRegistration.Dynamic assets = context.addServlet("fmd-assets", new AssetServlet());
                if (assets != null) {
                    assets.addMapping(base + "/assets/*");
                }
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
}
