package dev.fmd.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Builds the WARs the tests deploy, from the jars a user's build would package ({@code target/it-libs}). */
public final class TestWars {

    /** The jars copied by the build: fmd-cdi, fmd-faces-ui, PrimeFaces, the sample WAR and the JDBC drivers. */
    public static final File LIBS = new File(System.getProperty("fmd.it.libs", "target/it-libs"));

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    /** The dashboard admin's password of every test WAR that sets none itself ({@code fmd.password}). */
    public static final String ADMIN_PASSWORD = "it-admin-password";

    private TestWars() {
    }

    /** @return a table prefix no other test class or run uses */
    public static String uniquePrefix() {
        return "it" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36) + "_";
    }

    /**
     * @param war    a WAR to which fmd is added as a user adds it: fmd-faces-ui with fmd-cdi and PrimeFaces
     * @return the same WAR
     */
    public static WebArchive withFmd(WebArchive war) {
        return war.addAsLibraries(new File(LIBS, "fmd-cdi.jar"), new File(LIBS, "fmd-faces-ui.jar"),
                new File(LIBS, "primefaces.jar"));
    }

    /** @return the sample WAR as its build made it */
    public static WebArchive sample() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(LIBS, "fmd-war-sample.war"));
    }

    /**
     * Replaces the WAR's {@code microprofile-config.properties} with the given keys, pointing fmd at the database of
     * this run, and adds the probe the tests read fmd's rows with. Without {@code fmd.password} among the keys the
     * admin's password is {@link #ADMIN_PASSWORD} (an empty value: no password).
     *
     * @param war    the WAR
     * @param config its keys, in order
     * @param prefix the table prefix
     * @return the same WAR
     */
    public static WebArchive configured(WebArchive war, Map<String, String> config, String prefix) {
        return configured(war, config, prefix, Database.current());
    }

    /** As {@link #configured(WebArchive, Map, String)}, on the given database rather than this run's. */
    public static WebArchive configured(WebArchive war, Map<String, String> config, String prefix,
                                        Database database) {
        Map<String, String> keys = new LinkedHashMap<>(config);
        keys.putIfAbsent("fmd.password", ADMIN_PASSWORD);
        database.configure(war, keys, prefix);
        war.delete(CONFIG);
        war.add(new StringAsset(keys.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"))), CONFIG);
        return war.addClass(FmdRowsProbe.class);
    }
}
