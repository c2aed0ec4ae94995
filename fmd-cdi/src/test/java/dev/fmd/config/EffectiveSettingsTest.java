package dev.fmd.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EffectiveSettingsTest {

    private static final Map<String, String> SET = Map.of("fmd.monitor-level", "2", "fmd.admin-token",
            "a-token-of-24-characters", "fmd.password", "admin-password", "fmd.git", "/srv/app/.git");

    private static Map<String, EffectiveSetting> settings() {
        FmdConfig config = FmdConfig.read(key -> key.equals("fmd.git") ? Optional.empty()
                : Optional.ofNullable(SET.get(key)), "host-1");
        Function<String, EffectiveSettings.Origin> origins = key -> !SET.containsKey(key) ? null
                : key.equals("fmd.password") ? new EffectiveSettings.Origin("EnvironmentConfigSource", 300,
                SET.get(key)) : new EffectiveSettings.Origin("PropertiesConfigSource[source=jar:file:/app.war!/"
                + "WEB-INF/classes/META-INF/microprofile-config.properties]", 100, SET.get(key));
        return EffectiveSettings.of(config, origins).stream()
                .collect(Collectors.toMap(EffectiveSetting::key, s -> s));
    }

    @Test
    void everyKeyOfFmdConfigIsListedWithTheValueUsed() {
        assertEquals(List.of(), EffectiveSettings.unknownKeys());
        Map<String, EffectiveSetting> settings = settings();
        assertEquals(EffectiveSettings.KEYS.size(), settings.size());
        assertTrue(settings.size() >= 34, "keys: " + settings.keySet());
        assertEquals(new EffectiveSetting("fmd.monitor-level", "2", "properties file", 100, false),
                settings.get("fmd.monitor-level"));
        assertEquals(new EffectiveSetting("fmd.batch-size", "500", "default", 0, false), settings.get("fmd.batch-size"));
        assertEquals("host-1", settings.get("fmd.instance").value());
        assertEquals("/srv/app/.git", settings.get("fmd.git").value());
        assertEquals("(the browser's)", settings.get("fmd.timezone").value());
    }

    @Test
    void secretsAreMaskedWhetherSetOrNot() {
        Map<String, EffectiveSetting> settings = settings();
        assertEquals(new EffectiveSetting("fmd.password", EffectiveSetting.MASKED, "environment variable", 300, true),
                settings.get("fmd.password"));
        assertEquals(EffectiveSetting.MASKED, settings.get("fmd.admin-token").value());
        assertEquals(EffectiveSetting.NOT_SET, settings.get("fmd.metrics-token").value());
        assertEquals(EffectiveSetting.NOT_SET, settings.get("fmd.guest-password").value());
        assertTrue(settings.get("fmd.metrics-token").secret());
        assertFalse(settings.get("fmd.redact").secret(), "its value lists words, no secret");
        settings.values().forEach(s -> assertFalse(s.value().contains("a-token-of") || s.value()
                .contains("admin-password"), s.toString()));
    }

    @Test
    void sourcesAreNamedAsUsersKnowThem() {
        assertEquals("system property", EffectiveSettings.sourceWord("System Properties", 400));
        assertEquals("environment variable", EffectiveSettings.sourceWord("EnvConfigSource", 300));
        assertEquals("properties file", EffectiveSettings.sourceWord("META-INF/microprofile-config.properties", 100));
        assertEquals("properties file", EffectiveSettings.sourceWord("Properties", 100), "Payara's name");
        assertEquals("Domain", EffectiveSettings.sourceWord("Domain", 120));
    }
}
