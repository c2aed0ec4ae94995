package dev.fmd.outlier;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    private final Redactor redactor = new Redactor(List.of("token", "password", "secret", "api-key"));
    private final Redactor defaults = new Redactor(List.of("token", "password", "passwd", "secret", "api-key",
            "apikey", "credential", "session", "auth", "signature", "jwt", "key", "code"));

    @Test
    void credentialsHeadersAreAlwaysSecret() {
        Redactor none = new Redactor(List.of());
        for (String name : List.of("Authorization", "proxy-authorization", "Cookie", "SET-COOKIE", "jsessionid")) {
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

    @Test
    void defaultWordsCoverSessionsSignaturesAndCodes() {
        for (String name : List.of("X-Session-Id", "X-Amz-Signature", "jwt", "X-Goog-Api-Key", "code", "authCode",
                "X-Authentication")) {
            assertTrue(defaults.isSecret(name), name);
        }
        assertFalse(defaults.isSecret("Accept-Encoding"));
    }

    @Test
    void tokensAreRecognisedByShapeAndOrdinaryIdsAreNot() {
        for (String secret : List.of("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "eyJhbGciOiJub25lIn0.e30.",
                "x7QkR2vN9pLm4TzB8wYc", "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
                "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "AKIA4Q7TZ2XK5N3B6WPL")) {
            assertTrue(Redactor.looksLikeSecret(secret), secret);
        }
        for (String ordinary : List.of("42", "12345678901234567890", "550e8400-e29b-41d4-a716-446655440000",
                "my-first-blog-post-2024", "OrderConfirmationService", "IMG_20240101_123456.jpg", "Version2Release3",
                "application", "a.b.c", "index.html", "")) {
            assertFalse(Redactor.looksLikeSecret(ordinary), ordinary);
        }
    }

    @Test
    void pathSegmentsAfterASecretWordOrShapedLikeATokenAreRedacted() {
        assertEquals("/app/token/[redacted]/orders/42", defaults.redactPath("/app/token/abc123/orders/42"));
        assertEquals("/app/reset/[redacted]", defaults.redactPath("/app/reset/x7QkR2vN9pLm4TzB8wYc"));
        assertEquals("/app/reset-password/[redacted]", defaults.redactPath("/app/reset-password/Q7x"));
        assertEquals("/app/apiKey/[redacted]/x", defaults.redactPath("/app/apiKey/K2/x"));
        assertEquals("/app/jwt/[redacted]", defaults.redactPath("/app/jwt/eyJhbGciOiJub25lIn0.e30."));
        assertEquals("/app/code/[redacted]", defaults.redactPath("/app/code/123456"));
    }

    @Test
    void ordinaryPathsAreKept() {
        for (String path : List.of("/app/orders/42/items/550e8400-e29b-41d4-a716-446655440000", "/app/auth/login",
                "/app/token/refresh", "/app/tokens/5", "/app/authors/17", "/app/keyboards/3", "/app/sessions/9",
                "/app/posts/my-first-blog-post-2024", "/", "", "/app/a//b/")) {
            assertEquals(path, defaults.redactPath(path), path);
        }
        assertEquals(null, defaults.redactPath(null));
    }

    @Test
    void matrixParametersAreRedactedAsQueryParametersAre() {
        assertEquals("/app/orders;jsessionid=[redacted]/42;color=red;token=[redacted]",
                redactor.redactPath("/app/orders;jsessionid=0A1B2C/42;color=red;token=abc"));
        assertEquals("/app/x;[redacted]=[redacted]", redactor.redactPath("/app/x;x7QkR2vN9pLm4TzB8wYc=1"));
    }

    @Test
    void urlsKeepTheirHostAndRedactPathQueryAndFragment() {
        assertEquals("https://shop.example:8443/app/token/[redacted]?page=2&access_token=[redacted]"
                        + "#id_token=[redacted]",
                redactor.redactUrl("https://shop.example:8443/app/token/abc123?page=2&access_token=xyz#id_token=e"));
        assertEquals("http://shop.example", redactor.redactUrl("http://shop.example"));
        assertEquals("http://shop.example?a=1", redactor.redactUrl("http://shop.example?a=1"));
        assertEquals("/app/x?password=[redacted]&flag", redactor.redactUrl("/app/x?password=p&flag"));
    }

    @Test
    void headerValuesThatAreUrlsAreRedactedAsUrls() {
        assertEquals("https://shop.example/reset/[redacted]?q=1",
                redactor.value("Referer", "https://shop.example/reset/x7QkR2vN9pLm4TzB8wYc?q=1"));
        assertEquals("text/html", redactor.value("Accept", "text/html"));
    }

    @Test
    void parametersAreRedactedByNameOrShape() {
        assertEquals("password=[redacted]", redactor.parameter("password", "hunter2"));
        assertEquals("next=[redacted]", redactor.parameter("next", "eyJhbGciOiJub25lIn0.e30."));
        assertEquals("[redacted]=[redacted]", redactor.parameter("x7QkR2vN9pLm4TzB8wYc", "1"));
        assertEquals("page=2", redactor.parameter("page", "2"));
    }

    @Test
    void freeTextLosesUrlPasswordsAndValuesAfterSecretWords() {
        assertEquals("no jdbc:mariadb://fmd:[redacted]@db:3306/fmd?password=[redacted]&ssl=true",
                Redactor.redactText("no jdbc:mariadb://fmd:s3cret@db:3306/fmd?password=s3cret&ssl=true"));
        assertEquals("token: [redacted] and apiKey=[redacted] (using password: [redacted])",
                Redactor.redactText("token: abc and apiKey='x y' (using password: YES)"));
        assertEquals("Connection refused: db:5432", Redactor.redactText("Connection refused: db:5432"));
        assertEquals(null, Redactor.redactText(null));
    }
}
