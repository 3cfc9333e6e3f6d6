package daxlab.axiomatic;

import daxlab.outcome.Classifier;
import daxlab.outcome.Outcome;
import daxlab.outcome.Race;
import daxlab.program.Expr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static daxlab.axiomatic.Shapes.ONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain accesses and the data-race flag; explanations of forbidden outcomes. */
class LkmmPlainAndExplainTest {
    private static Map<daxlab.outcome.Flag, Long> flags(Program p) {
        return Axiomatic.run(p, new Lkmm(), Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "").flags();
    }

    /** P0: x = 1 (plain); smp_store_release(y, 1) / P1: r0 = smp_load_acquire(y); [if (r0)] r1 = x (plain). */
    private static Program mpPlain(boolean guarded) {
        return Shapes.mp(guarded ? "MP+plain+guarded" : "MP+plain",
                t -> t.store("x", ONE, Mode.PLAIN).storeRelease("y", ONE),
                t -> {
                    t.loadAcquire("r0", "y");
                    if (guarded) {
                        t.ifThen(Expr.reg("r0"), th -> th.load("r1", "x", Mode.PLAIN));
                    } else {
                        t.load("r1", "x", Mode.PLAIN);
                    }
                });
    }

    @Test
    void unguardedPlainReadRaces() {
        // When P1 reads y=0, its plain read of x runs concurrently with P0's plain write.
        assertEquals(List.of(daxlab.outcome.Flag.DATA_RACE), List.copyOf(flags(mpPlain(false)).keySet()));
    }

    /** herd7 on the same test (races/MP+plain.litmus): Flag data-race, the pair racing in 2 of 3 executions. */
    @Test
    void theRacingPairIsNamedWithItsExecutions() {
        daxlab.outcome.Histogram h = Axiomatic.run(mpPlain(false), new Lkmm(), Classifier.NONE,
                Axiomatic.DEFAULT_BUDGET, "").histogram();
        assertEquals(List.of(new Race("x", new Race.Access("P0", Optional.empty(), "x = 1", Race.Op.STORE, true),
                new Race.Access("P1", Optional.empty(), "r1 = x", Race.Op.LOAD, true), 2)), h.races());
        assertEquals("x: P0: x = 1 (plain store) vs P1: r1 = x (plain load), in 2 executions", h.races().get(0).text());
        assertEquals(java.math.BigInteger.valueOf(3), h.total());
        assertEquals(java.math.BigInteger.TWO, h.racy());
        assertTrue(Axiomatic.run(mpPlain(true), new Lkmm(), Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "").histogram()
                .races().isEmpty());
    }

    @Test
    void plainReadAfterAcquireOfTheFlagDoesNotRace() {
        assertTrue(flags(mpPlain(true)).isEmpty(), "release/acquire orders the plain accesses");
    }

    @Test
    void plainWritesToTheSameLocationRace() {
        Program p = Shapes.two("2W+plain", "x").thread("P0", t -> t.store("x", ONE, Mode.PLAIN))
                .thread("P1", t -> t.store("x", Shapes.TWO, Mode.PLAIN)).observe("x").build();
        assertEquals(Map.of(daxlab.outcome.Flag.DATA_RACE, 2L), flags(p));
        Program once = Shapes.two("2W+once", "x").thread("P0", t -> t.writeOnce("x", ONE))
                .thread("P1", t -> t.writeOnce("x", Shapes.TWO)).observe("x").build();
        assertTrue(flags(once).isEmpty(), "marked accesses never race");
    }

    @Test
    void forbiddenOutcomeIsExplainedByTheAxiomAndItsCycle() {
        Program sb = Shapes.sb("SB+fencembonceonces", true);
        Outcome bothZero = new Outcome(Map.of("0:r0", Value.of(0), "1:r0", Value.of(0)));
        Explanation e = Axiomatic.explain(sb, new Lkmm(), bothZero);
        assertTrue(e.forbidden());
        assertEquals(1, e.candidates(), "one candidate: both reads from the initial writes");
        assertEquals("propagation", e.reasons().get(0).axiom());
        // each pb edge spelled out as prop ; strong-fence ; hb*: R y=0 -fr-> W y=1 -mb-> R x=0 -fr-> W x=1 -mb-> R y=0
        assertEquals("e -prop-> f -strong-fence-> h -prop-> c -strong-fence-> e", e.reasons().get(0).cycleText(),
                e.text());
        assertTrue(e.text().contains("forbidden"), e.text());

        Explanation sc = Axiomatic.explain(Shapes.sb("SB", false), new Sc(), bothZero);
        assertEquals("sc", sc.reasons().get(0).axiom());
        // the SC cycle: write -po-> read -fr-> other write -po-> other read -fr-> first write
        assertEquals(4, sc.reasons().get(0).cycle().size(), sc.text());
        assertTrue(sc.reasons().get(0).cycleText().contains("-po->") && sc.reasons().get(0).cycleText().contains("-fr->"),
                sc.text());

        Explanation mp = Axiomatic.explain(Shapes.mpWmbRmb(), new Lkmm(),
                new Outcome(Map.of("1:r0", ONE, "1:r1", Value.of(0))));
        assertEquals("happens-before", mp.reasons().get(0).axiom(), mp.text());

        Explanation allowed = Axiomatic.explain(Shapes.mpOnce(), new Lkmm(),
                new Outcome(Map.of("1:r0", ONE, "1:r1", Value.of(0))));
        assertFalse(allowed.forbidden());
        assertEquals(1, allowed.allowed());
    }
}
