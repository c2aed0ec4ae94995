package dev.fmd.ui;

import dev.fmd.query.EndpointSummary;

import java.time.Instant;

/** An {@link EndpointSummary} as Jakarta EL 5 reads it (bean getters; EL 5 does not read record components). */
public final class EndpointRow {

    private final EndpointSummary summary;

    EndpointRow(EndpointSummary summary) {
        this.summary = summary;
    }

    public long getId() {
        return summary.id();
    }

    public String getName() {
        return summary.name();
    }

    public String getHttpMethod() {
        return summary.httpMethod();
    }

    public String getPath() {
        return summary.path();
    }

    public int getLevel() {
        return summary.level();
    }

    public long getHits() {
        return summary.hits();
    }

    public long getHitsToday() {
        return summary.hitsToday();
    }

    /** @return the 7-day median in ms, or -1 without requests (so that sorting puts them first) */
    public double getMedianMs() {
        return Double.isNaN(summary.medianMs()) ? -1 : summary.medianMs();
    }

    public Instant getLastRequested() {
        return summary.lastRequested();
    }
}
