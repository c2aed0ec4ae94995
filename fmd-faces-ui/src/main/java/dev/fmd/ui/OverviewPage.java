package dev.fmd.ui;

import dev.fmd.query.DashboardStatus;
import dev.fmd.query.DatabaseState;
import dev.fmd.query.EndpointQueries;
import dev.fmd.query.StatusQueries;
import dev.fmd.query.TimeWindow;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Backs {@code /fmd/index.xhtml}: every endpoint with its hits, median duration and last request. */
@Named("fmdOverview")
@RequestScoped
public class OverviewPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    EndpointQueries queries;

    @Inject
    StatusQueries statusQueries;

    private List<EndpointRow> endpoints = List.of();
    private String status;
    private DashboardStatus dashboard;

    @PostConstruct
    void load() {
        dashboard = statusQueries.status();
        if (dashboard.database() == DatabaseState.DISABLED) {
            status = "fmd is disabled (fmd.enabled=false): nothing is measured.";
        } else if (dashboard.database() == DatabaseState.STARTING) {
            status = "Waiting for fmd's database: measurements are kept in memory until it answers.";
        } else {
            if (dashboard.database() == DatabaseState.UNREACHABLE) {
                status = "fmd's database unreachable since " + time(dashboard.databaseSince()) + " ("
                        + dashboard.databaseProblem() + "): measurements are kept in memory until it answers.";
            }
            try {
                Instant now = Instant.now();
                endpoints = queries.overview(TimeWindow.last(Duration.ofDays(7), now), now).stream()
                        .map(EndpointRow::new).collect(Collectors.toCollection(ArrayList::new));
            } catch (RuntimeException e) {
                if (status == null) {
                    status = "The database did not answer: " + e.getMessage();
                }
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
        return dashboard.appVersion();
    }

    /** @return measurements waiting to be written */
    public int getQueued() {
        return dashboard.queued();
    }

    /** @return measurements, call trees and outlier contexts dropped since start because their queue was full */
    public long getDropped() {
        return dashboard.dropped() + dashboard.lostDetails();
    }

    /** @return measurements the database refused as data (each found alone), dropped */
    public long getRejected() {
        return dashboard.rejected();
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
