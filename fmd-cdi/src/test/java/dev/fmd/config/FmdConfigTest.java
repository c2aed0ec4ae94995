package dev.fmd.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmdConfigTest {

    private final Map<String, String> values = new HashMap<>();

    private FmdConfig read() {
        return FmdConfig.read(key -> Optional.ofNullable(values.get(key)), "host-1");
    }

    @Test
    void defaultsNeedNoKeyAtAll() {
        FmdConfig config = read();
        assertTrue(config.enabled());
        assertTrue(config.autoBind());
        assertEquals(1, config.monitorLevel());
        assertEquals(5, config.samplingPeriodMs());
        assertEquals("java:comp/DefaultDataSource", config.datasource());
        assertEquals("fmd_", config.tablePrefix());
        assertEquals("1.0", config.appVersion());
        assertEquals("host-1", config.instance());
        assertTrue(config.trustedProxies().isEmpty());
    }

    @Test
    void wrongValueNamesKeyValueAndWhatIsExpected() {
        values.put("fmd.monitor-level", "7");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, this::read);
        assertEquals("fmd.monitor-level=7: expected an integer from 0 to 3", e.problems().get(0));
        assertTrue(e.getMessage().contains("fmd.monitor-level=7"), e.getMessage());
    }

    @Test
    void everyWrongValueIsReportedInOneMessage() {
        values.put("fmd.monitor-level", "high");
        values.put("fmd.sampling-period", "-1");
        values.put("fmd.enabled", "yes");
        values.put("fmd.trusted-proxies", "10.0.0.0/8, proxy.example.com");
        values.put("fmd.table-prefix", "drop table;");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, this::read);
        assertEquals(5, e.problems().size(), e.problems().toString());
        String message = e.getMessage();
        assertTrue(message.contains("fmd.sampling-period=-1: expected an integer from 0 to 60000"), message);
        assertTrue(message.contains("fmd.enabled=yes: expected true or false"), message);
        assertTrue(message.contains("'proxy.example.com' is not an IP address or CIDR range"), message);
        assertTrue(message.contains("fmd.table-prefix=drop table;"), message);
    }

    @Test
    void gitWinsOverTheConfiguredVersion(@TempDir Path dir) throws IOException {
        Path git = dir.resolve(".git");
        Files.createDirectories(git);
        Files.writeString(git.resolve("HEAD"), "0123456789abcdef0123456789abcdef01234567\n");
        values.put("fmd.app-version", "2.0");
        values.put("fmd.git", git.toString());
        assertEquals("0123456789abcdef0123456789abcdef01234567", read().appVersion());
    }

    @Test
    void unreadableGitFolderIsAConfigurationError(@TempDir Path dir) {
        values.put("fmd.git", dir.resolve("missing").toString());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, this::read);
        assertTrue(e.getMessage().startsWith("fmd cannot start") && e.getMessage().contains("fmd.git="),
                e.getMessage());
    }

    @Test
    void valuesAreTrimmedAndBooleansCaseInsensitive() {
        values.put("fmd.enabled", " FALSE ");
        values.put("fmd.monitor-level", " 3");
        FmdConfig config = read();
        assertFalse(config.enabled());
        assertEquals(3, config.monitorLevel());
    }

    @Test
    void passwordsAreCheckedButNeverShownInMessagesOrText() {
        values.put("fmd.password", "short");
        values.put("fmd.guest-password", "pbkdf2-sha256:notanumber:abc:def");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, this::read);
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("fmd.password=(5 characters, not shown): expected at least 8 characters"),
                e.getMessage());
        assertTrue(e.getMessage().contains("fmd.guest-password=(a hash, not shown): expected a hash as pbkdf2-sha256"),
                e.getMessage());
        assertFalse(e.getMessage().contains("short") || e.getMessage().contains("notanumber"), e.getMessage());
    }

    @Test
    void adminAndGuestNeedDifferentNames() {
        values.put("fmd.password", "admin-secret-1");
        values.put("fmd.guest-password", "guest-secret-1");
        values.put("fmd.guest-username", "admin");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, this::read);
        assertTrue(e.getMessage().contains("fmd.guest-username=admin: expected a name other than fmd.username's"),
                e.getMessage());
    }

    @Test
    void toStringShowsNoSecret() {
        values.put("fmd.password", Passwords.hash("first-secret-value"));
        values.put("fmd.guest-password", "second-secret-value");
        values.put("fmd.admin-token", "third-secret-value-0123");
        values.put("fmd.metrics-token", "fourth-secret-value-0123");
        String text = read().toString();
        assertTrue(text.contains("adminToken=(set)") && text.contains("metricsToken=(set)")
                && text.contains("password=(set)"), text);
        for (String secret : List.of("secret-value", "pbkdf2")) {
            assertFalse(text.contains(secret), text);
        }
    }
}
