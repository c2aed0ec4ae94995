package dev.fmd.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {

    @Test
    void matchesAddressesAndCidrRangesOfBothFamilies() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, 172.16.0.0/12, fd00::/8, ::1");
        assertTrue(proxies.contains("10.200.3.4"));
        assertTrue(proxies.contains("192.168.1.7"));
        assertFalse(proxies.contains("192.168.1.8"));
        assertTrue(proxies.contains("172.31.255.255"));
        assertFalse(proxies.contains("172.32.0.1"));
        assertTrue(proxies.contains("fd12:3456::1"));
        assertTrue(proxies.contains("::1"));
        assertFalse(proxies.contains("2001:db8::1"));
    }

    @Test
    void neverTrustsWhatIsNotAnAddress() {
        TrustedProxies proxies = TrustedProxies.parse("0.0.0.0/0");
        assertFalse(proxies.contains("localhost"));
        assertFalse(proxies.contains("unknown"));
        assertFalse(proxies.contains(null));
    }

    @Test
    void rejectsHostNamesAndBadPrefixes() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
    }
}
