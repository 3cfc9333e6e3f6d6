package daxlab.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The last resorts: a cell stuck inside a JDK method that ignores interrupts, where no checkpoint
 * of cell code is reached. Up to Java 19 it is stopped by force after a second and the session
 * survives; from Java 20 on (no Thread.stop) its thread is given up after three seconds and a
 * fresh session runs the next cell. Either way the kernel runs the next cell.
 */
class CellRunnerTest {
    private static CellRunner runner;

    @BeforeAll
    static void start() {
        runner = new CellRunner(JavaRepl.ownClassPath());
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static Object run(int cell, String code) {
        return runner.submit(repl -> repl.eval(cell, code).orElse(null), true).join();
    }

    @Test
    void aCellStuckWhereNoCheckpointReachesStillEnds() throws Exception {
        assertEquals(17, run(1, "int kept = 17;\nkept"));
        CompletableFuture<Object> stuck = runner.submit(repl -> repl.eval(2,
                "new java.util.concurrent.Semaphore(0).acquireUninterruptibly();").orElse(null), true);
        JavaRepl repl = runner.repl();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!repl.running()) {
            assertTrue(System.nanoTime() < deadline, "the cell never started");
            Thread.sleep(5);
        }
        Thread.sleep(200);
        long t0 = System.nanoTime();
        runner.interrupt();
        Throwable e = stuck.handle((v, ex) -> ex).get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        CellFailure f = assertInstanceOf(CellFailure.class, e);
        System.out.printf("uninterruptible wait on Java %d: ended %.3f s after the interrupt: %s%n",
                Runtime.version().feature(), seconds, f.evalue());
        assertEquals("Interrupted", f.ename(), JavaReplTest.plain(f.traceback()));
        if (Runtime.version().feature() < 20) {
            assertTrue(seconds < CellRunner.STOP_AFTER_MS / 1000.0 + 0.5, seconds + " s");
            assertTrue(f.evalue().contains("stopped by force"), f.evalue());
            assertEquals(17, run(3, "kept"), "the session survives a forced stop");
        } else {
            assertTrue(seconds < CellRunner.ABANDON_AFTER_MS / 1000.0 + 0.5, seconds + " s");
            assertTrue(f.evalue().contains("a fresh Java session started"), f.evalue());
            assertEquals(1, runner.generation());
            CompletionException gone = assertThrows(CompletionException.class, () -> run(3, "kept"));
            assertEquals("CompileError", ((CellFailure) gone.getCause()).ename());
        }
        assertEquals(42, run(4, "6 * 7"));
        assertEquals(Optional.empty(), Optional.ofNullable(run(5, "int fine = 1;")));
    }
}
