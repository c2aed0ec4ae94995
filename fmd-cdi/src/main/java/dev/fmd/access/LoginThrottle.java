package dev.fmd.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins from one client address within a window, that
 * address is refused (HTTP 429 with {@code Retry-After}) until the window ends. Memory is bounded: at most
 * {@value #MAX_ADDRESSES} addresses are tracked; beyond that, ended windows are forgotten first, then all.
 * <pre>
 * LoginThrottle throttle = new LoginThrottle(10, 60_000, System::currentTimeMillis);
 * long wait = throttle.secondsToWait(address);      // 0: may try
 * if (!ok) throttle.failed(address);
 * </pre>
 */
public final class LoginThrottle {

    static final int MAX_ADDRESSES = 10_000;

    private final int maxFailures;
    private final long windowMs;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, int failures) {
    }

    /**
     * @param maxFailures failures allowed per address and window
     * @param windowMs    the window's length in ms
     * @param clock       the time in ms
     */
    public LoginThrottle(int maxFailures, long windowMs, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowMs = windowMs;
        this.clock = clock;
    }

    /**
     * @param address a client address
     * @return seconds the address must wait before its next try; 0 when it may try now
     */
    public long secondsToWait(String address) {
        Window window = windows.get(address);
        long now = clock.getAsLong();
        if (window == null || window.failures() < maxFailures || now - window.start() >= windowMs) {
            return 0;
        }
        return Math.max(1, (window.start() + windowMs - now + 999) / 1000);
    }

    /** @param address a client address whose login failed */
    public void failed(String address) {
        long now = clock.getAsLong();
        if (windows.size() >= MAX_ADDRESSES) {
            windows.values().removeIf(w -> now - w.start() >= windowMs);
            if (windows.size() >= MAX_ADDRESSES) {
                windows.clear();
            }
        }
        windows.compute(address, (a, w) -> w == null || now - w.start() >= windowMs ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    /** @param address a client address that logged in: its failures are forgotten */
    public void succeeded(String address) {
        windows.remove(address);
    }
}
