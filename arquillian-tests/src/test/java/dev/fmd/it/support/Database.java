package dev.fmd.it.support;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * The database the current failsafe run stores fmd's tables in ({@code -Dfmd.it.database}): the server's default
 * datasource, or the local PostgreSQL or MariaDB through a {@code @DataSourceDefinition} in the test WAR. Tables get
 * a prefix unique to the test class, so runs never see each other's rows, and are dropped afterwards.
 */
public enum Database {
    DEFAULT(null, null, null),
    POSTGRESQL(PostgresDataSource.class, "postgresql.jar", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
    MARIADB(MariaDbDataSource.class, "mariadb-java-client.jar", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

    /** Every table of fmd's schema, without prefix. */
    public static final String[] TABLES = {"request", "rollup", "endpoint", "sequence", "code_line", "stack_line",
        "outlier", "rollup_day", "rollup_dimension", "rollup_status", "rollup_app_hour", "instance", "lease",
        "schema_version", "test_run", "test_result", "test_endpoint"};

    /** Where the test WARs bind the external database. */
    public static final String JNDI_NAME = "java:app/jdbc/fmd";

    private final Class<?> definition;
    private final String driverJar;
    private final String jdbcUrl;

    Database(Class<?> definition, String driverJar, String jdbcUrl) {
        this.definition = definition;
        this.driverJar = driverJar;
        this.jdbcUrl = jdbcUrl;
    }

    /** @return the database of this run */
    public static Database current() {
        return valueOf(System.getProperty("fmd.it.database", "default").toUpperCase(Locale.ROOT));
    }

    /**
     * Adds what the WAR needs to store into this database, and the keys that point fmd at it.
     *
     * @param war    the test WAR
     * @param config its MicroProfile Config keys, completed here
     * @param prefix the table prefix for this test class
     */
    public void configure(WebArchive war, Map<String, String> config, String prefix) {
        config.put("fmd.table-prefix", prefix);
        if (definition != null) {
            war.addClass(definition);
            war.addAsLibrary(new File(TestWars.LIBS, driverJar));
            config.put("fmd.datasource", JNDI_NAME);
        }
    }

    /** @param prefix drops this test class's tables, for the external databases */
    public void dropTables(String prefix) throws SQLException {
        if (jdbcUrl == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
    }

    /** @return a JDBC connection to the external database, from the test JVM */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }
}
