package dev.fmd.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsAccessTest {

    private static final String TOKEN = "0123456789abcdef-scrape";

    @Test
    void withoutEitherKeyTheEndpointIsOff() {
        assertEquals(MetricsAccess.Verdict.OFF, new MetricsAccess("", false).check("Bearer " + TOKEN));
        assertEquals(MetricsAccess.Verdict.OFF, new MetricsAccess("", false).check(null));
    }

    @Test
    void publicWithoutATokenLetsAnyoneScrape() {
        assertEquals(MetricsAccess.Verdict.ALLOWED, new MetricsAccess("", true).check(null));
    }

    @Test
    void aSetTokenIsRequiredEvenWhenPublic() {
        for (boolean isPublic : new boolean[] {false, true}) {
            MetricsAccess access = new MetricsAccess(TOKEN, isPublic);
            assertEquals(MetricsAccess.Verdict.ALLOWED, access.check("Bearer " + TOKEN));
            assertEquals(MetricsAccess.Verdict.UNAUTHORIZED, access.check(null));
            assertEquals(MetricsAccess.Verdict.UNAUTHORIZED, access.check("Bearer " + TOKEN + "x"));
            assertEquals(MetricsAccess.Verdict.UNAUTHORIZED, access.check("Bearer " + TOKEN.substring(1)));
            assertEquals(MetricsAccess.Verdict.UNAUTHORIZED, access.check("Basic " + TOKEN));
            assertEquals(MetricsAccess.Verdict.UNAUTHORIZED, access.check(TOKEN));
        }
    }

    @Test
    void messagesNameTheKeys() {
        assertTrue(MetricsAccess.OFF_MESSAGE.contains("fmd.metrics-token"), MetricsAccess.OFF_MESSAGE);
        assertTrue(MetricsAccess.OFF_MESSAGE.contains("fmd.metrics-public=true"), MetricsAccess.OFF_MESSAGE);
    }

    @Test
    void toStringShowsWhetherTheTokenIsSetNeverTheToken() {
        assertEquals("MetricsAccess[token=(set), isPublic=false]", new MetricsAccess(TOKEN, false).toString());
        assertEquals("MetricsAccess[token=(none), isPublic=true]", new MetricsAccess("", true).toString());
    }
}
