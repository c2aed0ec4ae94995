package dev.fmd.outlier;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    private final Redactor redactor = new Redactor(List.of("token", "password", "secret", "api-key"));

    @Test
    void credentialsHeadersAreAlwaysSecret() {
        Redactor none = new Redactor(List.of());
        for (String name : List.of("Authorization", "proxy-authorization", "Cookie", "SET-COOKIE")) {
            assertTrue(none.isSecret(name), name);
        }
    }

    @Test
    void configuredWordsMatchAnywhereInTheNameIgnoringCase() {
        for (String name : List.of("X-Auth-Token", "access_token", "PASSWORD", "client_secret", "X-Api-Key",
                "api_key", "apikey")) {
            assertTrue(redactor.isSecret(name), name);
        }
        assertFalse(redactor.isSecret("X-Request-Id"));
        assertEquals("[redacted]", redactor.value("newPassword", "hunter2"));
        assertEquals("42", redactor.value("item", "42"));
    }
}
