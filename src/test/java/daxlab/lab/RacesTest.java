package daxlab.lab;

import daxlab.engine.Engine;
import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.outcome.Histogram;
import daxlab.outcome.HistogramJson;
import daxlab.outcome.Race;
import daxlab.outcome.Race.Access;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LKMM's data races, named and counted, as a run reports them. */
class RacesTest {
    private static final Access PUT_CLEARS_OPS = access("P0", "fs_put_dax", "holder_ops = NULL",
            Race.Op.STORE, true);
    private static final Access PUT_RELEASES = access("P0", "fs_put_dax", "old = cmpxchg(holder_data, A, NULL)",
            Race.Op.RMW, false);
    private static final Access GET_TAKES = access("P1", "fs_dax_get", "got = cmpxchg(holder_data, NULL, B)",
            Race.Op.RMW, false);
    private static final Access GET_INSTALLS_OPS = access("P1", "fs_dax_get", "holder_ops = opsB",
            Race.Op.STORE, true);
    private static final Access READER_OPS = access("P2", "dax_holder_notify_failure", "ops = READ_ONCE(holder_ops)",
            Race.Op.LOAD, false);
    private static final Access CALLBACK_HOLDER = access("P2", "dax_holder", "holder = holder_data",
            Race.Op.LOAD, true);

    private static Access access(String thread, String function, String code, Race.Op op, boolean plain) {
        return new Access(thread, Optional.of(function), code, op, plain);
    }

    /**
     * fs_dax_get()'s plain {@code holder_ops = hops} races with the reader's READ_ONCE(), and the
     * callback's plain read of holder_data with both cmpxchg()s; herd7 counts the same executions
     * per pair (8, 6, 10, 7 of 10: src/test/resources/daxlab/races/herd7-races.txt).
     */
    @Test
    void putVsGetVsReaderNamesEveryRacingPair() {
        Histogram h = Lab.enumerate(Scenario.PUT_VS_GET_VS_READER, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE, "lkmm");
        assertEquals(List.of(
                new Race("holder_data", PUT_RELEASES, CALLBACK_HOLDER, 8),
                new Race("holder_data", GET_TAKES, CALLBACK_HOLDER, 6),
                new Race("holder_ops", PUT_CLEARS_OPS, READER_OPS, 10),
                new Race("holder_ops", GET_INSTALLS_OPS, READER_OPS, 7)), h.races());
        assertEquals("holder_ops: P1 fs_dax_get: holder_ops = opsB (plain store) vs P2 dax_holder_notify_failure: "
                + "ops = READ_ONCE(holder_ops) (marked load), in 7 executions", h.races().get(3).text());
        assertEquals("data-race 10", h.facts().get("flagged executions"), "the facts line is unchanged");
        assertEquals(BigInteger.TEN, h.racy());
        assertEquals(BigInteger.TEN, h.total());
        h.entries().forEach(e -> assertEquals(BigInteger.ONE, e.racy(), e.outcome().text()));
        // every bad outcome here comes only from racy executions
        h.forbidden().forEach(e -> assertEquals(BigInteger.ZERO, e.raceFree(), e.outcome().text()));
        assertEquals("put-vs-get-vs-reader [put=PATCH_V1 reader=READ_ONCE] under lkmm: 4 racing pairs, 10 of 10 "
                + "executions racy\n"
                + "  holder_data: P0 fs_put_dax: old = cmpxchg(holder_data, A, NULL) (marked RMW) vs P2 dax_holder: "
                + "holder = holder_data (plain load), in 8 executions\n"
                + "  holder_data: P1 fs_dax_get: got = cmpxchg(holder_data, NULL, B) (marked RMW) vs P2 dax_holder: "
                + "holder = holder_data (plain load), in 6 executions\n"
                + "  holder_ops: P0 fs_put_dax: holder_ops = NULL (plain store) vs P2 dax_holder_notify_failure: "
                + "ops = READ_ONCE(holder_ops) (marked load), in 10 executions\n"
                + "  holder_ops: P1 fs_dax_get: holder_ops = opsB (plain store) vs P2 dax_holder_notify_failure: "
                + "ops = READ_ONCE(holder_ops) (marked load), in 7 executions\n"
                + "  FORBIDDEN holder_data=B; holder_ops=opsB; get=OK; reader=OK(opsA,B) (wrong context): 0 of 1 race-free\n"
                + "  FORBIDDEN holder_data=B; holder_ops=opsB; get=OK; reader=OK(opsA,NULL) (wrong context): 0 of 1 "
                + "race-free\n"
                + "  FORBIDDEN holder_data=B; holder_ops=opsB; get=OK; reader=OK(opsB,A) (wrong context): 0 of 1 race-free\n"
                + "  FORBIDDEN holder_data=B; holder_ops=opsB; get=OK; reader=OK(opsB,NULL) (wrong context): 0 of 1 "
                + "race-free\n"
                + "  FORBIDDEN holder_data=NULL; holder_ops=NULL; get=EBUSY; reader=OK(opsA,NULL) (wrong context): 0 of 1 "
                + "race-free\n", Lab.races(h));
        String json = HistogramJson.toJson(h);
        assertTrue(json.contains("\"races\"") && json.contains("\"code\" : \"holder_ops = opsB\"")
                && json.contains("\"racy\" : 1"), json);
    }

