package dev.fmd.store;

import dev.fmd.query.EndpointQueries;
import dev.fmd.query.EndpointSummary;
import dev.fmd.query.TimeWindow;
import dev.fmd.store.RollupReads.Figures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EndpointQueries} from the rollups: totals from the daily rollups plus today's hours, window figures through
 * {@link RollupReads}; for one endpoint, the same reads narrowed to its rows.
 */
@ApplicationScoped
public class JpaEndpointQueries extends RollupQueryService implements EndpointQueries {

    /** For the container's proxy. */
    protected JpaEndpointQueries() {
    }

    @Inject
    public JpaEndpointQueries(Store store) {
        super(store);
    }

    @Override
    public List<EndpointSummary> overview(TimeWindow window, Instant now) {
        List<EndpointEntity> endpoints = read(em -> em.createQuery(
                "SELECT e FROM FmdEndpoint e ORDER BY e.name, e.httpMethod, e.path", EndpointEntity.class)
                .getResultList());
        return rows(c -> summaries(c, endpoints, window, now, null));
    }

    @Override
    public Optional<EndpointSummary> summary(long endpointId, TimeWindow window, Instant now) {
        EndpointEntity endpoint = read(em -> em.find(EndpointEntity.class, endpointId));
        return endpoint == null ? Optional.empty()
                : Optional.of(rows(c -> summaries(c, List.of(endpoint), window, now, endpointId)).get(0));
    }

    /**
     * @param endpoint null to read every endpoint's rollup rows, or the one endpoint whose rows to read
     * @return the lines of the endpoints, in their order
     */
    private List<EndpointSummary> summaries(Connection connection, List<EndpointEntity> endpoints,
                                            TimeWindow window, Instant now, Long endpoint) throws SQLException {
        LocalDateTime today = LocalDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        Instant midnight = today.toInstant(ZoneOffset.UTC);
        Instant end = now.plusMillis(1);
        String filter = endpoint == null ? null : "endpoint_id = ?";
        Object[] params = endpoint == null ? new Object[0] : new Object[] {endpoint};
        Map<List<Object>, RollupReads.Sums> before = reads.window(connection, window.span(Instant.EPOCH, midnight),
                Figures.COUNTS, "endpoint_id", filter, params);
        Map<List<Object>, RollupReads.Sums> sinceMidnight = reads.window(connection, window.span(midnight, end),
                Figures.COUNTS, "endpoint_id", filter, params);
        Map<List<Object>, RollupReads.Sums> week = reads.window(connection,
                window.span(today.minusDays(6).toInstant(ZoneOffset.UTC), end), Figures.COUNTS, "endpoint_id",
                filter, params);
        Map<List<Object>, RollupReads.Sums> inWindow = reads.window(connection, window, Figures.DURATIONS,
                "endpoint_id", filter, params);
        List<EndpointSummary> summaries = new ArrayList<>(endpoints.size());
        RollupReads.Sums none = new RollupReads.Sums();
        for (EndpointEntity e : endpoints) {
            List<Object> key = List.of(e.id());
            RollupReads.Sums w = inWindow.getOrDefault(key, none);
            long todayHits = sinceMidnight.getOrDefault(key, none).hits;
            summaries.add(new EndpointSummary(e.id(), e.name(), e.httpMethod(), e.path(), e.monitorLevel(),
                    before.getOrDefault(key, none).hits + todayHits, todayHits,
                    week.getOrDefault(key, none).hits, w.hits, w.quantile(0.5), w.quantile(0.9),
                    w.quantile(0.99), w.clientErrors, w.errors,
                    e.lastRequested() == null ? null : e.lastRequested().toInstant(ZoneOffset.UTC)));
        }
        return summaries;
    }
}
