package dev.fmd.testmonitor.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One run of a test suite as the dashboard takes it ({@code POST <dashboard>/api/test-runs}): the run key the
 * requests were tagged with, build, app version (null: the server's own), start, repetitions per test, where the
 * results come from ({@code "junit5"} or {@code "surefire"}) and the tests.
 */
record RunReport(String run, String build, String appVersion, Instant startedAt, int times, String source,
                 List<TestReport> tests) {

    static final String JUNIT5 = "junit5";
    static final String SUREFIRE = "surefire";

    RunReport {
        tests = List.copyOf(tests);
    }

    /** The upload body, as in the contract (section 2 of the Testmonitor spec). */
    String toJson() {
        JsonWriter json = new JsonWriter().beginObject()
                .name("run").value(run)
                .name("build").value(build)
                .name("appVersion").value(appVersion)
                .name("startedAt").value(startedAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .name("times").value(times)
                .name("source").value(source)
                .name("tests").beginArray();
        for (TestReport test : tests) {
            json.beginObject()
                    .name("name").value(test.name())
                    .name("outcome").value(test.outcome().json())
                    .name("durationsMs").beginArray();
            for (double ms : test.durationsMs()) {
                json.value(ms);
            }
            json.endArray()
                    .name("failures").value(test.failures())
                    .name("message").value(test.message())
                    .endObject();
        }
        return json.endArray().endObject().toString();
    }
}
