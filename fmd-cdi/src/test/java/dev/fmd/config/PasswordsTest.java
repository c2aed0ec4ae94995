package dev.fmd.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = Passwords.hash("correct horse battery");
        assertTrue(hash.startsWith("pbkdf2-sha256:310000:"), hash);
        assertNull(Passwords.problem(hash));
        assertTrue(Passwords.matches(hash, "correct horse battery"));
        assertFalse(Passwords.matches(hash, "correct horse batterx"));
        assertFalse(Passwords.matches(hash, ""));
        assertNotEquals(hash, Passwords.hash("correct horse battery"), "each hash has its own salt");
    }

    @Test
    void aHashMadeElsewhereMatches() {
        // made by Python: hashlib.pbkdf2_hmac('sha256', b'password', b'saltsalt', 1000, 32), base64
        String hash = "pbkdf2-sha256:1000:c2FsdHNhbHQ=:" + "E196ZhRPzw+wA84EjzHwJO1cv/MFJdO6C/sxmUeTYqY=";
        assertTrue(Passwords.matches(hash, "password"));
        assertFalse(Passwords.matches(hash, "Password"));
    }

    @Test
    void plainPasswordsMatchExactlyAndEmptyNeverMatches() {
        assertTrue(Passwords.matches("plain-secret", "plain-secret"));
        assertFalse(Passwords.matches("plain-secret", "plain-secret "));
        assertFalse(Passwords.matches("", ""));
        assertFalse(Passwords.matches("plain-secret", null));
    }

    @Test
    void malformedHashesAndShortPasswordsAreProblems() {
        assertEquals("expected at least 8 characters (or a PBKDF2 hash)", Passwords.problem("1234567"));
        assertTrue(Passwords.problem("pbkdf2-sha256:1000:c2FsdA").startsWith("expected a hash as"));
        assertTrue(Passwords.problem("pbkdf2-sha256:10:c2FsdHNhbHQ=:c2FsdHNhbHRzYWx0c2FsdA==")
                .startsWith("expected at least 1000 iterations"));
        assertNull(Passwords.problem("12345678"));
    }
}
