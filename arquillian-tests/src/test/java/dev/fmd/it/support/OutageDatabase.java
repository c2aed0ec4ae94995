package dev.fmd.it.support;

import jakarta.annotation.sql.DataSourceDefinition;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL (127.0.0.1:5433) or MariaDB (127.0.0.1:3307) instance, beside the shared ones, which a test
 * stops and starts for real ({@code scripts/outage-database.sh}). Deployed into the test WAR as
 * {@value #JNDI_NAME}.
 */
public final class OutageDatabase {

    /** The throwaway PostgreSQL, for WARs of a PostgreSQL run. */
    @DataSourceDefinition(name = JNDI_NAME + "postgresql", className = "org.postgresql.ds.PGSimpleDataSource",
            serverName = "127.0.0.1", portNumber = 5433, databaseName = "test", user = "postgres", password = "",
            properties = {"connectTimeout=2", "socketTimeout=10"})
    public static final class Postgres {
    }

    /** The throwaway MariaDB, for WARs of a MariaDB run. */
    @DataSourceDefinition(name = JNDI_NAME + "mariadb", className = "org.mariadb.jdbc.MariaDbDataSource",
            url = "jdbc:mariadb://127.0.0.1:3307/test?user=root&connectTimeout=2000&socketTimeout=10000")
    public static final class MariaDb {
    }

    /** Where the WAR finds the throwaway database of this run's kind, suffixed by the kind. */
    public static final String JNDI_NAME = "java:app/jdbc/outage-";

    private OutageDatabase() {
    }

    /** @return "postgresql" or "mariadb" for this run; the default datasource has no throwaway instance */
    public static String kind() {
        return Database.current().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Adds the datasource and driver, and points fmd at the throwaway database.
     *
     * @param war    the WAR
     * @param config its keys, completed here
     */
    public static void configure(WebArchive war, Map<String, String> config) {
        war.addClass(kind().equals("postgresql") ? Postgres.class : MariaDb.class);
        war.addAsLibrary(new File(TestWars.LIBS, kind().equals("postgresql") ? "postgresql.jar"
                : "mariadb-java-client.jar"));
        config.put("fmd.datasource", JNDI_NAME + kind());
    }

    /** Starts the instance (creating it the first time). */
    public static void start() {
        run("start");
    }

    /** Stops the instance, as an operator or a crash would. */
    public static void stop() {
        run("stop");
    }

    /** @return a connection from the test JVM */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(kind().equals("postgresql")
                ? "jdbc:postgresql://127.0.0.1:5433/test?user=postgres" : "jdbc:mariadb://127.0.0.1:3307/test?user=root");
    }

    private static void run(String action) {
        Path script = Path.of(System.getProperty("fmd.it.basedir", "."), "..", "scripts", "outage-database.sh");
        try {
            File log = new File(System.getProperty("fmd.it.target", "target"), "outage-database.log");
            Process process = new ProcessBuilder("bash", script.toString(), kind(), action)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(script + " " + kind() + " " + action + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
