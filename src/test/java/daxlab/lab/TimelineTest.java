package daxlab.lab;

import daxlab.chart.Picture;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.outcome.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code timeline(h)} draws the witness of whatever engine made the histogram. */
class TimelineTest {
    @Test
    void scHistogramsDrawTheirScheduleAsBefore() {
        Picture p = Lab.timeline(Lab.enumerate(Scenario.PUT_VS_GET, PutVariant.ORIGINAL));
        assertEquals("put-vs-get [put=ORIGINAL] under sc: a schedule reaching holder_data=B; holder_ops=NULL; get=OK "
                + "(lost ops)", p.title());
        assertTrue(p.text().lines().reduce((a, b) -> b).orElseThrow().endsWith("<== marked"), p.text());
    }

    @Test
    void axiomaticHistogramsDrawTheirExecution() {
        Histogram h = Lab.enumerate(Scenario.PUT_VS_GET, PutVariant.PATCH_V1_RELAXED, "lkmm");
        Picture p = Lab.timeline(h);
        assertEquals("put-vs-get [put=PATCH_V1_RELAXED] under lkmm: an execution reaching holder_data=B; "
                + "holder_ops=NULL; get=OK (lost ops)", p.title());
        assertTrue(p.png().length > 1000);
        assertTrue(p.svg().contains("W[plain] holder_ops=opsB"), "P1's plain store");
        assertFalse(p.text().contains("<== marked"));
    }

    @Test
    void aHistogramWithNoReachableForbiddenOutcomeIsNamed() {
        Histogram h = Lab.enumerate(Scenario.PUT_VS_GET, PutVariant.PATCH_V1, "armv8");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lab.timeline(h));
        assertTrue(e.getMessage().contains("put-vs-get [put=PATCH_V1] under armv8: executions per outcome"),
                e.getMessage());
    }
}
