package dev.fmd.ui;

import dev.fmd.query.EndpointSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs the rules page ({@code rules.xhtml}): every endpoint with its monitoring level, and what each level keeps.
 * The admin changes levels on the page, one at a time or many at once, through the admin API
 * ({@code PUT <link>/api/endpoints/{id}/level} and {@code PUT <link>/api/endpoints/level}) with the session's CSRF
 * token; the API refuses a guest's change (403), whatever the page shows.
 */
@Named("fmdRules")
@RequestScoped
public class RulesPage {

    private static final List<Integer> LEVELS = List.of(0, 1, 2, 3);

    @Inject
    EndpointScope scope;

    /** @return every endpoint, by name */
    public List<EndpointSummary> getEndpoints() {
        return scope.getAll();
    }

    /** @return the levels, 0 to 3 */
    public List<Integer> getLevels() {
        return LEVELS;
    }
}
