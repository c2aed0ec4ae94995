package dev.fmd.monitor;

import dev.fmd.config.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Finds the client's address of a request. The remote address is the answer unless it belongs to a trusted proxy
 * ({@code fmd.trusted-proxies}); then the forwarding chain ({@code Forwarded}, else {@code X-Forwarded-For}) is walked
 * from the nearest hop outwards, and the first address that is not a trusted proxy is the client. Headers sent by
 * an untrusted peer are ignored, so a client cannot choose its own address.
 *
 * @param proxies the trusted proxies
 */
public record ClientAddress(TrustedProxies proxies) {

    /**
     * @param request a request
     * @return its client's address; the forwarding headers are read only when the peer is a trusted proxy
     */
    public String resolve(HttpServletRequest request) {
        String remoteAddress = request.getRemoteAddr();
        if (proxies.isEmpty() || !proxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        return resolve(remoteAddress, request.getHeaders("Forwarded"), request.getHeaders("X-Forwarded-For"));
    }

    /**
     * @param remoteAddress  the peer's address ({@code ServletRequest#getRemoteAddr()})
     * @param forwarded      the values of the {@code Forwarded} headers, in order (may be null)
     * @param xForwardedFor  the values of the {@code X-Forwarded-For} headers, in order (may be null)
     * @return the client's address
     */
    public String resolve(String remoteAddress, Enumeration<String> forwarded, Enumeration<String> xForwardedFor) {
        if (proxies.isEmpty() || !proxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        List<String> chain = forwardedFor(forwarded);
        if (chain.isEmpty()) {
            chain = xForwardedFor(xForwardedFor);
        }
        String nearest = remoteAddress;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isLiteral(hop)) {
                return nearest;
            }
            if (!proxies.contains(hop)) {
                return hop;
            }
            nearest = hop;
        }
        return nearest;
    }

    /** The {@code for=} values of RFC 7239 {@code Forwarded} headers, client first. */
    static List<String> forwardedFor(Enumeration<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : values(headers)) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                        chain.add(stripPort(unquote(pair.substring(eq + 1).trim())));
                    }
                }
            }
        }
        return chain;
    }

    /** The addresses of {@code X-Forwarded-For} headers, client first. */
    static List<String> xForwardedFor(Enumeration<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : values(headers)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(stripPort(hop.trim()));
                }
            }
        }
        return chain;
    }

    private static List<String> values(Enumeration<String> headers) {
        return headers == null ? List.of() : Collections.list(headers);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** {@code [2001:db8::1]:4711} becomes {@code 2001:db8::1}, {@code 192.0.2.1:80} becomes {@code 192.0.2.1}. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    private static boolean isLiteral(String hop) {
        return TrustedProxies.isIpLiteral(hop);
    }
}
