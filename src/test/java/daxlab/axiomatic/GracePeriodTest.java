package daxlab.axiomatic;

import daxlab.program.Code;
import daxlab.program.Cond;
import daxlab.program.FenceKind;
import daxlab.program.Program;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static daxlab.axiomatic.Shapes.ONE;
import static daxlab.axiomatic.Shapes.ZERO;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The grace-period guarantee (the kernel's RCU+sync+read shape): a reader that sees the write
 * made after the grace period must also see the write made before it. Without the grace period
 * the weak models allow the reader to see only the later write.
 */
class GracePeriodTest {
    /** P0: read section { r0 = x; r1 = y } / P1: y = 1; [grace period]; x = 1. exists (0:r0=1 /\ 0:r1=0). */
    private static Program program(String name, Consumer<Code> lock, Consumer<Code> unlock, Consumer<Code> gp) {
        return Shapes.two(name, "x", "y")
                .thread("P0", t -> {
                    lock.accept(t);
                    t.readOnce("r0", "x").readOnce("r1", "y");
                    unlock.accept(t);
                })
                .thread("P1", t -> {
                    t.writeOnce("y", ONE);
                    gp.accept(t);
                    t.writeOnce("x", ONE);
                })
                .observe("0:r0", "P0", "r0").observe("0:r1", "P0", "r1")
                .exists(Cond.eq("0:r0", ONE).and(Cond.eq("0:r1", ZERO))).build();
    }

    @Test
    void synchronizeSrcuWaitsForTheReader() {
        Program srcu = program("SRCU+sync+read", t -> t.srcuReadLock("s"), t -> t.srcuReadUnlock("s"),
                t -> t.synchronizeSrcu("s"));
        for (Model m : Model.all()) {
            assertEquals(0, Verdicts.of(srcu, m).positive(), m.name() + ": " + Axiomatic.explain(srcu, m,
                    new daxlab.outcome.Outcome(java.util.Map.of("0:r0", ONE, "0:r1", ZERO))).text());
        }
    }

    @Test
    void theLkmmNamesItsRcuAxiom() {
        Program srcu = program("SRCU+sync+read", t -> t.srcuReadLock("s"), t -> t.srcuReadUnlock("s"),
                t -> t.synchronizeSrcu("s"));
        Explanation e = Axiomatic.explain(srcu, new Lkmm(),
                new daxlab.outcome.Outcome(java.util.Map.of("0:r0", ONE, "0:r1", ZERO)));
        assertEquals("rcu", e.reasons().get(0).axiom(), e.text());
        org.junit.jupiter.api.Assertions.assertTrue(e.reasons().get(0).cycleText().contains("-rcu-fence->"), e.text());
        // On arm64 the reader's two loads are unordered (its markers are DMBs around them, not
        // between them): only the grace-period guarantee forbids it.
        Explanation arm = Axiomatic.explain(srcu, new Armv8(),
                new daxlab.outcome.Outcome(java.util.Map.of("0:r0", ONE, "0:r1", ZERO)));
        assertEquals("grace-period", arm.reasons().get(0).axiom(), arm.text());
    }

    @Test
    void synchronizeRcuWaitsForTheReader() {
        Program rcu = program("RCU+sync+read", t -> t.fence(FenceKind.RCU_LOCK), t -> t.fence(FenceKind.RCU_UNLOCK),
                t -> t.fence(FenceKind.SYNC_RCU));
        for (Model m : Model.all()) {
            assertEquals(0, Verdicts.of(rcu, m).positive(), m.name());
        }
    }

    @Test
    void withoutAGracePeriodTheWeakModelsAllowIt() {
        Program none = program("MP+readsection", t -> t.srcuReadLock("s"), t -> t.srcuReadUnlock("s"), t -> { });
        assertEquals(0, Verdicts.of(none, new Sc()).positive());
        assertEquals(0, Verdicts.of(none, new Tso()).positive(), "TSO keeps W->W and R->R");
        assertEquals(1, Verdicts.of(none, new Lkmm()).positive());
        // arm64's srcu_read_lock/unlock have smp_mb() inside, but nothing orders P1's two writes.
        assertEquals(1, Verdicts.of(none, new Armv8()).positive());
    }
}
