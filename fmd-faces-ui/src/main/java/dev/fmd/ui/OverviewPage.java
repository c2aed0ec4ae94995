package dev.fmd.ui;

import dev.fmd.config.FmdConfig;
import dev.fmd.monitor.MonitorExtension;
import dev.fmd.store.EndpointQueries;
import dev.fmd.store.StoreExtension;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Backs {@code /fmd/index.xhtml}: every endpoint with its hits, median duration and last request. */
@Named("fmdOverview")
@RequestScoped
public class OverviewPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    MonitorExtension monitorExtension;

    @Inject
    StoreExtension storeExtension;

    private List<EndpointRow> endpoints = List.of();
    private String status;

    @PostConstruct
    void load() {
        Optional<EndpointQueries> queries = storeExtension.queries();
        if (monitorExtension.monitor().isEmpty() || queries.isEmpty()) {
            status = "fmd is disabled (fmd.enabled=false): nothing is measured.";
        } else if (!queries.get().isReady()) {
            status = "Waiting for fmd's database: measurements are kept in memory until it answers.";
        } else {
            try {
                endpoints = queries.get().overview(Instant.now()).stream().map(EndpointRow::new)
                        .collect(Collectors.toCollection(ArrayList::new));
            } catch (RuntimeException e) {
                status = "The database did not answer: " + e.getMessage();
            }
        }
    }

    /** @return the endpoints, by name; mutable, as the table sorts it in place */
    public List<EndpointRow> getEndpoints() {
        return endpoints;
    }

    /** @return a message when the figures cannot be shown, else null */
    public String getStatus() {
        return status;
    }

    /** @return the application version being measured */
    public String getAppVersion() {
        return monitorExtension.config().map(FmdConfig::appVersion).orElse("");
    }

    /** @return measurements waiting to be written */
    public int getQueued() {
        return monitorExtension.monitor().map(m -> m.queue().size()).orElse(0);
    }

    /** @return measurements, profiles and outliers lost since start: queue full, or not written */
    public long getDropped() {
        long queueFull = monitorExtension.monitor().map(m -> m.queue().dropped() + m.attachments().dropped())
                .orElse(0L);
        return queueFull + storeExtension.writeCounts()[1];
    }

    /**
     * @param ms a duration in ms, negative when unknown
     * @return it for display: {@code 12.3}, or a dash
     */
    public String duration(double ms) {
        if (ms < 0) {
            return "–";
        }
        return ms >= 100 ? String.format("%.0f", ms) : ms >= 10 ? String.format("%.1f", ms) : String.format("%.2f", ms);
    }

    /**
     * @param time an instant or null
     * @return it for display in UTC, or "never"
     */
    public String time(Instant time) {
        return time == null ? "never" : TIME.format(time);
    }
}
