package daxlab.interleave;

import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SRCU sections under SC interleavings, matched by the index srcu_read_lock() returns: a
 * section ends at the unlock that passes its index back, wherever that is, and a grace period
 * waits for exactly the sections open when it starts. Each count is checked against
 * {@link BruteForce} (every schedule replayed by {@link Replay}).
 */
class SrcuSectionsTest {
    private static final Value ONE = Value.of(1);

    /** P0: the reader; P1: b = 1; synchronize_srcu(s); a = 1. */
    private static Program readerAndGracePeriod(String name, Consumer<Code> reader) {
        return Program.builder(name).init("a", Value.of(0)).init("b", Value.of(0))
                .thread("P0", reader)
                .thread("P1", t -> t.writeOnce("b", ONE).synchronizeSrcu("s").writeOnce("a", ONE))
                .observe("r0", "P0", "r0").observe("r1", "P0", "r1").build();
    }

    private static Map<Outcome, BigInteger> counts(Program p) {
        Map<Outcome, BigInteger> out = new TreeMap<>();
        Interleavings.enumerate(p, Classifier.NONE).entries().forEach(e -> out.put(e.outcome(), e.count()));
        assertEquals(BruteForce.count(p), out, "memoized counts equal a walk over every schedule");
        return out;
    }

    private static BigInteger count(Map<Outcome, BigInteger> counts, String outcome) {
        return counts.entrySet().stream().filter(e -> e.getKey().text().equals(outcome)).map(Map.Entry::getValue)
                .findFirst().orElse(BigInteger.ZERO);
    }

    /**
     * i = lock; r0 = b; j = lock; unlock(i); r1 = a; unlock(j). No section holds both reads:
     * r0 = 0 and r1 = 1 in exactly one schedule (P0 to its read of b, P1 to the start of its grace
     * period, P0 to the unlock of i, P1 to its store, P0 to the end: the grace period started
     * inside i only and ended after it). Nested (unlock j first), one section holds both: never.
     */
    @Test
    void overlappingSectionsAreNotOneSection() {
        Program overlap = readerAndGracePeriod("overlap", t -> t.srcuReadLock("i", "s").readOnce("r0", "b")
                .srcuReadLock("j", "s").srcuReadUnlock("s", Expr.reg("i")).readOnce("r1", "a")
                .srcuReadUnlock("s", Expr.reg("j")));
        assertEquals(BigInteger.ONE, count(counts(overlap), "r0=0; r1=1"));
        Program nested = readerAndGracePeriod("nested", t -> t.srcuReadLock("i", "s").readOnce("r0", "b")
                .srcuReadLock("j", "s").srcuReadUnlock("s", Expr.reg("j")).readOnce("r1", "a")
                .srcuReadUnlock("s", Expr.reg("i")));
        assertEquals(BigInteger.ZERO, count(counts(nested), "r0=0; r1=1"));
        // Left unnamed, the indices nest: the same as 'nested'.
        Program unnamed = readerAndGracePeriod("unnamed", t -> t.srcuReadLock("s").readOnce("r0", "b")
                .srcuReadLock("s").srcuReadUnlock("s").readOnce("r1", "a").srcuReadUnlock("s"));
        assertEquals(counts(nested), counts(unnamed));
    }

    /** The index travels through a register copy and an arithmetic expression and still ends its section. */
    @Test
    void theIndexIsFollowedThroughRegisters() {
        Program p = readerAndGracePeriod("copy", t -> t.srcuReadLock("i", "s").readOnce("r0", "b")
                .assign("k", Expr.reg("i")).readOnce("r1", "a").srcuReadUnlock("s", new Expr.Binary(Expr.BinaryOp.ADD,
                        Expr.reg("k"), Expr.num(0))));
        assertEquals(BigInteger.ZERO, count(counts(p), "r0=0; r1=1"), "one section holds both reads");
    }

    /**
     * srcu_down_read() in P0, srcu_up_read() in P1 with the index P0 stored: the section runs
     * from P0's lock to P1's unlock. Where P1 reads the slot before P0 stored the index, its
     * unlock ends no section, and a grace period that started after P0's lock never ends: those
     * schedules deadlock and count for no outcome, as herd7 has no execution for them.
     */
    @Test
    void anIndexHandedToAnotherThreadEndsTheSectionThere() {
        Program p = Program.builder("handoff").init("a", Value.of(0)).init("b", Value.of(0)).init("slot", Value.of(0))
                .init("go", Value.of(0))
                .thread("P0", t -> t.srcuReadLock("i", "s").store("slot", Expr.reg("i"), Mode.ONCE)
                        .readOnce("r0", "b").storeRelease("go", ONE))
                .thread("P1", t -> t.loadAcquire("r2", "go").readOnce("r1", "a").readOnce("k", "slot")
                        .srcuReadUnlock("s", Expr.reg("k")))
                .thread("P2", t -> t.writeOnce("b", ONE).synchronizeSrcu("s").writeOnce("a", ONE))
                .observe("r0", "P0", "r0").observe("r1", "P1", "r1").observe("r2", "P1", "r2").build();
        Map<Outcome, BigInteger> c = counts(p);
        assertEquals(BigInteger.ZERO, count(c, "r0=0; r1=1; r2=1"), "the handed-off section holds both reads");
        Histogram h = Interleavings.enumerate(p, Classifier.NONE);
        assertTrue(h.facts().get("deadlocked").contains("P2 at 'synchronize_srcu(&s)'"), h.facts().toString());
        // Unmatched, P0's section would never end: the reads are not ordered by a section then.
        Program dropped = Program.builder("dropped").init("a", Value.of(0)).init("b", Value.of(0))
                .thread("P0", t -> t.srcuReadLock("i", "s").readOnce("r0", "b").readOnce("r1", "a")
                        .srcuReadUnlock("s", Expr.num(0)))
                .thread("P1", t -> t.writeOnce("b", ONE).synchronizeSrcu("s").writeOnce("a", ONE))
                .observe("r0", "P0", "r0").observe("r1", "P0", "r1").build();
        Histogram d = Interleavings.enumerate(dropped, Classifier.NONE);
        assertFalse(d.entries().isEmpty());
        assertTrue(d.facts().containsKey("deadlocked"), "a grace period that started inside the section waits forever");
        assertEquals(BruteForce.count(dropped), counts(dropped));
    }

    @Test
    void nestedSectionsWithoutDeadlocksSayNothingOfDeadlocks() {
        Program nested = readerAndGracePeriod("nested", t -> t.srcuReadLock("s").readOnce("r0", "b")
                .srcuReadUnlock("s").readOnce("r1", "a"));
        assertNull(Interleavings.enumerate(nested, Classifier.NONE).facts().get("deadlocked"));
    }
}
