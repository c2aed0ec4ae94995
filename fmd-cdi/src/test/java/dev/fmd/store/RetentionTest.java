package dev.fmd.store;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.Problems;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What retention does with failures: it never throws into the writer, and sorts them the way the writer does. */
class RetentionTest {

    private final List<Failure> unreachable = new ArrayList<>();

    @Test
    void databaseThatDoesNotAnswerGoesToTheWritersOutageHandlingAndWaitsBeforeTryingAgain() {
        Retention retention = retention(failing(new SQLException("Connection refused", "08001"), true));
        int warnings = FmdWarnings.INSTANCE.messages().size();

        retention.round();
        retention.round();

        assertEquals(1, unreachable.size(), "told once; the next try is a minute later");
        assertEquals(Failure.Kind.TRANSIENT, unreachable.get(0).kind());
        assertEquals(warnings, FmdWarnings.INSTANCE.messages().size(), "an outage is not a problem of retention");
        assertTrue(retention.lastPass().isEmpty());
    }

    @Test
    void statementTheDatabaseRefusesIsReportedAsAProblemNotThrown() {
        Retention retention = retention(failing(new SQLException("relation \"x_lease\" does not exist", "42P01"),
                false));
        int warnings = FmdWarnings.INSTANCE.messages().size();

        retention.round();

        assertEquals(List.of(), unreachable, "the database answered");
        List<String> logged = FmdWarnings.INSTANCE.messages();
        assertEquals(1, logged.size() - warnings, "reported once: " + logged);
        assertTrue(logged.get(logged.size() - 1).contains("retention"), logged.get(logged.size() - 1));
    }

    @Test
    void paceNeverAllowsMoreThanTenThousandRowsPerTransaction() {
        assertThrows(IllegalArgumentException.class, () -> new Retention.Pace(Retention.MAX_ROWS + 1,
                Duration.ZERO, Duration.ofHours(1), Duration.ZERO, 0, Duration.ofMinutes(5)));
    }

    private Retention retention(DataSource dataSource) {
        FmdConfig config = FmdConfig.read(key -> Optional.ofNullable(Map.of(FmdConfig.TABLE_PREFIX, "x_").get(key)),
                "test");
        return new Retention(new Store(config, dataSource), new Problems(), unreachable::add,
                new Retention.Pace(100, Duration.ZERO, Duration.ofHours(1), Duration.ZERO, 0, Duration.ofMinutes(5)),
                Clock.systemUTC());
    }

    /**
     * @param failure      what the database answers
     * @param onConnecting whether it answers so to a connection attempt, else to every statement
     */
    private static DataSource failing(SQLException failure, boolean onConnecting) {
        Connection connection = (Connection) Proxy.newProxyInstance(RetentionTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")
                            || method.getName().equals("getMetaData")) {
                        throw failure;
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
        return (DataSource) Proxy.newProxyInstance(RetentionTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (self, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        if (onConnecting) {
                            throw failure;
                        }
                        return connection;
                    }
                    return null;
                });
    }
}
