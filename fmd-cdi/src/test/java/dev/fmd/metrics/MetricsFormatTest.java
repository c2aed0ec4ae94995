package dev.fmd.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsFormatTest {

    @Test
    void prometheusAskingForOpenMetricsFirstGetsIt() {
        assertEquals(MetricsFormat.OPENMETRICS, MetricsFormat.negotiate("application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
    }

    @Test
    void clientsNotAskingForOpenMetricsGetTheTextFormat() {
        assertEquals(MetricsFormat.PROMETHEUS, MetricsFormat.negotiate(null));
        assertEquals(MetricsFormat.PROMETHEUS, MetricsFormat.negotiate("*/*"));
        assertEquals(MetricsFormat.PROMETHEUS, MetricsFormat.negotiate("text/plain;version=0.0.4"));
        assertEquals(MetricsFormat.PROMETHEUS, MetricsFormat.negotiate("application/openmetrics-text; q=0, text/plain"));
    }

    @Test
    void eachFormatHasItsContentType() {
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
                MetricsFormat.OPENMETRICS.contentType());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", MetricsFormat.PROMETHEUS.contentType());
    }
}
