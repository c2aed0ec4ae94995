package dev.fmd.access;

import jakarta.servlet.ServletContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password and token guessing: after {@code maxFailures} failed logins from one client address within a
 * window, that address is refused (HTTP 429 with {@code Retry-After}) until the window ends. The application's one
 * throttle ({@link #shared}) counts the failures of fmd's login form and of wrong bearer tokens ({@code fmd.admin-token}
 * on the levels API and the export, {@code fmd.metrics-token} on the metrics) together. Memory is bounded: at most
 * {@value #MAX_ADDRESSES} addresses are tracked; beyond that, ended windows are forgotten first, then all.
 * <pre>
 * LoginThrottle throttle = new LoginThrottle(10, 60_000, System::currentTimeMillis);
 * long wait = throttle.secondsToWait(address);      // 0: may try
 * if (!ok) throttle.failed(address);
 * </pre>
 */
public final class LoginThrottle {

    static final int MAX_ADDRESSES = 10_000;

    /** Failed logins or tokens from one address per window before it has to wait. */
    public static final int MAX_FAILURES = 10;
    /** The window of {@link #MAX_FAILURES}: a minute. */
    public static final long WINDOW_MS = 60_000;

    private static final String ATTRIBUTE = LoginThrottle.class.getName();

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

    /**
     * @param context the application
     * @return the application's one throttle ({@value #MAX_FAILURES} failures a minute per address), made on first use
     *         and kept as an attribute of the application, so that it ends with the application
     */
    public static LoginThrottle shared(ServletContext context) {
        synchronized (context) {
            if (context.getAttribute(ATTRIBUTE) instanceof LoginThrottle throttle) {
                return throttle;
            }
            LoginThrottle made = new LoginThrottle(MAX_FAILURES, WINDOW_MS, System::currentTimeMillis);
            context.setAttribute(ATTRIBUTE, made);
            return made;
        }
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
