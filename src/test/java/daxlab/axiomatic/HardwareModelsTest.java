package daxlab.axiomatic;

import daxlab.program.Expr;
import daxlab.program.Program;
import org.junit.jupiter.api.Test;

import static daxlab.axiomatic.Shapes.ONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tiny shapes whose execution counts are checked by hand: each read has as many candidate
 * sources as there are same-valued writes, each location as many coherence orders as
 * permutations of its writes; a model forbids exactly the executions giving the shape's
 * characteristic outcome when it orders the two halves of its cycle.
 */
class HardwareModelsTest {
    private static Verdicts v(Program p, Model m) {
        return Verdicts.of(p, m);
    }

    private static void expect(Program p, long sc, long tso, long arm, long lkmm, long candidates) {
        assertEquals(candidates, Axiomatic.run(p, new Sc(), daxlab.outcome.Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "")
                .candidates(), p.name() + " candidates");
        assertEquals(sc, total(p, new Sc()), p.name() + " under SC");
        assertEquals(tso, total(p, new Tso()), p.name() + " under TSO");
        assertEquals(arm, total(p, new Armv8()), p.name() + " under ARMv8");
        assertEquals(lkmm, total(p, new Lkmm()), p.name() + " under LKMM");
    }

    private static long total(Program p, Model m) {
        Verdicts x = v(p, m);
        return x.positive() + x.negative();
    }

    @Test
    void storeBuffering() {
        // 2 reads x 2 sources = 4 candidates; only SC and fences forbid both reads missing.
        expect(Shapes.sb("SB", false), 3, 4, 4, 4, 4);
        expect(Shapes.sb("SB+mb", true), 3, 3, 3, 3, 4);
        assertEquals(new Verdicts(1, 3, 4), v(Shapes.sb("SB", false), new Tso()));
    }

    @Test
    void messagePassing() {
        // TSO keeps W->W and R->R; ARMv8 needs barriers, release/acquire or dependencies.
        expect(Shapes.mpOnce(), 3, 3, 4, 4, 4);
        expect(Shapes.mpWmbRmb(), 3, 3, 3, 3, 4);
        expect(Shapes.mpReleaseAcquire(), 3, 3, 3, 3, 4);
    }

    @Test
    void loadBuffering() {
        // TSO keeps R->W; ARMv8 allows LB without dependencies; a ctrl dependency and a DMB forbid it.
        expect(Shapes.lbOnce(), 3, 3, 4, 4, 4);
        // with the branch, P1 can read y=1 only if P0 wrote it: 3 candidates.
        expect(Shapes.lbMbCtrl(), 2, 2, 2, 2, 3);
        Program lbData = Shapes.lb("LB+datas", t -> t.readOnce("r0", "x").store("y", Expr.reg("r0"),
                daxlab.program.Mode.ONCE), t -> t.readOnce("r0", "y").store("x", Expr.reg("r0"), daxlab.program.Mode.ONCE));
        // every write stores 0, so each read may take init or the other thread's write: 4
        // candidates; the one where both read the other's write is a cycle rf ; data ; rf ; data.
        expect(lbData, 3, 3, 3, 3, 4);
    }

    @Test
    void independentReadsOfIndependentWrites() {
        // 4 reads x 2 sources = 16; TSO is multicopy atomic and keeps R->R.
        expect(Shapes.iriw("IRIW", false), 15, 15, 16, 16, 16);
        expect(Shapes.iriw("IRIW+mbs", true), 15, 15, 15, 15, 16);
    }

    @Test
    void twoPlusTwoWrites() {
        // 2 co orders per location = 4; only ARMv8 and LKMM let both first writes win without barriers.
        expect(Shapes.twoPlusTwoW("2+2W", false), 3, 3, 4, 4, 4);
        expect(Shapes.twoPlusTwoW("2+2W+mbs", true), 3, 3, 3, 3, 4);
    }

    @Test
    void spinlocksOrderCriticalSections() {
        // Two orders of the critical sections; in each, the reads that contradict it are rejected.
        for (Model m : Model.all()) {
            assertEquals(new Verdicts(0, 3, 3), v(Shapes.mpLocks(), m), m.name());
        }
    }

    @Test
    void failedCmpxchgOrdersNothingInLkmm() {
        // MP whose reader starts with a cmpxchg that must fail (y is 0 or 1, expected 5).
        Program mp = Shapes.mp("MP+failedcmpxchg", t -> t.writeOnce("x", ONE).storeRelease("y", ONE),
                t -> t.cmpxchg("r0", "y", daxlab.program.Value.of(5), daxlab.program.Value.of(6))
                        .readOnce("r1", "x"));
        assertEquals(1, v(mp, new Lkmm()).positive(), "lkmmv2: a failed cmpxchg is not a full barrier");
        assertEquals(1, v(mp, new Armv8()).positive(), "arm64: a failed cmpxchg is a bare LDXR");
        assertEquals(0, v(mp, new Tso()).positive(), "x86: LOCK CMPXCHG orders even when it fails");
    }
}
