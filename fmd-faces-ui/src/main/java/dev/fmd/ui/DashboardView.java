package dev.fmd.ui;

import dev.fmd.access.DashboardAccess;
import dev.fmd.access.DashboardUser;
import dev.fmd.access.Role;
import dev.fmd.config.DashboardSettings;
import dev.fmd.config.FmdConfig;
import dev.fmd.query.DashboardStatus;
import dev.fmd.query.DatabaseState;
import dev.fmd.query.InstanceInfo;
import dev.fmd.query.RequestCursor;
import dev.fmd.query.StatusQueries;
import dev.fmd.query.TimeWindow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every dashboard page shares, as {@code #{fmdView}}: the header (version, instances, database state, queue
 * and dropped counters), the time window, time zone and instance the page looks at (from the request's parameters
 * {@code w}, {@code from}, {@code to} and {@code i}), links that keep them, and the formats of numbers and times.
 * <p>
 * Times are shown in {@code fmd.timezone}, or else in the browser's zone, which the layout's script keeps in the
 * cookie {@code fmd-tz}.
 */
@Named("fmdView")
@RequestScoped
public class DashboardView {

    /** The windows a page can look at, by their parameter value. */
    static final Map<String, Duration> WINDOWS = windows();

    private static final Logger LOG = Logger.getLogger("dev.fmd");
    private static final String DEFAULT_WINDOW = "7d";
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    @Inject
    HttpServletRequest request;

    @Inject
    Instance<FmdConfig> config;

    @Inject
    Instance<StatusQueries> statusQueries;

