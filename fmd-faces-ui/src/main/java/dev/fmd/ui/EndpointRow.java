package dev.fmd.ui;

import dev.fmd.query.EndpointSummary;

import java.io.Serializable;
import java.time.Instant;

/**
 * One line of the overview table, as Jakarta EL reads it (bean getters; EL 5 does not read record components), with
 * the link to the endpoint's page made when the page was asked for, so that sorting and filtering keep its window.
 */
public final class EndpointRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String name;
    private final String httpMethod;
    private final String path;
    private final int level;
    private final long hits;
    private final long hitsToday;
    private final long hitsWeek;
    private final double medianMs;
    private final double p90Ms;
    private final double p99Ms;
    private final long clientErrors;
    private final long serverErrors;
    private final Instant lastRequested;
    private final String link;
    private final String color;
    private final int tests;

    /**
     * @param s     the endpoint's figures
     * @param link  the address of its page
     * @param color its colour
     * @param tests how many tests reached it in the window's test runs, -1 when no run was uploaded in the window
     */
    EndpointRow(EndpointSummary s, String link, String color, int tests) {
        id = s.id();
        name = s.name();
        httpMethod = s.httpMethod();
        path = s.path();
        level = s.level();
        hits = s.hits();
        hitsToday = s.hitsToday();
        hitsWeek = s.hitsWeek();
        medianMs = known(s.medianMs());
        p90Ms = known(s.p90Ms());
        p99Ms = known(s.p99Ms());
        clientErrors = s.clientErrors();
        serverErrors = s.serverErrors();
        lastRequested = s.lastRequested();
        this.link = link;
        this.color = color;
        this.tests = tests;
    }

    /** @return the value, or -1 when unknown (so that sorting puts endpoints without requests first) */
    private static double known(double ms) {
        return Double.isNaN(ms) ? -1 : ms;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getHttpMethod() {
        return httpMethod;
    }

    public String getPath() {
        return path;
    }

    public int getLevel() {
        return level;
    }

    public long getHits() {
        return hits;
    }

    public long getHitsToday() {
        return hitsToday;
    }

    public long getHitsWeek() {
        return hitsWeek;
    }

    public double getMedianMs() {
        return medianMs;
    }

    public double getP90Ms() {
        return p90Ms;
    }

    public double getP99Ms() {
        return p99Ms;
    }

    public long getClientErrors() {
        return clientErrors;
    }

    public long getServerErrors() {
        return serverErrors;
    }

    public Instant getLastRequested() {
        return lastRequested;
    }

    /** @return the address of the endpoint's page */
    public String getLink() {
        return link;
    }

    /** @return the endpoint's colour */
    public String getColor() {
        return color;
    }

    /** @return how many tests reached it in the window's test runs; -1 when no run was uploaded in the window */
    public int getTests() {
        return tests;
    }

    /** @return what the table's filter searches: name, method, route and "level N" */
    public String getSearchText() {
        return name + " " + httpMethod + " " + path + " level " + level;
    }
}
