package daxlab.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cells that used to take the kernel down: loops that never look at the interrupt flag, sleeps
 * that swallow the interrupt, and exits. Each is stopped within a second of the interrupt (or
 * refused), and the next cell runs in the same session. Runs on whatever Java runs the tests:
 * {@code mvn verify} on Java 17, and under a newer JDK with JAVA_HOME pointing at it.
 */
class CellGuardTest {
    private static JavaRepl repl;
    private static int cell = 100;

    @BeforeAll
    static void start() {
        repl = new JavaRepl(JavaRepl.ownClassPath());
    }

    @AfterAll
    static void stop() {
        repl.close();
    }

    /** Runs {@code code}, interrupts it once it runs, returns the failure and the seconds it took to stop. */
    private static Stopped interruptAfterStart(String code) throws Exception {
        int n = ++cell;
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                repl.eval(n, code);
                return null;
            } catch (CellFailure e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!repl.running()) {
            assertTrue(System.nanoTime() < deadline, "the cell never started: " + code);
            Thread.sleep(5);
        }
        Thread.sleep(200); // well inside the loop (and JIT-compiled, for the tight ones)
        long interrupted = System.nanoTime();
        repl.interrupt();
        Throwable t = outcome.get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - interrupted) / 1e9;
        assertTrue(t instanceof CellFailure, "the cell ended without failing: " + code);
        System.out.printf("interrupt latency on Java %s: %.4f s for: %s%n", Runtime.version().feature(), seconds,
                code.replace("\n", " "));
        return new Stopped((CellFailure) t, seconds);
    }

    private record Stopped(CellFailure failure, double seconds) {
    }

    private static void assertStoppedQuickly(Stopped s, String ename) {
        assertEquals(ename, s.failure().ename(), JavaReplTest.plain(s.failure().traceback()));
        assertTrue(s.seconds() < 1.0, "stopped after " + s.seconds() + " s");
        // the session goes on
        assertEquals(Optional.of(42), repl.eval(++cell, "6 * 7"));
    }

    @Test
    void anEmptyInfiniteLoopStops() throws Exception {
        Stopped s = interruptAfterStart("while (true) {}");
        assertStoppedQuickly(s, "Interrupted");
        String tb = JavaReplTest.plain(s.failure().traceback());
        assertTrue(tb.contains("line 1: while (true) {}"), tb);
        assertTrue(s.failure().evalue().matches("interrupted at cell \\[\\d+\\] line 1: while \\(true\\) \\{\\}"),
                s.failure().evalue());
    }

    @Test
    void aTightLoopInAMethodTheCellDefinedStops() throws Exception {
        assertStoppedQuickly(interruptAfterStart(
                "long spin(long n) {\n  long x = 0;\n  for (long i = 0; i >= 0; i++) { x += i ^ n; }\n  return x;\n}\nspin(3)"),
                "Interrupted");
    }

    @Test
    void aLoopInAClassAndALambdaStop() throws Exception {
        assertStoppedQuickly(interruptAfterStart(
                "class Spinner { int n; void go() { while (n >= 0) { n = (n + 1) & 0xffff; } } }\nnew Spinner().go();"),
                "Interrupted");
        assertStoppedQuickly(interruptAfterStart(
                "java.util.stream.IntStream.iterate(0, i -> i + 1).map(i -> i * 2).filter(i -> i < 0).findFirst()"),
                "Interrupted");
    }

    @Test
    void sleepingForeverStopsAndSoDoesALoopThatSwallowsInterrupts() throws Exception {
        assertStoppedQuickly(interruptAfterStart("Thread.sleep(Long.MAX_VALUE);"), "java.lang.InterruptedException");
        assertStoppedQuickly(interruptAfterStart(
                "while (true) {\n  try { Thread.sleep(1_000_000); } catch (Throwable t) { }\n}"), "Interrupted");
        assertStoppedQuickly(interruptAfterStart(
                "while (true) {\n  try { while (true) { } } catch (Throwable t) { }\n}"), "Interrupted");
    }

    @Test
    void recursionWithoutLoopsStopsAtMethodEntry() throws Exception {
        assertStoppedQuickly(interruptAfterStart(
                "int down(int n) { return n == 0 ? down(1 << 20) : down(n - 1) + 0 * n; }\n"
                        + "void forever() { try { down(1 << 20); } catch (StackOverflowError e) { forever(); } }\n"
                        + "forever();"), "Interrupted");
    }

    @Test
    void loopsAndExitsInClassesAddedWithClasspathAreGuardedToo(@TempDir Path dir) throws Exception {
        Path classes = JavaReplTest.compile(dir, "added", "Spin",
                "public static void forever() { while (true) { } } public static void quit() { System.exit(4); }");
        Magics.run(List.of("classpath", classes.toString()), repl);
        assertStoppedQuickly(interruptAfterStart("added.Spin.forever();"), "Interrupted");
        CellFailure f = assertThrows(CellFailure.class, () -> repl.eval(++cell, "added.Spin.quit();"));
        assertEquals("System.exit(4) called in a cell; the kernel keeps running", f.evalue());
    }

    @Test
    void exitsFailTheCellAndTheKernelKeepsRunning() {
        Map<String, String> calls = Map.of("System.exit(0);", "System.exit(0)",
                "Runtime.getRuntime().exit(3);", "Runtime.exit(3)", "Runtime.getRuntime().halt(1);", "Runtime.halt(1)");
        for (Map.Entry<String, String> call : calls.entrySet()) {
            CellFailure f = assertThrows(CellFailure.class, () -> repl.eval(++cell, "int before = 1;\n" + call.getKey()));
            assertEquals("SystemExit", f.ename(), call.getKey());
            assertEquals(call.getValue() + " called in a cell; the kernel keeps running", f.evalue());
            String tb = JavaReplTest.plain(f.traceback());
            assertTrue(tb.contains("line 2: " + call.getKey()), tb);
        }
        CellFailure ref = assertThrows(CellFailure.class, () -> repl.eval(++cell,
                "java.util.function.IntConsumer quit = System::exit;\nquit.accept(7);"));
        assertEquals("System.exit(7) called in a cell; the kernel keeps running", ref.evalue());
        CellFailure bound = assertThrows(CellFailure.class, () -> repl.eval(++cell,
                "java.util.function.IntConsumer halt = Runtime.getRuntime()::halt;\nhalt.accept(9);"));
        assertEquals("Runtime.halt(9) called in a cell; the kernel keeps running", bound.evalue());
        assertEquals(Optional.of("alive"), repl.eval(++cell, "\"alive\""));
    }

    @Test
    void completionAnswersWhileACellRuns() throws Exception {
        int n = ++cell;
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                repl.eval(n, "while (true) {}");
                return null;
            } catch (CellFailure e) {
                return e;
            }
        });
        while (!repl.running()) {
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        String code = "Scenarios.bui";
        JavaRepl.Completions c = repl.complete(code, code.length());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(c.names().contains("build("), c.names().toString());
        assertTrue(seconds < JavaRepl.ANALYSIS_WAIT_MS / 1000.0, "completion took " + seconds + " s");
        assertEquals("complete", repl.completeness("1 + 1"));
        repl.interrupt();
        assertEquals("Interrupted", ((CellFailure) outcome.get(10, TimeUnit.SECONDS)).ename());
    }
}