    private DashboardSettings settings;
    private DashboardStatus status;
    private ZoneId zone;
    private TimeWindow window;
    private String windowKey;
    private String windowProblem;
    private String problem;
    private final Instant now = Instant.now();

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("1h", Duration.ofHours(1));
        windows.put("24h", Duration.ofDays(1));
        windows.put("7d", Duration.ofDays(7));
        windows.put("30d", Duration.ofDays(30));
        windows.put("90d", Duration.ofDays(90));
        return windows;
    }

    /** @return the dashboard's settings */
    public DashboardSettings getSettings() {
        if (settings == null) {
            settings = config.isResolvable() ? config.get().dashboard() : DashboardSettings.DEFAULTS;
        }
        return settings;
    }

    /** @return fmd's own state on this instance, read once per request */
    public DashboardStatus getStatus() {
        if (status == null) {
            status = statusQueries.get().status();
        }
        return status;
    }

    /** @return who is logged in (the login guard lets no page be shown to anyone else) */
    public DashboardUser getUser() {
        Object user = request.getAttribute(DashboardGuard.USER);
        return user instanceof DashboardUser u ? u : new DashboardUser("", Role.GUEST, false);
    }

    /** @return true when the user may change settings; pages show change controls only then */
    public boolean isAdmin() {
        return getUser().role().canChange();
    }

    /** @return the session's CSRF token, which every change (form field or header) must carry */
    public String getCsrfToken() {
        return DashboardAccess.csrfToken(request);
    }

    /** @return how many days single requests are kept ({@code fmd.retention-days}) */
    public int getRetentionDays() {
        return config.isResolvable() ? config.get().retentionDays() : 30;
    }

    /** @return the path of the dashboard in the application, e.g. {@code /shop/fmd} */
    public String getBase() {
        return request.getContextPath() + "/" + getSettings().link();
    }

    /** @return the dashboard's address as the browser asked for it, absolute, e.g. {@code http://host:8080/shop/fmd} */
    public String getDashboardUrl() {
        StringBuilder url = new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        if (!(port == 80 && "http".equals(request.getScheme())) && !(port == 443 && "https".equals(request.getScheme()))) {
            url.append(':').append(port);
        }
        return url.append(getBase()).toString();
    }

    /** @return a message on fmd's own state for the header, or null when all is well */
    public String getDatabaseMessage() {
        DashboardStatus s = getStatus();
        return switch (s.database()) {
            case DISABLED -> "fmd is disabled (fmd.enabled=false): nothing is measured.";
            case STARTING -> "Waiting for fmd's database: measurements are kept in memory until it answers.";
            case UNREACHABLE -> "fmd's database unreachable since " + time(s.databaseSince()) + sqlState(s)
                    + ": measurements are kept in memory (up to " + s.queueCapacity() + ") until it answers. The "
                    + "server log has the details.";
            case UP -> null;
        };
    }

    /** @return the standard SQLState of the database's last answer, e.g. " (SQLState 08001)"; never its message */
    private static String sqlState(DashboardStatus status) {
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("SQLState [0-9A-Z]{5}")
                .matcher(status.databaseProblem() == null ? "" : status.databaseProblem());
        return state.find() ? " (" + state.group() + ")" : "";
    }

    /** @return true when the pages can read figures */
    public boolean isDatabaseUp() {
        return getStatus().database() == DatabaseState.UP;
    }

    /** @return the database state, in words */
    public String getDatabaseState() {
        return switch (getStatus().database()) {
            case DISABLED -> "disabled";
            case STARTING -> "starting";
            case UNREACHABLE -> "unreachable";
            case UP -> "up";
        };
    }

    /** @return measurements, call trees and outlier contexts lost since start: dropped, rejected or never stored */
    public long getDropped() {
        return getStatus().dropped() + getStatus().lostDetails();
    }

    /** @return every instance writing to the database, as last seen */
    public List<InstanceInfo> getInstances() {
        return getStatus().instances();
    }

    /** @return the names of the instances, separated by commas */
    public String getInstanceNames() {
        return String.join(", ", getInstances().stream().map(InstanceInfo::name).toList());
    }

    /** @return true when more than one instance writes to the database: the pages offer an instance filter */
    public boolean isMultiInstance() {
        return getInstances().size() > 1;
    }

    /** @return the instance the page is narrowed to, or null for all */
    public String getInstance() {
        String instance = request.getParameter("i");
        return instance == null || instance.isBlank() || getInstances().stream()
                .noneMatch(i -> i.name().equals(instance)) ? null : instance;
    }

    /** @return the zone times are shown in */
    public ZoneId getZone() {
        if (zone == null) {
            zone = getSettings().timezone() != null ? getSettings().timezone() : browserZone();
        }
        return zone;
    }

    /** @return true when the zone is the browser's (the layout's script then keeps it in a cookie) */
    public boolean isBrowserZone() {
        return getSettings().timezone() == null;
    }

    private ZoneId browserZone() {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if ("fmd-tz".equals(cookie.getName())) {
                    try {
                        return ZoneId.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
                    } catch (DateTimeException | IllegalArgumentException e) {
                        break;
                    }
                }
            }
        }
        return UTC;
    }

    /** @return the window the page looks at: the parameter {@code w} (default the last 7 days), or from..to */
    public TimeWindow getWindow() {
        if (window == null) {
            String key = request.getParameter("w");
            if ("custom".equals(key)) {
                window = customWindow();
            }
            if (window == null) {
                windowKey = WINDOWS.containsKey(key) ? key : DEFAULT_WINDOW;
                window = TimeWindow.last(WINDOWS.get(windowKey), now);
            } else {
                windowKey = "custom";
            }
            window = window.on(getInstance());
        }
        return window;
    }

    private TimeWindow customWindow() {
        LocalDateTime from = PageParameters.time(request.getParameter("from"));
        LocalDateTime to = PageParameters.time(request.getParameter("to"));
        if (from == null || to == null || !from.isBefore(to)) {
            // a page's address is checked before it runs (PageParameters); a postback's form fields are not
            windowProblem = "A custom window needs a start before its end (from, to): showing the last 7 days.";
            return null;
        }
        return new TimeWindow(from.atZone(getZone()).toInstant(), to.atZone(getZone()).toInstant());
    }

    /** @return the selected window's key: 1h, 24h, 7d, 30d, 90d or custom */
    public String getWindowKey() {
        getWindow();
        return windowKey;
    }

    /** @return the window's choices, key to label */
    public Map<String, String> getWindowChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("1h", "Last hour");
        choices.put("24h", "Last 24 hours");
        choices.put("7d", "Last 7 days");
        choices.put("30d", "Last 30 days");
        choices.put("90d", "Last 90 days");
        choices.put("custom", "Custom…");
        return choices;
    }

    /** @return the window's start as a {@code datetime-local} value in the zone */
    public String getFromInput() {
        return PageParameters.INPUT.format(getWindow().from().atZone(getZone()));
    }

    /** @return the window's end as a {@code datetime-local} value in the zone */
    public String getToInput() {
        return PageParameters.INPUT.format(getWindow().to().atZone(getZone()));
    }

    /** @return the window in words, e.g. "24 Nov 10:00 – 25 Nov 10:00 (Europe/Amsterdam)" */
    public String getWindowText() {
        return SHORT_TIME.format(getWindow().from().atZone(getZone())) + " – "
                + SHORT_TIME.format(getWindow().to().atZone(getZone())) + " (" + getZone().getId() + ")"
                + (getInstance() == null ? "" : ", instance " + getInstance());
    }

    /** @return what was wrong with the window asked for, or null */
    public String getWindowProblem() {
        getWindow();
        return windowProblem;
    }

    /**
     * @param page a page, e.g. {@code endpoint.xhtml?id=3}
     * @return its address, keeping this page's window and instance
     */
    public String link(String page) {
        StringBuilder link = new StringBuilder(getBase()).append('/').append(page);
        char separator = page.contains("?") ? '&' : '?';
        getWindow();
        link.append(separator).append("w=").append(windowKey);
        if ("custom".equals(windowKey)) {
            link.append("&from=").append(encode(getFromInput())).append("&to=").append(encode(getToInput()));
        }
        if (getInstance() != null) {
            link.append("&i=").append(encode(getInstance()));
        }
        return link.toString();
    }

    /**
     * Reads figures for a page; when the database does not answer, the page shows a short message instead (never
     * a stack trace or a database message; those go to the server log).
     *
     * @param what  what is read, for the log
     * @param query the read
     * @return its answer, or null when it failed
     */
    public <T> T read(String what, Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            if (problem == null) {
                problem = isDatabaseUp() ? "The figures could not be read from fmd's database. The server log has "
                        + "the details." : "The figures cannot be read while fmd's database is " + getDatabaseState()
                        + ".";
                LOG.log(Level.WARNING, "fmd's dashboard could not read " + what + ": " + e, e);
            }
            return null;
        }
    }

    /** @return the message of a failed read on this page, or null */
    public String getProblem() {
        return problem;
    }

    /**
     * @param ms a duration in ms; NaN or negative when unknown
     * @return it with 3 significant digits, e.g. {@code 0.123}, {@code 12.3}, {@code 1234}; or a dash
     */
    public String duration(double ms) {
        if (Double.isNaN(ms) || ms < 0) {
            return "–";
        }
        return ms >= 100 ? NumberText.fixed(ms, 0, true) : ms >= 10 ? NumberText.fixed(ms, 1, false)
                : ms >= 1 ? NumberText.fixed(ms, 2, false) : NumberText.fixed(ms, 3, false);
    }

    /**
     * @param ms a duration in ms; NaN or negative when unknown
     * @return it as {@link #duration(double)} with its unit, e.g. {@code 12.3 ms}; or a dash
     */
    public String ms(double ms) {
        String text = duration(ms);
        return text.equals("–") ? text : text + " ms";
    }

    /**
     * @param count a count
     * @return it with thousands separators
     */
    public String count(long count) {
        return NumberText.count(count);
    }

    /**
     * @param time an instant or null
     * @return it in the zone, or "never"
     */
    public String time(Instant time) {
        return time == null ? "never" : TIME.format(time.atZone(getZone()));
    }

    /**
     * @param name an endpoint name
     * @return its colour: from {@code fmd.colors}, or hashed from the name
     */
    public String color(String name) {
        return EndpointColors.of(name, getSettings().colors());
    }

    /**
     * @param name a request parameter holding an id, e.g. {@code id} in {@code endpoint.xhtml?id=3}
     * @return its value, or null when it is missing or not a number
     */
    public Long idParameter(String name) {
        String value = request.getParameter(name);
        if (value == null || value.length() > 20) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param name a request parameter
     * @return its value, or null when it is missing or empty
     */
    public String parameter(String name) {
        String value = request.getParameter(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * A page of a list (requests, profiled requests, outliers) starts after the row named by the parameter
     * {@code before}: {@code <ISO instant>_<id>}, as {@link #before(RequestCursor)} writes it.
     *
     * @return the cursor of the parameter {@code before}, or null for the newest page (a malformed one never gets
     *         here: {@link PageParameters})
     */
    public RequestCursor cursor() {
        return PageParameters.cursor(request.getParameter("before"));
    }

    /**
     * @param next the cursor of a list's next page
     * @return the value of the parameter {@code before} that asks for that page
     */
    public static String before(RequestCursor next) {
        return next.time() + "_" + next.id();
    }

    /**
     * @param share a part of a whole, 0 to 1
     * @return it as a percentage with one decimal, e.g. {@code 42.5 %}; or a dash when unknown
     */
    public String percent(double share) {
        return Double.isNaN(share) ? "–" : NumberText.fixed(share * 100, 1, false) + " %";
    }

    /**
     * @param level a monitoring level
     * @return what fmd keeps at that level
     */
    public String levelMeaning(int level) {
        return Levels.meaning(level);
    }

    /** @return how often other instances read level changes ({@code fmd.level-refresh}), in words */
    public String getLevelRefresh() {
        int ms = config.isResolvable() ? config.get().levelRefreshMs() : 2000;
        return ms % 1000 == 0 ? ms / 1000 + " s" : NumberText.fixed(ms / 1000.0, 1, false) + " s";
    }

    /** @return the time the page was asked for */
    Instant now() {
        return now;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
