package dev.fmd.testmonitor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitorConfigTest {

    private static MonitorConfig read(Map<String, String> parameters, Map<String, String> env) {
        return MonitorConfig.read(key -> Optional.ofNullable(parameters.get(key)), env::get);
    }

    @Test
    void aParameterWinsOverTheEnvironment() {
        MonitorConfig config = read(
                Map.of("fmd.testmonitor.url", "http://p/fmd", "fmd.testmonitor.token", "pt",
                        "fmd.testmonitor.times", "3", "fmd.testmonitor.build", "pb",
                        "fmd.testmonitor.app-version", "1.0"),
                Map.of("FMD_TESTMONITOR_URL", "http://e/fmd", "FMD_TESTMONITOR_TOKEN", "et",
                        "FMD_TESTMONITOR_TIMES", "7", "FMD_TESTMONITOR_BUILD", "eb",
                        "FMD_TESTMONITOR_APP_VERSION", "2.0"));
        assertEquals(new MonitorConfig("http://p/fmd", "pt", 3, "pb", "1.0"), config);
    }

    @Test
    void theEnvironmentFillsWhatNoParameterSets() {
        MonitorConfig config = read(Map.of(),
                Map.of("FMD_TESTMONITOR_URL", "http://e/fmd", "FMD_TESTMONITOR_TOKEN", "et",
                        "FMD_TESTMONITOR_TIMES", "7", "FMD_TESTMONITOR_APP_VERSION", "2.0"));
        assertEquals(new MonitorConfig("http://e/fmd", "et", 7, null, "2.0"), config);
    }

    @Test
    void theBuildComesFromTheCiVariablesInOrder() {
        Map<String, String> all = Map.of("FMD_TESTMONITOR_BUILD", "fmd", "GITHUB_RUN_NUMBER", "gh",
                "BUILD_NUMBER", "jenkins", "CI_PIPELINE_ID", "gitlab");
        assertEquals("fmd", read(Map.of(), all).build());
        assertEquals("gh", read(Map.of(), without(all, "FMD_TESTMONITOR_BUILD")).build());
        assertEquals("jenkins", read(Map.of(), without(all, "FMD_TESTMONITOR_BUILD", "GITHUB_RUN_NUMBER")).build());
        assertEquals("gitlab", read(Map.of(), Map.of("CI_PIPELINE_ID", "gitlab")).build());
        assertEquals("param", read(Map.of("fmd.testmonitor.build", "param"), all).build());
    }

    @Test
    void blankValuesCountAsUnset() {
        MonitorConfig config = read(Map.of("fmd.testmonitor.token", "  ", "fmd.testmonitor.build", ""),
                Map.of("FMD_TESTMONITOR_TOKEN", "et", "GITHUB_RUN_NUMBER", " ", "BUILD_NUMBER", "9"));
        assertEquals("et", config.token());
        assertEquals("9", config.build());
    }

    @Test
    void timesDefaultsToFive() {
        MonitorConfig config = read(Map.of(), Map.of());
        assertNull(config.times());
        assertEquals(5, config.timesOrDefault());
        assertNull(config.url());
        assertNull(config.token());
    }

    @Test
    void badTimesNameTheirOrigin() {
        IllegalArgumentException fromParameter = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("fmd.testmonitor.times", "abc"), Map.of()));
        assertEquals("fmd.testmonitor.times must be an integer from 1 to 100, was 'abc'", fromParameter.getMessage());
        IllegalArgumentException fromEnv = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of(), Map.of("FMD_TESTMONITOR_TIMES", "101")));
        assertTrue(fromEnv.getMessage().startsWith("FMD_TESTMONITOR_TIMES must be"), fromEnv.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("fmd.testmonitor.times", "0"), Map.of()));
        assertEquals(100, read(Map.of("fmd.testmonitor.times", "100"), Map.of()).times());
        assertEquals(1, read(Map.of("fmd.testmonitor.times", "1"), Map.of()).times());
    }

    @Test
    void aBuildLongerThanTheServerTakesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of(), Map.of("BUILD_NUMBER", "x".repeat(101))));
        assertTrue(e.getMessage().startsWith("BUILD_NUMBER must be at most 100 characters"), e.getMessage());
    }

    @Test
    void theUploadGoesToApiTestRunsUnderTheDashboard() {
        assertEquals("http://h/app/fmd/api/test-runs", new MonitorConfig("http://h/app/fmd", null, null, null, null).uploadUrl());
        assertEquals("http://h/app/fmd/api/test-runs", new MonitorConfig("http://h/app/fmd/", null, null, null, null).uploadUrl());
    }

    @Test
    void theTokenStaysOutOfToString() {
        String text = new MonitorConfig("http://h", "s3cret", null, null, null).toString();
        assertTrue(!text.contains("s3cret"), text);
    }

    private static Map<String, String> without(Map<String, String> map, String... keys) {
        Map<String, String> copy = new java.util.HashMap<>(map);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }
}
