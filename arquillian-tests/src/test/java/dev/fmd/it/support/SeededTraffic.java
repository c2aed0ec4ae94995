package dev.fmd.it.support;

import dev.fmd.it.queries.SeededRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The requests {@code QueryServicesIT} seeds, over days 0 to 9 counted from a day 0 chosen by the caller (UTC), all
 * before {@link #now()} (day 9, 14:20 UTC):
 * <ul>
 * <li>bulk traffic to {@link #LIST} and {@link #CREATE} from a fixed random seed: version {@link #V1} on days 0–3,
 * both on days 4–6, {@link #V2} from day 7; three users and requests without one; four client addresses, one IPv6;
 * several 2xx, 4xx and 5xx statuses (an exception with every 500);</li>
 * <li>requests placed by hand where a service must draw a line: {@link #CREATE} at the edges of "today" and of the
 * last seven days before {@link #now()}, on both sides of 05:00 on day 2 and of 14:00 on day 8 (the edges of the
 * hours a window from 05:30 on day 2 to 13:15 on day 8 touches), and {@link #TIED} requests sharing one millisecond;
 * {@link #NIGHTLY} around UTC midnight and around local midnight in Asia/Kolkata.</li>
 * </ul>
 * Durations lie on a grid 5% apart (50 µs × 1.05<sup>k</sup>, in whole µs), so that a percentile read within the
 * histogram's 1% can only be the right request's duration, not its neighbour's. {@link #ITEMS} gets no request.
 */
public final class SeededTraffic {

    public static final String LIST = "OrderResource.list";
    public static final String CREATE = "OrderResource.create";
    public static final String NIGHTLY = "ReportResource.nightly";
    public static final String ITEMS = "ItemResource.list";
    /** Versions as git hashes, deployed in this order, which is not the order of their names. */
    public static final String V1 = "b7f3e21";
    public static final String V2 = "4a0c9d8";
    /** How many {@link #CREATE} requests start at {@link #tieTime()}. */
    public static final int TIED = 5;
    public static final String FAILURE = "java.lang.IllegalStateException";

    private static final List<String> USERS = Arrays.asList("alice", "bob", "(team,7)", null);
    private static final List<String> IPS = List.of("10.0.0.1", "10.0.0.2", "192.168.7.30", "2001:db8::7");
    private static final int LIST_REQUESTS = 480;
    private static final int CREATE_REQUESTS = 180;

    private final LocalDate day0;
    private final Random random = new Random(20_261_126);
    private final List<SeededRequest> requests = new ArrayList<>();

    /** @param day0 the first day of the traffic (UTC) */
    public SeededTraffic(LocalDate day0) {
        this.day0 = day0;
        for (int i = 0; i < LIST_REQUESTS; i++) {
            Instant time = randomTime();
            double outcome = random.nextDouble();
            add(LIST, time, 20 + random.nextInt(90), versionAt(time), outcome < 0.82 ? 200 : outcome < 0.90 ? 404
                    : outcome < 0.95 ? 400 : 500);
        }
        for (int i = 0; i < CREATE_REQUESTS; i++) {
            Instant time = randomTime();
            double outcome = random.nextDouble();
            int k = random.nextDouble() < 0.7 ? 60 + random.nextInt(40) : 140 + random.nextInt(35);
            add(CREATE, time, k, versionAt(time), outcome < 0.75 ? 201 : outcome < 0.85 ? 409 : outcome < 0.92 ? 422
                    : outcome < 0.96 ? 503 : 500);
        }
        placeCreateAtEdges();
        placeNightlyAroundMidnights();
    }

    /** "Today" and the last seven days before {@link #now()}, the hours 05:00 on day 2 and 14:00 on day 8, ties. */
    private void placeCreateAtEdges() {
        for (Instant edge : List.of(at(9, "00:00"), at(8, "23:59:59.999"), at(3, "00:00"), at(2, "23:59:59.999"),
                now(), at(2, "05:00"), at(2, "04:59:59.999"), at(8, "13:59:59.999"), at(8, "14:00"))) {
            add(CREATE, edge, 100 + requests.size() % 30, versionAt(edge), 201);
        }
        for (int i = 0; i < TIED; i++) {
            add(CREATE, tieTime(), 70 + 3 * i, V1, i == 2 ? 409 : 201);
        }
    }

    /** UTC midnight (day 1 to 2), and Kolkata's midnight (18:30 UTC) and the UTC hours on either side of it. */
    private void placeNightlyAroundMidnights() {
        add(NIGHTLY, at(1, "23:59:59.999"), 120, V1, 200);
        add(NIGHTLY, at(2, "00:00"), 121, V1, 404);
        add(NIGHTLY, at(4, "18:10"), 122, V2, 200);
        add(NIGHTLY, at(4, "18:45"), 123, V2, 500);
        add(NIGHTLY, at(4, "19:00"), 124, V2, 200);
        add(NIGHTLY, at(4, "22:59:59.999"), 125, V2, 503);
        add(NIGHTLY, at(4, "23:00"), 126, V1, 200);
    }

    private void add(String endpoint, Instant time, int k, String version, int status) {
        long micros = Math.round(50 * Math.pow(1.05, k));
        requests.add(new SeededRequest(endpoint, time, micros * 1_000, version, USERS.get(random.nextInt(4)),
                IPS.get(random.nextInt(IPS.size())), status, status == 500 ? FAILURE : null));
    }

    /** @return a millisecond of days 0 to 9, before {@link #now()} */
    private Instant randomTime() {
        Instant start = at(0, "00:00");
        return start.plusMillis((long) (random.nextDouble() * Duration.between(start, now()).toMillis()));
    }

    /** V1 on days 0–3, either on days 4–6, V2 from day 7: two versions side by side for a while. */
    private String versionAt(Instant time) {
        long day = Duration.between(at(0, "00:00"), time).toDays();
        return day < 4 ? V1 : day >= 7 ? V2 : random.nextBoolean() ? V1 : V2;
    }

    /** @return every request, in the order they were made up */
    public List<SeededRequest> all() {
        return List.copyOf(requests);
    }

    /** @return day {@code n} (UTC) */
    public LocalDate day(int n) {
        return day0.plusDays(n);
    }

    /**
     * @param n    a day
     * @param time a UTC time of day, e.g. {@code 18:45} or {@code 23:59:59.999}
     * @return that instant
     */
    public Instant at(int n, String time) {
        return day(n).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    /** @return the "now" of the overview: day 9, 14:20 UTC, the time of the last request */
    public Instant now() {
        return at(9, "14:20");
    }

    /** @return the millisecond {@link #TIED} requests of {@link #CREATE} start at */
    public Instant tieTime() {
        return at(6, "10:00:00.000");
    }
}
