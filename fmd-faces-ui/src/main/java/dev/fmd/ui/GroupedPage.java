package dev.fmd.ui;

import dev.fmd.query.ProfileQueries;
import dev.fmd.query.ProfiledVersion;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs an endpoint's grouped profile ({@code grouped.xhtml?id=N}): the call trees of its profiled requests in the
 * window merged by call path, as a tree table, a sunburst and a flame graph. {@code &v=version} narrows it to one app
 * version; {@code &vs=version} puts a second version's grouped profile beside it, to compare.
 */
@Named("fmdGrouped")
@RequestScoped
public class GroupedPage {

    /** How many of the newest profiled requests of the window are merged at most. */
    static final int MERGED_REQUESTS = 1000;

    /**
     * One grouped profile shown.
     *
     * @param version the app version, or null for every version
     * @param rows    its tree table's rows, in pre-order
     * @param chart   its sunburst and flame graph data, or null when no request was profiled
     */
    public record Side(String version, List<CallTreeRow> rows, String chart) {

        /** @return how many requests were merged */
        public long getRequests() {
            return rows.isEmpty() ? 0 : rows.get(0).hits();
        }

        /** @return the version in words */
        public String getLabel() {
            return version == null ? "all versions" : "version " + version;
        }
    }

    @Inject
    DashboardView view;

    @Inject
    EndpointScope scope;

    @Inject
    ProfileQueries profiles;

    private List<ProfiledVersion> versions = List.of();
    private Side main;
    private Side compared;

    @PostConstruct
    void load() {
        if (scope.getEndpoint() == null) {
            return;
        }
        var found = view.read("the profiled versions", () -> profiles.profiledVersions(scope.getId(),
                view.getWindow()));
        versions = found == null ? List.of() : found;
        main = side(known(view.parameter("v")));
        String other = known(view.parameter("vs"));
        if (other != null && !other.equals(main.version())) {
            compared = side(other);
        }
    }

    private String known(String version) {
        return version != null && versions.stream().anyMatch(v -> v.version().equals(version)) ? version : null;
    }

    private Side side(String version) {
        var lines = view.read("the grouped profile", () -> profiles.grouped(scope.getId(), view.getWindow(), version,
                MERGED_REQUESTS));
        List<CallTreeRow> rows = lines == null ? List.of() : CallTrees.ofGrouped(lines);
        return new Side(version, rows, rows.isEmpty() ? null : ChartJson.profile(rows));
    }

    /** @return the versions with profiled requests in the window, newest first */
    public List<ProfiledVersion> getVersions() {
        return versions;
    }

    /** @return the grouped profile of the chosen version (or of all) */
    public Side getMain() {
        return main;
    }

    /** @return the grouped profile compared with it, or null */
    public Side getCompared() {
        return compared;
    }

    /** @return how many requests are merged at most */
    public int getMergedRequests() {
        return MERGED_REQUESTS;
    }
}
