package dev.fmd.it.support;

import dev.fmd.it.dropin.DropInApplication;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.Map;

/**
 * The drop-in application: written without fmd in mind (JAX-RS in every style, EJB, its own persistence unit,
 * filters, exception mappers and a Faces page of its own), with fmd added as a user adds it.
 */
public final class DropInApp {

    private DropInApp() {
    }

    /**
     * @param config fmd's keys
     * @param prefix the table prefix
     * @return the WAR, on this run's database
     */
    public static WebArchive war(Map<String, String> config, String prefix) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "dropin.war")
                .addPackage(DropInApplication.class.getPackage())
                .addAsResource("dropin/persistence.xml", "META-INF/persistence.xml")
                .addAsWebResource("dropin/hello.xhtml", "hello.xhtml");
        return TestWars.configured(TestWars.withFmd(war), config, prefix);
    }
}