    /**
     * Under lkmm the per-outcome racy counts add up to the flagged executions, and races are
     * named exactly when the flag is raised; lkmm-once marks every access, so nothing races; the
     * hardware models and SC have no such flag.
     */
    @Test
    void racyCountsAddUpAndMarkedProgramsNeverRace() {
        int flagged = 0;
        for (DaxScenario d : Scenarios.everyVariant()) {
            Histogram lkmm = Models.run(d, Engine.LKMM);
            String fact = lkmm.facts().getOrDefault("flagged executions", "");
            String races = fact.replaceAll(".*data-race (\\d+).*", "$1");
            BigInteger expected = fact.contains("data-race") ? new BigInteger(races) : BigInteger.ZERO;
            assertEquals(expected, lkmm.racy(), lkmm.title());
            assertEquals(expected.signum() > 0, !lkmm.races().isEmpty(), lkmm.title());
            lkmm.races().forEach(r -> {
                assertTrue(r.first().plain() || r.second().plain(), "a race needs a plain side: " + r.text());
                assertTrue(r.executions() > 0 && BigInteger.valueOf(r.executions()).compareTo(lkmm.racy()) <= 0, r.text());
                assertTrue(r.first().thread().compareTo(r.second().thread()) < 0, r.text());
            });
            flagged += lkmm.races().isEmpty() ? 0 : 1;

            Histogram once = Models.run(d, Engine.LKMM_ONCE);
            assertTrue(once.races().isEmpty(), once.title() + ": " + once.races());
            assertEquals(BigInteger.ZERO, once.racy(), once.title());
            assertTrue(!once.facts().containsKey("flags"), once.title() + " " + once.facts());
            for (Engine m : List.of(Engine.SC, Engine.TSO, Engine.ARMV8)) {
                assertTrue(Models.run(d, m).races().isEmpty(), m.id());
            }
        }
        // herd7 7.58 flags exactly the same ones (its recorded answers on the files as written).
        long herd7 = 0;
        for (DaxScenario d : Scenarios.everyVariant()) {
            String file = daxlab.dax.export.DaxExport.testName(d, daxlab.dax.export.DaxExport.Form.PLAIN) + ".litmus";
            try (var in = RacesTest.class.getResourceAsStream("/" + daxlab.herd7.Recording.RESOURCE_DIR + "/"
                    + daxlab.herd7.Herd7Model.LKMM.recordName(file))) {
                herd7 += new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("Flag data-race") ? 1 : 0;
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        assertEquals(herd7, flagged, "scenarios and variants with a data race under lkmm, as herd7 flags them");
    }

    @Test
    void histogramsWithoutRaceInformationKeepTheirConstructors() {
        Histogram.Entry e = new Histogram.Entry(new daxlab.outcome.Outcome(java.util.Map.of()), BigInteger.TWO,
                daxlab.outcome.Grade.ACCEPTABLE, null);
        assertEquals(BigInteger.ZERO, e.racy());
        assertEquals(BigInteger.TWO, e.raceFree());
        Histogram h = new Histogram("s", "", "sc", "interleavings", List.of(e), java.util.Map.of());
        assertTrue(h.races().isEmpty());
        assertTrue(Lab.races(h).endsWith("no data race\n"), Lab.races(h));
    }
}
