package dev.fmd.access;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(10, 60_000, now::get);

    @Test
    void tenFailuresInAMinuteMakeThatAddressWaitUntilTheMinuteEnds() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("10.0.0.1");
        }
        assertEquals(0, throttle.secondsToWait("10.0.0.1"));
        throttle.failed("10.0.0.1");
        assertEquals(60, throttle.secondsToWait("10.0.0.1"));
        assertEquals(0, throttle.secondsToWait("10.0.0.2"), "other addresses are not affected");
        now.addAndGet(45_500);
        assertEquals(15, throttle.secondsToWait("10.0.0.1"));
        now.addAndGet(14_500);
        assertEquals(0, throttle.secondsToWait("10.0.0.1"));
        throttle.failed("10.0.0.1");
        assertEquals(0, throttle.secondsToWait("10.0.0.1"), "a new window starts from one failure");
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("10.0.0.1");
        }
        throttle.succeeded("10.0.0.1");
        assertEquals(0, throttle.secondsToWait("10.0.0.1"));
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfAddresses() {
        for (int i = 0; i < 3 * LoginThrottle.MAX_ADDRESSES; i++) {
            throttle.failed("addr-" + i);
        }
        for (int i = 0; i < 10; i++) {
            throttle.failed("attacker");
        }
        assertTrue(throttle.secondsToWait("attacker") > 0);
    }
}
