package dev.fmd.ui;

import dev.fmd.query.TestCoverage;
import dev.fmd.query.TestmonitorQueries;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs an endpoint's Tests tab ({@code endpoint-tests.xhtml?id=N}): the tests whose HTTP calls reached it in the
 * runs uploaded in the window, most hits first, each linking to it on the Testmonitor.
 */
@Named("fmdEndpointTests")
@RequestScoped
public class EndpointTestsPage {

    @Inject
    DashboardView view;

    @Inject
    EndpointScope scope;

    @Inject
    TestmonitorQueries queries;

    private List<TestCoverage> tests = List.of();

    @PostConstruct
    void load() {
        if (!view.isDatabaseUp() || scope.getEndpoint() == null) {
            return;
        }
        long id = scope.getId();
        var covering = view.read("the endpoint's tests", () -> queries.testsOf(id, view.getWindow()));
        tests = covering == null ? List.of() : covering;
    }

    /** @return the tests that reached the endpoint, most hits first */
    public List<TestCoverage> getTests() {
        return tests;
    }

    /**
     * @param testName a test
     * @return its address on the Testmonitor, in this window
     */
    public String link(String testName) {
        return TestmonitorPage.link(view, testName);
    }

    /**
     * @param testName a test's full name
     * @return its short form, {@code OrderIT#placesOrder}
     */
    public String simple(String testName) {
        return TestNames.simple(testName);
    }
}
