package dev.fmd.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses and CIDR ranges ({@code fmd.trusted-proxies}) whose {@code Forwarded} / {@code X-Forwarded-For}
 * headers fmd believes. Only IP literals are accepted: a host name would need a DNS lookup on the request path.
 * <pre>
 * TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, ::1");
 * proxies.contains("10.1.2.3");   // true
 * </pre>
 */
public final class TrustedProxies {

    /** No proxy is trusted: the client address is always the remote address. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * @param commaSeparated addresses or CIDR ranges, e.g. {@code "10.0.0.0/8, 192.168.1.7, fd00::/8"}; blank means none
     * @return the parsed list
     * @throws IllegalArgumentException naming the entry that is not an IP literal or CIDR range
     */
    public static TrustedProxies parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                ranges.add(Range.parse(trimmed));
            }
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** @return true when no proxy is trusted */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * @param address an IP literal (as from {@code ServletRequest#getRemoteAddr()}); anything else is not trusted
     * @return whether the address lies in one of the trusted ranges
     */
    public boolean contains(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param text any text
     * @return whether it is an IPv4 or IPv6 address literal (checked without any DNS lookup)
     */
    public static boolean isIpLiteral(String text) {
        return literal(text) != null;
    }

    /** @return the address bytes of an IP literal, or null when the text is not one (never does a DNS lookup) */
    static byte[] literal(String text) {
        if (text == null) {
            return null;
        }
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    private record Range(byte[] network, int prefixBits, String text) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
            }
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1).trim());
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bytes.length * 8);
                }
            }
            return new Range(bytes, bits, text);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
