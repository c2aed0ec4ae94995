package dev.fmd.it.testmonitor;

import dev.fmd.Unmonitored;
import dev.fmd.query.TestCoverage;
import dev.fmd.query.TestSummary;
import dev.fmd.query.TestmonitorQueries;
import dev.fmd.query.TimeWindow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deployed into the test WAR only: answers with what fmd's {@link TestmonitorQueries} (the bean the Testmonitor pages
 * inject) return for the last day, so that the queries are checked on every database. {@link Unmonitored}.
 */
@Path("testmonitor-probe")
@Unmonitored
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CoverageProbe {

    @Inject
    TestmonitorQueries tests;

    private static TimeWindow lastDay() {
        return TimeWindow.last(Duration.ofDays(1), Instant.now().plusSeconds(60));
    }

    /** @return every test: name, runs, last outcome, last median, previous median, slower */
    @GET
    @Path("tests")
    public String tests() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (TestSummary test : tests.tests(lastDay())) {
            all.add(Json.createObjectBuilder().add("name", test.testName()).add("runs", test.runs())
                    .add("outcome", test.last().outcome()).add("build", test.last().run().build())
                    .add("median", test.last().medianMs()).add("durations", test.last().durationsMs().size())
                    .add("previous", Double.isNaN(test.previousMedianMs()) ? -1 : test.previousMedianMs())
                    .add("slower", test.slower()));
        }
        return all.build().toString();
    }

    /** @return the tests that reached the endpoint with this name, and how many tests reached each endpoint */
    @GET
    @Path("coverage")
    public String coverage(@QueryParam("endpointId") long endpointId, @QueryParam("test") String test) {
        JsonObjectBuilder answer = Json.createObjectBuilder();
        answer.add("testsOf", list(tests.testsOf(endpointId, lastDay())));
        answer.add("endpointsOf", list(tests.endpointsOf(test, lastDay())));
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (Map.Entry<Long, Integer> count : tests.testsPerEndpoint(lastDay()).entrySet()) {
            counts.add(String.valueOf(count.getKey()), count.getValue());
        }
        answer.add("testsPerEndpoint", counts);
        answer.add("runs", tests.runs(lastDay(), 10).size());
        return answer.build().toString();
    }

    private static JsonArrayBuilder list(List<TestCoverage> coverage) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (TestCoverage c : coverage) {
            list.add(Json.createObjectBuilder().add("test", c.testName()).add("endpoint", c.endpointName())
                    .add("hits", c.hits()).add("runs", c.runs())
                    .add("testMedian", Double.isNaN(c.testMedianMs()) ? -1 : c.testMedianMs()));
        }
        return list;
    }
}
