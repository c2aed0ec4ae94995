package dev.fmd.config;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The passwords of {@code fmd.password} and {@code fmd.guest-password}: plain, or hashed with PBKDF2 as
 * {@code pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64>} (also {@code pbkdf2-sha512}). Both are compared
 * in constant time: a plain one through the SHA-256 digests of both sides, a hashed one by its derived key.
 * <p>
 * Make a hash with the fmd-cdi jar (it asks for the password, or reads it from standard input):
 * <pre>
 * java -cp fmd-cdi.jar dev.fmd.config.Passwords
 * pbkdf2-sha256:310000:Vb1k0v2bV6u3tpjN8yG1Ng==:0L8m...
 * </pre>
 */
public final class Passwords {

    /** Iterations of a new hash: OWASP's figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 310_000;
    /** Characters a plain password must have at least. */
    public static final int MIN_PLAIN_LENGTH = 8;

    private static final Pattern HASHED = Pattern.compile("pbkdf2-(sha256|sha512):(\\d{1,9}):([A-Za-z0-9+/=]+):"
            + "([A-Za-z0-9+/=]+)");

    private Passwords() {
    }

    /**
     * @param configured a configured password, plain or hashed
     * @return true when it is meant as a hash (starts with {@code pbkdf2-})
     */
    public static boolean isHashed(String configured) {
        return configured.startsWith("pbkdf2-");
    }

    /**
     * @param configured a configured password, plain or hashed
     * @return null when it can be used, else what is wrong with it (never the password itself)
     */
    public static String problem(String configured) {
        if (isHashed(configured)) {
            Matcher hash = HASHED.matcher(configured);
            if (!hash.matches()) {
                return "expected a hash as pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64> (made by java "
                        + "-cp fmd-cdi.jar dev.fmd.config.Passwords), or a plain password";
            }
            try {
                int iterations = Integer.parseInt(hash.group(2));
                if (iterations < 1_000 || Base64.getDecoder().decode(hash.group(3)).length < 8
                        || Base64.getDecoder().decode(hash.group(4)).length < 16) {
                    return "expected at least 1000 iterations, 8 bytes of salt and 16 bytes of hash";
                }
            } catch (IllegalArgumentException e) {
                return "expected base64 salt and hash";
            }
            return null;
        }
        return configured.length() < MIN_PLAIN_LENGTH
                ? "expected at least " + MIN_PLAIN_LENGTH + " characters (or a PBKDF2 hash)" : null;
    }

    /**
     * @param configured a configured password, plain or hashed, that {@link #problem} accepts; empty never matches
     * @param given      what was typed
     * @return true when they match; the time taken does not depend on where they differ
     */
    public static boolean matches(String configured, String given) {
        if (configured.isEmpty() || given == null) {
            return false;
        }
        Matcher hash = HASHED.matcher(configured);
        if (hash.matches()) {
            byte[] expected = Base64.getDecoder().decode(hash.group(4));
            byte[] actual = derive(hash.group(1), given, Base64.getDecoder().decode(hash.group(3)),
                    Integer.parseInt(hash.group(2)), expected.length);
            return MessageDigest.isEqual(expected, actual);
        }
        return MessageDigest.isEqual(sha256(configured), sha256(given));
    }

    /**
     * @param password a password
     * @return its PBKDF2-HMAC-SHA256 hash in the format {@code fmd.password} takes, with a random salt
     */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = derive("sha256", password, salt, ITERATIONS, 32);
        return "pbkdf2-sha256:" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }

    /**
     * Compares two secrets, such as user names or tokens, in constant time.
     *
     * @param expected the configured value
     * @param given    what the client sent, or null
     * @return true when equal
     */
    public static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    private static byte[] derive(String digest, String password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(digest.equals("sha512") ? "PBKDF2WithHmacSHA512"
                    : "PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * Prints the hash of a password for {@code fmd.password} or {@code fmd.guest-password}: asked for on the console,
     * or read from the first line of standard input.
     *
     * @param args none
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("Password for fmd: ");
            password = typed == null ? "" : new String(typed);
        } else {
            password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
        String problem = problem(password);
        if (problem != null) {
            System.err.println("Not hashed: " + problem);
            System.exit(2);
        }
        System.out.println(hash(password));
    }
}
