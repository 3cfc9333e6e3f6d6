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
    /**
     * P0 reads x {@code n} times, each read followed by an if on it that stores to y (so each
     * read forks the thread, and while values are collected each if forks it again); P1 writes
     * x = 1. P0 has 2^n paths.
     */
    static Program branches(int n) {
        StringBuilder decl = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < n; i++) {
            decl.append("\tint r").append(i).append(";\n");
            body.append("\tr").append(i).append(" = READ_ONCE(*x);\n\tif (r").append(i)
                    .append(")\n\t\tWRITE_ONCE(*y, ").append(i + 1).append(");\n");
        }
        return daxlab.litmus.LitmusParser.parse("C branches" + n + "\n{\n}\n\nP0(int *x, int *y)\n{\n" + decl + "\n"
                + body + "}\n\nP1(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\n\nexists (0:r0=1)\n", "branches.litmus").program();
    }

    @Test
    void thirtyIfsStopWhileThePathsAreBuilt() {
        // 2^30 paths of P0 (4^30 while values are collected, both ways at every if): without a
        // budget on the paths, the run went on to the 20,000 paths the engine keeps at most.
        for (Model m : new Model[] {new Lkmm(), new Sc()}) {
            CandidateBudgetExceeded e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                    CandidateBudgetExceeded.class, () -> Axiomatic.run(branches(30), m, Classifier.NONE, 1000, "")));
            assertEquals(CandidateBudgetExceeded.Limit.PATHS, e.limit());
            assertEquals("P0", e.progress().pathsThread());
            assertEquals(1001, e.progress().paths());
            assertEquals(0, e.progress().candidates());
            assertEquals(1000, e.progress().steps());
            assertEquals("branches30: thread P0 has more than 1000 paths (a read forks it over the values its "
                    + "location may hold, a branch on a read both ways); stopped after 0 candidate executions (0 "
                    + "allowed, 0 outcomes so far), having built 1001 paths of P0 in 1000 search steps; raise the "
                    + "budget (--budget) or make the program smaller", e.getMessage());
        }
        // A smaller budget still allows 1,000 paths (a small program reaches its candidates).
        CandidateBudgetExceeded e = assertThrows(CandidateBudgetExceeded.class,
                () -> Axiomatic.explain(branches(30), new Lkmm(), o -> true, 50));
        assertEquals(CandidateBudgetExceeded.Limit.PATHS, e.limit());
        assertEquals(1001, e.progress().paths());
        assertTrue(e.getMessage().startsWith("branches30: thread P0 has more than 1000 paths (allowed whatever the "
                + "budget; a read forks"), e.getMessage());
        // A larger one allows as many as it has candidates.
        e = assertThrows(CandidateBudgetExceeded.class,
                () -> Axiomatic.run(branches(30), new Lkmm(), Classifier.NONE, 5000, ""));
        assertEquals(5001, e.progress().paths());
    }

    @Test
    void aThreadsPathsFitTheBudgetExactly() {
        // P0 reads x0..x10, P1 writes 1 to each: 2048 paths of P0, each one candidate (a read of
        // 0 reads the initial write, of 1 P1's write).
        StringBuilder params = new StringBuilder();
        StringBuilder p0 = new StringBuilder();
        StringBuilder p1 = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            params.append(i == 0 ? "" : ", ").append("int *x").append(i);
            p0.append("\tint r").append(i).append(";\n\tr").append(i).append(" = READ_ONCE(*x").append(i).append(");\n");
            p1.append("\tWRITE_ONCE(*x").append(i).append(", 1);\n");
        }
        Program reads = daxlab.litmus.LitmusParser.parse("C reads11\n{\n}\n\nP0(" + params + ")\n{\n" + p0 + "}\n\nP1("
                + params + ")\n{\n" + p1 + "}\n\nexists (0:r0=1)\n", "reads11.litmus").program();
        assertEquals(2048, Axiomatic.run(reads, new Sc(), Classifier.NONE, 2048, "").candidates());
        CandidateBudgetExceeded e = assertThrows(CandidateBudgetExceeded.class,
                () -> Axiomatic.run(reads, new Sc(), Classifier.NONE, 2047, ""));
        assertEquals(CandidateBudgetExceeded.Limit.PATHS, e.limit());
        assertEquals(2048, e.progress().paths());
    }
}
