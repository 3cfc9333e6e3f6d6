package daxlab.axiomatic;

import daxlab.outcome.Classifier;
import daxlab.program.Program;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget bounds the work of every axiomatic model as it proceeds: a program with n writers
 * of one location has n! coherence orders, and none of them is built before the budget counts it.
 */
class BudgetTest {

    /** {@code threads} threads, each writing x {@code writes} times with a value of its own. */
    static Program writers(int threads, int writes) {
        Program.Builder b = Program.builder("W" + threads + "x" + writes).init("x", Value.of(0));
        for (int t = 0; t < threads; t++) {
            int first = t * writes;
            b.thread("P" + t, c -> {
                for (int w = 0; w < writes; w++) {
                    c.writeOnce("x", Value.of(first + w + 1));
                }
            });
        }
        return b.observe("x").build();
    }

    @Test
    void elevenWritersStopAtTheBudgetSayingHowFarTheyGot() {
        // 11! = 39,916,800 coherence orders: once built up front, 6.5 GB and minutes.
        for (Model m : new Model[] {new Lkmm(), new Tso(), new Armv8(), new Sc()}) {
            CandidateBudgetExceeded e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                    CandidateBudgetExceeded.class, () -> Axiomatic.run(writers(11, 1), m, Classifier.NONE, 1000, "")));
            assertEquals(CandidateBudgetExceeded.Limit.CANDIDATES, e.limit());
            assertEquals(1000, e.progress().candidates());
            assertEquals(1000, e.progress().allowed(), m.name() + ": every coherence order of plain writes is allowed");
            assertTrue(e.progress().steps() < 20_000, () -> m.name() + ": " + e.progress());
            assertEquals(1, e.progress().combinations());
            assertTrue(e.getMessage().startsWith("W11x1: more than 1000 candidate executions; stopped after 1000 "
                    + "candidate executions (1000 allowed, "), e.getMessage());
            assertTrue(e.getMessage().endsWith("in combination 1 of 1 of the threads' paths; raise the budget "
                    + "(--budget) or make the program smaller"), e.getMessage());
        }
    }

    @Test
    void sixThreadsOfThreeWritesStopToo() {
        CandidateBudgetExceeded e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                CandidateBudgetExceeded.class, () -> Axiomatic.run(writers(6, 3), new Lkmm(), Classifier.NONE, 1000, "")));
        assertEquals(1000, e.progress().candidates());
        assertTrue(e.progress().steps() < 20_000, e.progress()::toString);
    }

    @Test
    void theBudgetIsExact() {
        // Three writers: 3! orders, each one execution (no reads), all allowed.
        Axiomatic.Result r = Axiomatic.run(writers(3, 1), new Lkmm(), Classifier.NONE, 6, "");
        assertEquals(6, r.candidates());
        assertEquals(BigInteger.valueOf(6), r.histogram().total());
        CandidateBudgetExceeded e = assertThrows(CandidateBudgetExceeded.class,
                () -> Axiomatic.run(writers(3, 1), new Lkmm(), Classifier.NONE, 5, ""));
        assertTrue(e.getMessage().startsWith("W3x1: more than 5 candidate executions"), e.getMessage());
        // Two threads of two writes each: 4!/(2!2!) = 6 orders keep each thread's order.
        assertEquals(6, Axiomatic.run(writers(2, 2), new Lkmm(), Classifier.NONE, 6, "").candidates());
    }

    @Test
    void explanationsHaveABudgetToo() {
        CandidateBudgetExceeded e = assertThrows(CandidateBudgetExceeded.class,
                () -> Axiomatic.explain(writers(11, 1), new Lkmm(), o -> true, 500));
        assertEquals(500, e.progress().candidates());
    }

    @Test
    void searchStepsAreBoundedWhenNoCandidateComes() {
        Effort effort = new Effort("p", 10);
        long limit = Effort.MIN_STEPS + 10 * Effort.STEPS_PER_CANDIDATE;
        for (long i = 0; i < limit; i++) {
            effort.step();
        }
        CandidateBudgetExceeded e = assertThrows(CandidateBudgetExceeded.class, effort::step);
        assertEquals(CandidateBudgetExceeded.Limit.SEARCH, e.limit());
        assertEquals(limit, e.progress().steps());
        assertTrue(e.getMessage().startsWith("p: more than " + limit + " search steps (the budget of 10 candidate "
                + "executions allows that many); stopped after 0 candidate executions"), e.getMessage());
        // A huge budget does not overflow the step limit.
        new Effort("q", Long.MAX_VALUE).step();
    }

    @Test
    void anInterruptStopsTheSearch() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Axiomatic.run(writers(11, 1), new Lkmm(), Classifier.NONE, Long.MAX_VALUE, "");
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(200);
        t.interrupt();
        t.join(30_000);
        assertTrue(!t.isAlive(), "the run stopped");
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
    }
}
