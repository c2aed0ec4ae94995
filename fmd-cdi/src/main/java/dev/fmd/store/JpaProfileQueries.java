package dev.fmd.store;

import dev.fmd.profiler.CodeLine;
import dev.fmd.profiler.GroupedLine;
import dev.fmd.profiler.GroupedProfile;
import dev.fmd.profiler.StackLine;
import dev.fmd.query.ProfileQueries;
import dev.fmd.query.ProfiledPage;
import dev.fmd.query.ProfiledRequest;
import dev.fmd.query.ProfiledVersion;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ProfileQueries} from {@code <prefix>request}, {@code <prefix>stack_line} and {@code <prefix>code_line}, in
 * plain JDBC. A request is profiled when it has the stack line of position 0 (its endpoint method). The lists walk an
 * endpoint's requests on the index {@code (endpoint_id, time_requested)}, newest first, and look each one's root line
 * up by the primary key of {@code stack_line}: keyset-paginated like {@link JpaRequestQueries}, never a scan of the
 * stack lines. A tree is read by its primary-key range; a grouped profile reads the trees of the newest profiled
 * requests and merges them with {@link GroupedProfile#merge}.
 */
@ApplicationScoped
public class JpaProfileQueries implements ProfileQueries {

    /** request ids per {@code IN} list when reading many trees */
    private static final int TREES_PER_READ = 500;

    private Store store;

    /** For the container's proxy. */
    protected JpaProfileQueries() {
    }

    @Inject
    public JpaProfileQueries(Store store) {
        this.store = store.unproxied();
    }

    @Override
    public ProfiledPage profiledRequests(long endpointId, TimeWindow window, RequestCursor before, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one request, not " + size);
        }
        RowConditions where = profiled(endpointId, window).before("r.time_requested", "r.id", before);
        List<ProfiledRequest> rows = store.readRows(c -> requests(c, where,
                "r.time_requested DESC, r.id DESC", size + 1));
        return new ProfiledPage(RowConditions.page(rows, size), RowConditions.next(rows, size,
                last -> new RequestCursor(last.timeRequested(), last.requestId())));
    }

    @Override
    public List<ProfiledRequest> slowestProfiled(long endpointId, TimeWindow window, int count) {
        return store.readRows(c -> requests(c, profiled(endpointId, window), "r.duration DESC, r.id DESC", count));
    }

    @Override
    public Optional<ProfiledRequest> profiledRequest(long requestId) {
        RowConditions where = new RowConditions().and("r.id = ?", requestId).and(hasTree("r.id"));
        return store.readRows(c -> requests(c, where, "r.id", 1)).stream().findFirst();
    }

    @Override
    public List<StackLine> tree(long requestId) {
        return store.readRows(c -> trees(c, List.of(requestId))).getOrDefault(requestId, List.of());
    }

    @Override
    public List<GroupedLine> grouped(long endpointId, TimeWindow window, String version, int requests) {
        if (requests < 1) {
            return List.of();
        }
        RowConditions where = profiled(endpointId, window);
        if (version != null) {
            // plain equality, which PostgreSQL estimates from its statistics (a COALESCE it cannot)
            where.and(version.isEmpty() ? "(r.version_requested IS NULL OR r.version_requested = '')"
                    : "r.version_requested = ?", version.isEmpty() ? new Object[0] : new Object[] {version});
        }
        return store.readRows(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(dialect(c).firstRows("SELECT r.id FROM "
                    // by time alone, as the index has it: with the id too, PostgreSQL sorted every request of the
                    // version in the window (870 ms on 10 million requests) instead of walking the index (30 ms);
                    // which of requests started in the same millisecond make the last ones merged does not matter
                    + table("request") + " r WHERE " + where + " ORDER BY r.time_requested DESC", requests))) {
                where.bind(select);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return GroupedProfile.merge(new ArrayList<>(trees(c, ids).values()));
        });
    }

    @Override
    public List<ProfiledVersion> profiledVersions(long endpointId, TimeWindow window) {
        RowConditions where = profiled(endpointId, window);
        return store.readRows(c -> {
            List<ProfiledVersion> versions = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(r.version_requested, ''), "
                    + "COUNT(*), MIN(r.time_requested), MAX(r.time_requested) FROM " + table("request") + " r WHERE "
                    + where + " GROUP BY COALESCE(r.version_requested, '')")) {
                where.bind(select);
                try (ResultSet rows = select.executeQuery()) {
                    Calendar utc = RollupReads.utc();
                    while (rows.next()) {
                        versions.add(new ProfiledVersion(rows.getString(1), rows.getLong(2),
                                RollupReads.time(rows, 3, utc).toInstant(ZoneOffset.UTC),
                                RollupReads.time(rows, 4, utc).toInstant(ZoneOffset.UTC)));
                    }
                }
            }
            versions.sort(Comparator.comparing(ProfiledVersion::last).reversed()
                    .thenComparing(ProfiledVersion::version));
            return versions;
        });
    }

    /** @return the conditions of an endpoint's profiled requests in a window */
    private RowConditions profiled(long endpointId, TimeWindow window) {
        return new RowConditions().and("r.endpoint_id = ?", endpointId)
                .window("r.time_requested", "r.instance", window).and(hasTree("r.id"));
    }

    /** @return the condition that the request of this id column has a stored call tree, by the primary key */
    private String hasTree(String requestId) {
        return "EXISTS (SELECT 1 FROM " + table("stack_line") + " s WHERE s.request_id = " + requestId
                + " AND s.position = 0)";
    }

    private List<ProfiledRequest> requests(Connection connection, RowConditions where, String order, int limit)
            throws SQLException {
        List<ProfiledRequest> requests = new ArrayList<>();
        if (limit < 1) {
            return requests;
        }
        try (PreparedStatement select = connection.prepareStatement(dialect(connection).firstRows(
                "SELECT r.id, r.endpoint_id, r.time_requested, r.duration, r.version_requested, r.group_by, "
                        + "r.status_code, (SELECT MIN(o.id) FROM " + table("outlier") + " o WHERE o.request_id = r.id)"
                        + " FROM " + table("request") + " r WHERE " + where + " ORDER BY " + order, limit))) {
            where.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                Calendar utc = RollupReads.utc();
                while (rows.next()) {
                    long outlier = rows.getLong(8);
                    Long outlierId = rows.wasNull() ? null : outlier;
                    requests.add(new ProfiledRequest(rows.getLong(1), rows.getLong(2),
                            RollupReads.time(rows, 3, utc).toInstant(ZoneOffset.UTC), rows.getDouble(4),
                            rows.getString(5), rows.getString(6), rows.getInt(7), outlierId));
                }
            }
        }
        return requests;
    }

    /** @return the call trees of the requests that have one, in pre-order, by request id in the order given */
    private Map<Long, List<StackLine>> trees(Connection connection, List<Long> requestIds) throws SQLException {
        Map<Long, List<StackLine>> trees = new LinkedHashMap<>();
        requestIds.forEach(id -> trees.put(id, new ArrayList<>()));
        for (int from = 0; from < requestIds.size(); from += TREES_PER_READ) {
            List<Long> ids = requestIds.subList(from, Math.min(requestIds.size(), from + TREES_PER_READ));
            try (PreparedStatement select = connection.prepareStatement("SELECT s.request_id, s.position, s.indent, "
                    + "s.duration, c.class_name, c.method_name, c.file_name, c.line_number FROM "
                    + table("stack_line") + " s JOIN " + table("code_line") + " c ON c.id = s.code_line_id "
                    + "WHERE s.request_id IN (" + RowConditions.marks(ids.size())
                    + ") ORDER BY s.request_id, s.position")) {
                for (int i = 0; i < ids.size(); i++) {
                    select.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        trees.get(rows.getLong(1)).add(new StackLine(rows.getInt(2), rows.getInt(3),
                                new CodeLine(rows.getString(5), rows.getString(6), rows.getString(7), rows.getInt(8)),
                                rows.getDouble(4)));
                    }
                }
            }
        }
        trees.values().removeIf(List::isEmpty);
        return trees;
    }

    private String table(String name) {
        return store.schema().name(name);
    }

    private static Schema.Dialect dialect(Connection connection) throws SQLException {
        return Schema.Dialect.of(connection);
    }

}
