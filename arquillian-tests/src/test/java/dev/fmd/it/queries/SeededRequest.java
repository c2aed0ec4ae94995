package dev.fmd.it.queries;

import dev.fmd.monitor.Endpoint;
import dev.fmd.monitor.RequestRecord;

import java.time.Instant;

/**
 * A request the test chose, as {@link QueriesProbe} puts it into fmd's queue: the test sends these and computes from
 * them, independently, what every query service must answer.
 *
 * @param endpoint  the endpoint's name, {@code ResourceClass.method}
 * @param time      when it started (milliseconds count: fmd stores no finer)
 * @param nanos     how long it took, in whole microseconds (so that the stored 0.1 µs duration is exact)
 * @param version   the application version that served it
 * @param user      the group-by value, or null
 * @param ip        the client address
 * @param status    the HTTP status
 * @param exception the class of the exception that escaped, or null
 */
public record SeededRequest(String endpoint, Instant time, long nanos, String version, String user, String ip,
                            int status, String exception) {

    /** @return its duration in ms */
    public double ms() {
        return nanos / 1_000_000.0;
    }

    /** @return the request as the monitor would have recorded it, for that endpoint */
    RequestRecord record(Endpoint of) {
        return new RequestRecord(of, true, time.toEpochMilli(), nanos, version, user, ip, status, exception, null);
    }
}
