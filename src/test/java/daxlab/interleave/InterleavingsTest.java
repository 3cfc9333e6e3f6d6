package daxlab.interleave;

import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Code;
import daxlab.program.Program;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterleavingsTest {

    static Map<String, BigInteger> counts(Histogram h) {
        return h.entries().stream().collect(Collectors.toMap(e -> e.outcome().text(), Histogram.Entry::count,
                (a, b) -> a, TreeMap::new));
    }

    /** Two threads of 40 independent stores each: C(80, 40) schedules, more than a long holds. */
    @Test
    void countsPastLongRangeExactly() {
        Program p = Program.builder("wide").init("x", Value.of(0)).init("y", Value.of(0))
                .thread("P0", t -> repeat(t, "x", 40)).thread("P1", t -> repeat(t, "y", 40))
                .observe("x").observe("y").build();
        Histogram h = Interleavings.enumerate(p, Classifier.NONE);
        assertEquals(binomial(80, 40), h.total());
        assertTrue(h.total().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0);
        assertEquals(1, h.entries().size());
        assertEquals("1681", h.facts().get("states"), "41 x 41 positions, each one state");
    }

    private static void repeat(Code t, String loc, int n) {
        for (int i = 1; i <= n; i++) {
            t.writeOnce(loc, Value.of(i));
        }
    }

    static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }

    /**
     * synchronize_srcu() waits for exactly the readers inside a read-side section when it starts.
     * P0: lock; x = 1; unlock. P1: synchronize_srcu (start, end); r0 = x. Of the C(6,3) = 20 ways
     * to interleave the 3 + 3 steps, the 7 where P0 locked first but the grace period ended before
     * P0 unlocked are impossible. Of the 13 left, r0 = 0 in the 3 where the grace period started
     * first and the read came before the store (counted by hand).
     */
    @Test
    void graceperiodWaitsForReadersThatWereInside() {
        Program p = Program.builder("srcu-gp").init("x", Value.of(0))
                .thread("P0", t -> t.srcuReadLock("s").writeOnce("x", Value.of(1)).srcuReadUnlock("s"))
                .thread("P1", t -> t.synchronizeSrcu("s").readOnce("r0", "x"))
                .observe("r0", "P1", "r0").build();
        Histogram h = Interleavings.enumerate(p, Classifier.NONE);
        assertEquals(Map.of("r0=0", BigInteger.valueOf(3), "r0=1", BigInteger.valueOf(10)), counts(h));
    }

    @Test
    void spinLockExcludes() {
        Program p = Program.builder("lock").init("l", Value.of(0)).init("x", Value.of(0))
                .thread("P0", t -> t.spinLock("l").readOnce("r0", "x").writeOnce("x", Value.of(1)).spinUnlock("l"))
                .thread("P1", t -> t.spinLock("l").readOnce("r0", "x").writeOnce("x", Value.of(2)).spinUnlock("l"))
                .observe("a", "P0", "r0").observe("b", "P1", "r0").build();
        Histogram h = Interleavings.enumerate(p, Classifier.NONE);
        // The critical sections run one after the other: exactly 2 schedules, no lost update.
        assertEquals(Map.of("a=0; b=1", BigInteger.ONE, "a=2; b=0", BigInteger.ONE), counts(h));
    }

    @Test
    void budgetStopsWithAClearError() {
        Program p = Program.builder("wide").init("x", Value.of(0)).init("y", Value.of(0))
                .thread("P0", t -> repeat(t, "x", 10)).thread("P1", t -> repeat(t, "y", 10))
                .observe("x").build();
        StateBudgetExceeded e = assertThrows(StateBudgetExceeded.class,
                () -> Interleavings.enumerate(p, Classifier.NONE, Settings.defaults().withBudget(50)));
        assertEquals(51, e.statesSeen());
        assertTrue(e.getMessage().contains("51 states seen"), e.getMessage());
        assertTrue(e.getMessage().contains("budget of 50"), e.getMessage());
    }

    @Test
    void interruptStopsTheEnumeration() {
        Program p = Program.builder("wide").init("x", Value.of(0)).init("y", Value.of(0))
                .thread("P0", t -> repeat(t, "x", 200)).thread("P1", t -> repeat(t, "y", 200))
                .observe("x").build();
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class,
                    () -> Interleavings.enumerate(p, Classifier.NONE));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void progressIsReportedPerLevel() {
        java.util.List<Settings.Progress> seen = new java.util.ArrayList<>();
        Program p = Program.builder("small").init("x", Value.of(0))
                .thread("P0", t -> t.writeOnce("x", Value.of(1))).thread("P1", t -> t.readOnce("r0", "x"))
                .observe("r0", "P1", "r0").build();
        Interleavings.enumerate(p, Classifier.NONE, Settings.defaults().withProgress(seen::add));
        assertEquals(3, seen.size(), "levels 1, 2 and the final empty level");
        assertEquals(2, seen.get(0).frontier());
    }

    @Test
    void deadlockIsReported() {
        Program p = Program.builder("self").init("x", Value.of(0))
                .thread("P0", t -> t.srcuReadLock("s").synchronizeSrcu("s").srcuReadUnlock("s"))
                .observe("x").build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Interleavings.enumerate(p, Classifier.NONE));
        assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    }

    @Test
    void bruteForceAgreesOnSmallCase() {
        Program p = Program.builder("mp").init("x", Value.of(0)).init("y", Value.of(0))
                .thread("P0", t -> t.writeOnce("x", Value.of(1)).writeOnce("y", Value.of(1)))
                .thread("P1", t -> t.readOnce("r0", "y").readOnce("r1", "x"))
                .observe("r0", "P1", "r0").observe("r1", "P1", "r1").build();
        Map<Outcome, BigInteger> fast = new TreeMap<>();
        Interleavings.enumerate(p, Classifier.NONE).entries().forEach(e -> fast.put(e.outcome(), e.count()));
        assertEquals(BruteForce.count(p), fast);
        // Message passing under SC: r0=1 /\ r1=0 never happens; 6 schedules in all.
        assertEquals(BigInteger.valueOf(6), fast.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
        assertTrue(fast.keySet().stream().noneMatch(o -> o.text().equals("r0=1; r1=0")));
    }
}
