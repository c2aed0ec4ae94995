package dev.fmd.monitor;

import dev.fmd.config.TrustedProxies;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(TrustedProxies.parse("10.0.0.0/8, 127.0.0.1"));

    @Test
    void withoutTrustedProxiesTheRemoteAddressIsTheClient() {
        ClientAddress direct = new ClientAddress(TrustedProxies.NONE);
        assertEquals("10.1.1.1", direct.resolve("10.1.1.1", none(), headers("203.0.113.5")));
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() {
        assertEquals("198.51.100.2", behindProxies.resolve("198.51.100.2", headers("for=1.2.3.4"),
                headers("203.0.113.5")));
    }

    @Test
    void theFirstUntrustedHopFromTheRightIsTheClient() {
        assertEquals("203.0.113.5", behindProxies.resolve("10.0.0.2", none(),
                headers("198.51.100.9, 203.0.113.5, 10.0.0.7")));
    }

    @Test
    void severalHeaderLinesFormOneChain() {
        assertEquals("203.0.113.5", behindProxies.resolve("10.0.0.2", none(),
                headers("198.51.100.9", "203.0.113.5", "10.0.0.7")));
    }

    @Test
    void forwardedWinsAndItsQuotesBracketsAndPortsAreRemoved() {
        assertEquals("2001:db8:cafe::17", behindProxies.resolve("127.0.0.1",
                headers("for=192.0.2.43, for=\"[2001:db8:cafe::17]:4711\";proto=https"), headers("9.9.9.9")));
        assertEquals("192.0.2.60", behindProxies.resolve("127.0.0.1",
                headers("For=\"192.0.2.60:8080\";by=203.0.113.43"), none()));
    }

    @Test
    void anObfuscatedHopStopsTheWalkAtTheLastKnownAddress() {
        assertEquals("10.0.0.7", behindProxies.resolve("10.0.0.2", headers("for=_hidden, for=10.0.0.7"), none()));
    }

    @Test
    void whenEveryHopIsTrustedTheOutermostIsTheClient() {
        assertEquals("10.9.9.9", behindProxies.resolve("10.0.0.2", none(), headers("10.9.9.9, 10.0.0.7")));
    }

    private static Enumeration<String> headers(String... values) {
        return Collections.enumeration(List.of(values));
    }

    private static Enumeration<String> none() {
        return Collections.emptyEnumeration();
    }
}
