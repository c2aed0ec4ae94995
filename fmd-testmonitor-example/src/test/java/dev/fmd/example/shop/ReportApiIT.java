package dev.fmd.example.shop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reports: the slow sales report. */
class ReportApiIT {

    @Test
    void salesReportTakesItsTime() {
        assertEquals(200, Shop.get("/api/reports/sales?ms=25").statusCode());
    }
}
