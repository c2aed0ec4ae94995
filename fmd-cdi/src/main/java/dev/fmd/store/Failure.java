package dev.fmd.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;

/**
 * Why a write failed, told apart by the standard SQLState class of the database's answer rather than by message
 * text: the database could not be reached or could not serve now ({@link Kind#TRANSIENT}: the same batch is tried
 * again later), or it refused the data ({@link Kind#DATA}: the batch is split to find the rows it refuses).
 * <table>
 * <caption>SQLState classes</caption>
 * <tr><th>class</th><th>meaning</th><th>kind</th></tr>
 * <tr><td>08</td><td>connection exception (refused, broken, timed out)</td><td>transient</td></tr>
 * <tr><td>40</td><td>transaction rollback (deadlock, serialization)</td><td>transient</td></tr>
 * <tr><td>53, 54, 55, 57, 58</td><td>insufficient resources, limits, state, operator intervention (shutdown), system
 *     error</td><td>transient</td></tr>
 * <tr><td>HYT</td><td>timeout</td><td>transient</td></tr>
 * <tr><td>others (22 data, 23 constraint, 42 syntax or access, ...)</td><td></td><td>data</td></tr>
 * </table>
 * A failure without an SQLState (a pool that could not hand out a connection, say) is transient when the database
 * does not answer a probe at once, else data.
 * <p>
 * After a database restart, a connection pool without validation keeps handing out the connections that died with
 * it. {@link #answers} therefore aborts every dead connection it is handed ({@link Connection#abort}, which an
 * application server's pool takes as "remove it"), until the pool hands out a live one or cannot reach the database.
 *
 * @param kind     transient or data
 * @param sqlState the first SQLState found in the causes, or null
 * @param summary  one line for the log: the SQLState and the deepest message, passwords and tokens in it hidden
 *                 ({@link dev.fmd.outlier.Redactor#redactText})
 */
record Failure(Kind kind, String sqlState, String summary) {

    /** Dead connections removed at most per probe: more than a pool usually holds. */
    private static final int MAX_DEAD_CONNECTIONS = 64;

    /** What is done about a failure. */
    enum Kind {
        /** try the same records again, later */
        TRANSIENT,
        /** the database refused some of the records */
        DATA
    }

    /**
     * @param failure    what the write threw
     * @param dataSource probed when the failure carries no SQLState
     * @return the failure's kind
     */
    static Failure of(Throwable failure, DataSource dataSource) {
        String state = null;
        boolean transientType = false;
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            deepest = t;
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                transientType = true;
            }
            if (state == null && t instanceof SQLException sql && sql.getSQLState() != null
                    && !sql.getSQLState().isBlank()) {
                state = sql.getSQLState();
            }
        }
        String summary = (state == null ? "" : "SQLState " + state + ": ") + deepest.getClass().getSimpleName()
                + ": " + dev.fmd.outlier.Redactor.redactText(deepest.getMessage());
        Kind kind;
        if (state != null) {
            kind = isTransient(state) ? Kind.TRANSIENT : Kind.DATA;
        } else if (transientType) {
            kind = Kind.TRANSIENT;
        } else {
            kind = answers(dataSource) ? Kind.DATA : Kind.TRANSIENT;
        }
        return new Failure(kind, state, summary.length() > 500 ? summary.substring(0, 500) : summary);
    }

    /** @return whether the SQLState's class means "not now" rather than "not this data" */
    static boolean isTransient(String sqlState) {
        String type = sqlState.length() >= 2 ? sqlState.substring(0, 2) : sqlState;
        return switch (type) {
            case "08", "40", "53", "54", "55", "57", "58" -> true;
            default -> sqlState.startsWith("HYT");
        };
    }

    /**
     * Asks the database whether it answers, removing the dead connections the pool hands out on the way.
     *
     * @param dataSource the datasource
     * @return whether a live connection could be had
     */
    static boolean answers(DataSource dataSource) {
        if (dataSource == null) {
            return false;
        }
        for (int attempt = 0; attempt < MAX_DEAD_CONNECTIONS; attempt++) {
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException | RuntimeException e) {
                return false;
            }
            boolean live = false;
            try {
                live = connection.isValid(2);
            } catch (SQLException | RuntimeException e) {
                // dead
            }
            try {
                if (live) {
                    connection.close();
                    return true;
                }
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException | AbstractMethodError e) {
                closeQuietly(connection);
            }
        }
        return false;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // nothing more to do
        }
    }
}
