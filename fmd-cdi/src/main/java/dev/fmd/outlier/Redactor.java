package dev.fmd.outlier;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which header and parameter values are secrets, before anything is stored: {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} always, and every name that contains one of the
 * {@code fmd.redact} words, ignoring case ({@code X-Api-Key}, {@code password}, {@code access_token}, ...).
 * <pre>
 * new Redactor(List.of("token", "password")).value("X-Auth-Token", "abc");   // "[redacted]"
 * </pre>
 */
public final class Redactor {

    /** What a secret is stored as. */
    public static final String REDACTED = "[redacted]";

    private static final Set<String> ALWAYS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private final List<String> words;

    /** @param words lower-case words that make a name secret ({@code fmd.redact}) */
    public Redactor(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** @return whether values of this header or parameter name are secrets */
    public boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ALWAYS.contains(lower)) {
            return true;
        }
        String squeezed = lower.replace("_", "-");
        for (String word : words) {
            if (lower.contains(word) || squeezed.contains(word) || lower.contains(word.replace("-", ""))) {
                return true;
            }
        }
        return false;
    }

    /** @return the value, or {@link #REDACTED} when the name is a secret's */
    public String value(String name, String value) {
        return isSecret(name) ? REDACTED : value;
    }
}
