package dev.fmd.outlier;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a client sent is a secret, before anything is stored. Three rules, the same everywhere:
 * <ol>
 * <li><b>By name.</b> Values of the headers {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie},
 * {@code Set-Cookie}, {@code X-Fmd-Test-Token} and of the parameter {@code jsessionid} always, and of every header
 * or parameter (query, form, matrix) whose name contains one of the {@code fmd.redact} words, ignoring case and
 * {@code _}/{@code -} ({@code X-Api-Key}, {@code password}, {@code access_token}, {@code X-Session-Id}, ...).</li>
 * <li><b>By shape</b> ({@link #looksLikeSecret}): a parameter name or value, or a URL path segment, that looks like a
 * token: JWT-shaped ({@code eyJ...}, with a dot), or at least 16 characters of a token alphabet
 * ({@code A-Z a-z 0-9 - _ . ~ + / = %}) with a digit, that switches between letters and digits or from lower to
 * upper case at least once every 4 characters. Numbers, UUIDs, words, slugs ({@code my-first-post-2024}) and
 * CamelCase names never do; hex digests and other long random ids do (fmd cannot tell them from keys).</li>
 * <li><b>By position</b>, in a URL path: the segment right after a segment that names a secret
 * ({@code /token/abc123}, {@code /reset-password/x7Q}, {@code /api-key/K2}): a segment that is one of the words or
 * of the always-secret names, or holds one as a whole word ({@code -}, {@code _}, {@code .} and CamelCase separate
 * words; a plural such as {@code /tokens/5} does not count), unless the segment after it is a plain lower-case word
 * ({@code /auth/login}, {@code /token/refresh}): those are routes.</li>
 * </ol>
 * A secret is stored as {@link #REDACTED}; a secret-shaped parameter name too. Header values that are URLs or paths
 * ({@code Referer}) are redacted as URLs ({@link #redactUrl}). Free text fmd did not write, such as a database's
 * error message, goes through {@link #redactText}.
 * <pre>
 * Redactor redactor = new Redactor(List.of("token", "password"));
 * redactor.value("X-Auth-Token", "abc");                               // "[redacted]"
 * redactor.redactPath("/app/token/abc123;jsessionid=F00/orders/42");
 *                                      // "/app/token/[redacted];jsessionid=[redacted]/orders/42"
 * </pre>
 */
public final class Redactor {

    /** What a secret is stored as. */
    public static final String REDACTED = "[redacted]";

    private static final Set<String> ALWAYS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "jsessionid", "x-fmd-test-token");

    private static final int SHAPE_MIN_LENGTH = 16;
    private static final Pattern TOKEN_ALPHABET = Pattern.compile("[A-Za-z0-9\\-_.~+/=%]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9\\-_]*(\\.[A-Za-z0-9\\-_]*){1,4}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ROUTE_WORD = Pattern.compile("[a-z][a-z\\-]*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]+:)[^@\\s/]+@");
    private static final Pattern TEXT_SECRET = Pattern.compile(
            "(?i)\\b((?:password|passwd|pwd|secret|token|api[-_]?key|credential)s?\\s*[=:]\\s*)"
                    + "(\"[^\"]*\"|'[^']*'|[^\\s;&,)]+)");

    private final List<String> words;

    /** @param words lower-case words that make a name secret ({@code fmd.redact}) */
    public Redactor(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** @return whether values of this header or parameter name are secrets (rule 1) */
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

    /**
     * A header's value: {@link #REDACTED} when the name is a secret's; a value that is a URL or a path
     * ({@code Referer}, a proxy's {@code X-Original-URL}) redacted as by {@link #redactUrl}; else as is.
     *
     * @return the value to store
     */
    public String value(String name, String value) {
        if (isSecret(name)) {
            return REDACTED;
        }
        return value != null && (value.startsWith("/") || value.startsWith("http://")
                || value.startsWith("https://")) ? redactUrl(value) : value;
    }

    /**
     * A query, form or matrix parameter, decoded: its value is {@link #REDACTED} when its name is a secret's or
     * either looks like a secret, its name when the name looks like one.
     *
     * @return {@code name=value} to store
     */
    public String parameter(String name, String value) {
        return (looksLikeSecret(name) ? REDACTED : name) + "=" + (isSecretParameter(name, value) ? REDACTED : value);
    }

    private boolean isSecretParameter(String name, String value) {
        return looksLikeSecret(name) || isSecret(name) || looksLikeSecret(value);
    }

    /**
     * A URL as a client sent it (absolute, or a path), with its path redacted as by {@link #redactPath}, and its
     * query and fragment parameter by parameter (kept encoded as they were); scheme, host and port as they are.
     *
     * @return the URL to store, or null for null
     */
    public String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        int pathStart = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
        int queryStart = firstOf(url, Math.max(pathStart, 0), '?', '#');
        if (pathStart < 0) {
            pathStart = queryStart;
        }
        StringBuilder text = new StringBuilder(url.substring(0, pathStart));
        text.append(redactPath(url.substring(pathStart, queryStart)));
        int at = queryStart;
        while (at < url.length()) {
            char separator = url.charAt(at);
            int end = firstOf(url, at + 1, separator == '?' ? '#' : '\0');
            text.append(separator).append(redactPairs(url.substring(at + 1, end), '&'));
            at = end;
        }
        return text.toString();
    }

    /**
     * Redacts a URL path as it was sent (encoded, with matrix parameters): each matrix parameter as a
     * {@link #parameter} (so {@code ;jsessionid=} always), each segment that looks like a secret
     * ({@link #looksLikeSecret}) or comes right after a segment naming a secret (rule 3 above). Encoding and
     * separators are kept, so the result reads as the path did; also for templated paths of endpoints no resource
     * matched.
     *
     * @param path a path such as {@code /app/reset/x7Qk...;jsessionid=F00}, or null
     * @return the path with each secret replaced by {@link #REDACTED}
     */
    public String redactPath(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/", -1);
        StringBuilder text = new StringBuilder(path.length());
        boolean afterSecretName = false;
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                text.append('/');
            }
            int semicolon = segments[i].indexOf(';');
            String head = semicolon < 0 ? segments[i] : segments[i].substring(0, semicolon);
            String decoded = decode(head.replace("+", "%2B"));
            boolean secret = looksLikeSecret(decoded)
                    || (afterSecretName && !decoded.isEmpty() && !ROUTE_WORD.matcher(decoded).matches());
            text.append(secret ? REDACTED : head);
            if (semicolon >= 0) {
                text.append(';').append(redactPairs(segments[i].substring(semicolon + 1), ';'));
            }
            afterSecretName = namesSecret(decoded);
        }
        return text.toString();
    }

    /**
     * Rule 2: whether a text looks like a token, whatever its name.
     *
     * @param text a decoded name, value or path segment, or null
     * @return true when JWT-shaped, or at least 16 characters of the token alphabet with a digit, switching between
     *         letters and digits or from lower to upper case at least once every 4 characters; never for a UUID
     */
    public static boolean looksLikeSecret(String text) {
        if (text == null || text.length() < 3) {
            return false;
        }
        if (JWT.matcher(text).matches()) {
            return true;
        }
        if (text.length() < SHAPE_MIN_LENGTH || UUID.matcher(text).matches()
                || !TOKEN_ALPHABET.matcher(text).matches()) {
            return false;
        }
        int switches = 0;
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            digit |= isDigit(c);
            if (i > 0) {
                char before = text.charAt(i - 1);
                boolean letterDigit = (isLetter(before) && isDigit(c)) || (isDigit(before) && isLetter(c));
                boolean lowerUpper = before >= 'a' && before <= 'z' && c >= 'A' && c <= 'Z';
                if (letterDigit || lowerUpper) {
                    switches++;
                }
            }
        }
        return digit && switches * 4 >= text.length();
    }

    /**
     * For free text that fmd logs or shows but did not write itself, such as a database's error message: hides the
     * password of a URL ({@code jdbc:mysql://fmd:s3cret@db/fmd}) and the value after {@code password=},
     * {@code token:}, {@code secret=}, {@code apikey=}, {@code credential=} and the like.
     *
     * @param text the text, or null
     * @return the text with those values replaced by {@link #REDACTED}
     */
    public static String redactText(String text) {
        if (text == null) {
            return null;
        }
        String replacement = "$1" + Matcher.quoteReplacement(REDACTED);
        return TEXT_SECRET.matcher(URL_PASSWORD.matcher(text).replaceAll(replacement + "@")).replaceAll(replacement);
    }

    /** Rule 3: whether a decoded path segment names a secret, so that the segment after it holds one. */
    private boolean namesSecret(String segment) {
        String separated = "-" + segment.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replace('_', '-').replace('.', '-') + "-";
        for (String word : words) {
            if (separated.contains("-" + word + "-")) {
                return true;
            }
        }
        for (String word : ALWAYS) {
            if (separated.contains("-" + word + "-")) {
                return true;
            }
        }
        return false;
    }

    /** Redacts {@code name=value} pairs as they were sent, encoded, separated by {@code separator}. */
    private String redactPairs(String pairs, char separator) {
        StringBuilder text = new StringBuilder(pairs.length());
        String[] split = pairs.split(Pattern.quote(String.valueOf(separator)), -1);
        for (int i = 0; i < split.length; i++) {
            if (i > 0) {
                text.append(separator);
            }
            String pair = split[i];
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            String decodedName = decode(name);
            boolean secretValue = isSecretParameter(decodedName, decode(value));
            text.append(looksLikeSecret(decodedName) ? REDACTED : name);
            if (eq >= 0 || secretValue) {
                text.append('=').append(secretValue ? REDACTED : value);
            }
        }
        return text.toString();
    }

    private static int firstOf(String text, int from, char... characters) {
        for (int i = from; i < text.length(); i++) {
            for (char c : characters) {
                if (text.charAt(i) == c) {
                    return i;
                }
            }
        }
        return text.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** @return the text percent-decoded as in a URL ({@code +} is a space), or as is when it is not valid */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
