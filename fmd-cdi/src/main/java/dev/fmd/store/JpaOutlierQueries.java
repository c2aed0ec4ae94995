package dev.fmd.store;

import dev.fmd.query.OutlierDetails;
import dev.fmd.query.OutlierPage;
import dev.fmd.query.OutlierQueries;
import dev.fmd.query.OutlierSummary;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;

/**
 * {@link OutlierQueries} from {@code <prefix>outlier}, in plain JDBC, each outlier joined with its request (duration,
 * status, instance), its endpoint (name) and the root line of its call tree (profiled or not). Lists walk the
 * indexes {@code (endpoint_id, time_requested, request_id)} and {@code (time_requested, request_id)} of the outlier
 * table newest first, keyset-paginated like {@link JpaRequestQueries}.
 */
@ApplicationScoped
public class JpaOutlierQueries implements OutlierQueries {

    /** the columns of a summary, in the order {@link #summary} reads them */
    private static final String SUMMARY = "o.id, o.request_id, o.endpoint_id, e.name, o.time_requested, r.duration, "
            + "o.average_ms, r.status_code";

    private Store store;

    /** For the container's proxy. */
    protected JpaOutlierQueries() {
    }

    @Inject
    public JpaOutlierQueries(Store store) {
        this.store = store.unproxied();
    }

    @Override
    public OutlierPage outliers(Long endpointId, TimeWindow window, RequestCursor before, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one outlier, not " + size);
        }
        RowConditions where = of(endpointId, window).before("o.time_requested", "o.request_id", before);
        List<OutlierSummary> rows = store.readRows(c -> summaries(c, where,
                "o.time_requested DESC, o.request_id DESC", size + 1));
        return new OutlierPage(RowConditions.page(rows, size), RowConditions.next(rows, size,
                last -> new RequestCursor(last.timeRequested(), last.requestId())));
    }

    @Override
    public List<OutlierSummary> slowestOutliers(Long endpointId, TimeWindow window, int count) {
        return store.readRows(c -> summaries(c, of(endpointId, window), "r.duration DESC, o.id DESC", count));
    }

    @Override
    public Optional<OutlierDetails> outlier(long id) {
        return store.readRows(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + SUMMARY + ", " + profiled()
                    + ", o.stack_trace, o.cpu_percent, o.heap_used, o.heap_committed, o.request_url, o.query_params, "
                    + "o.form_params, o.request_headers, o.request_environment" + from() + " WHERE o.id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    double cpu = rows.getDouble(11);
                    return Optional.of(new OutlierDetails(summary(rows, RollupReads.utc()), rows.getString(10),
                            rows.wasNull() ? -1 : cpu, rows.getLong(12), rows.getLong(13), rows.getString(14),
                            rows.getString(15), rows.getString(16), rows.getString(17), rows.getString(18)));
                }
            }
        });
    }

    private static RowConditions of(Long endpointId, TimeWindow window) {
        RowConditions where = new RowConditions();
        if (endpointId != null) {
            where.and("o.endpoint_id = ?", endpointId);
        }
        return where.window("o.time_requested", "r.instance", window);
    }

    private List<OutlierSummary> summaries(Connection connection, RowConditions where, String order, int limit)
            throws SQLException {
        List<OutlierSummary> summaries = new ArrayList<>();
        if (limit < 1) {
            return summaries;
        }
        try (PreparedStatement select = connection.prepareStatement(Schema.Dialect.of(connection).firstRows(
                "SELECT " + SUMMARY + ", " + profiled() + from() + " WHERE " + where + " ORDER BY " + order,
                limit))) {
            where.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                Calendar utc = RollupReads.utc();
                while (rows.next()) {
                    summaries.add(summary(rows, utc));
                }
            }
        }
        return summaries;
    }

    /** @return the summary of the row's first nine columns ({@link #SUMMARY} and {@link #profiled()}) */
    private static OutlierSummary summary(ResultSet rows, Calendar utc) throws SQLException {
        double duration = rows.getDouble(6);
        if (rows.wasNull()) {
            duration = Double.NaN;
        }
        double average = rows.getDouble(7);
        if (rows.wasNull()) {
            average = Double.NaN;
        }
        return new OutlierSummary(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
                RollupReads.time(rows, 5, utc).toInstant(ZoneOffset.UTC), duration, average, rows.getInt(8),
                rows.getLong(9) > 0);
    }

    /** @return the select expression of whether the outlier's request has a call tree: 1 or 0 */
    private String profiled() {
        return "(SELECT COUNT(*) FROM " + table("stack_line") + " s WHERE s.request_id = o.request_id "
                + "AND s.position = 0)";
    }

    private String from() {
        return " FROM " + table("outlier") + " o LEFT JOIN " + table("request") + " r ON r.id = o.request_id "
                + "LEFT JOIN " + table("endpoint") + " e ON e.id = o.endpoint_id";
    }

    private String table(String name) {
        return store.schema().name(name);
    }

}
