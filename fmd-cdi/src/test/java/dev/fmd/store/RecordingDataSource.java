package dev.fmd.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Wraps a datasource and records, for each transaction committed explicitly on its connections, how many rows its
 * DELETE statements removed (0 for one that only read): what a job did, as the database saw it. Statements on
 * auto-commit connections (the lease's) are not transactions of the job and are not recorded.
 */
final class RecordingDataSource {

    private final DataSource target;
    private final List<Integer> transactions = new CopyOnWriteArrayList<>();

    RecordingDataSource(DataSource target) {
        this.target = target;
    }

    /** @return the datasource to hand to the job */
    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, args, result) ->
                method.getName().equals("getConnection") ? connection((Connection) result) : result);
    }

    /** @return rows deleted per committed transaction, in commit order */
    List<Integer> transactions() {
        return List.copyOf(transactions);
    }

    private Connection connection(Connection real) {
        int[] deleted = {0};
        return proxy(Connection.class, real, (method, args, result) -> {
            switch (method.getName()) {
                case "prepareStatement" -> {
                    boolean delete = ((String) args[0]).trim().toUpperCase(Locale.ROOT).startsWith("DELETE");
                    return delete ? deleteStatement((PreparedStatement) result, deleted) : result;
                }
                case "commit" -> {
                    transactions.add(deleted[0]);
                    deleted[0] = 0;
                }
                case "rollback" -> deleted[0] = 0;
                default -> {
                    // nothing to record
                }
            }
            return result;
        });
    }

    private static PreparedStatement deleteStatement(PreparedStatement real, int[] deleted) {
        return proxy(PreparedStatement.class, real, (method, args, result) -> {
            if (method.getName().equals("executeUpdate")) {
                deleted[0] += (Integer) result;
            }
            return result;
        });
    }

    /** What a proxy does with the target's result. */
    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method, args, result);
                }));
    }
}
