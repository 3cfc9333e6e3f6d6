package daxlab.kernel;

import daxlab.kernel.guard.Checkpoints;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs cells on a thread of their own ("daxlab-cell"), never on the ZeroMQ loops, and stops them.
 *
 * <p>An interrupt escalates until the cell has stopped:
 * <ol>
 *   <li>at once: the checkpoints in cell code throw, the cell thread's interrupt flag is set (the
 *       enumerators and stress runs check it; {@code sleep}, {@code wait} and blocking I/O throw);
 *       this stops any cell whose time goes to its own code or to daxlab's;</li>
 *   <li>after {@link #STOP_AFTER_MS}, if user code still runs (a loop inside a JDK method that
 *       ignores interrupts, or an uninterruptible wait): {@code Thread.stop}, on the Java versions
 *       that still have it (up to 19);</li>
 *   <li>after {@link #ABANDON_AFTER_MS}: the thread is given up (it stops at its next checkpoint,
 *       if it ever reaches one) and a fresh Java session starts on a new thread, with the same
 *       class path; the cell fails saying that earlier declarations are gone.</li>
 * </ol>
 * So no cell can keep the kernel from running the next one.
 */
final class CellRunner {
    static final long STOP_AFTER_MS = 1000;
    static final long ABANDON_AFTER_MS = 3000;
    /** How often an interrupted cell that is compiling, not running, is looked at again. */
    private static final long RECHECK_MS = 200;

    /** One Java session: a JShell and the thread that runs its cells. */
    private static final class Session {
        final ExecutorService executor;
        final CompletableFuture<JavaRepl> repl = new CompletableFuture<>();
        volatile Thread thread;

        Session(List<String> classPath, int generation) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, generation == 0 ? "daxlab-cell" : "daxlab-cell-" + generation);
                t.setDaemon(true);
                thread = t;
                return t;
            });
            executor.execute(() -> {
                try {
                    repl.complete(new JavaRepl(classPath));
                } catch (Throwable e) {
                    repl.completeExceptionally(e);
                }
            });
        }
    }

    /** The cell being run: its future (which an abandonment completes) and what it runs in. */
    private record Running(CompletableFuture<Object> result, Session session, boolean javaCode,
                           AtomicBoolean interruptedEarly) {
    }

    private final List<String> classPath;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "daxlab-interrupt-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile Session session;
    private volatile Running running;
    private int generation;

    CellRunner(List<String> classPath) {
        this.classPath = List.copyOf(classPath);
        this.session = new Session(this.classPath, generation);
    }

    /** The current session's JShell, waiting for it to start. */
    JavaRepl repl() {
        try {
            return session.repl.get();
        } catch (ExecutionException e) {
            throw new CellFailure("KernelError", "JShell did not start: " + e.getCause(),
                    List.of(Styles.red("KernelError") + ": JShell did not start: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellFailure("Interrupted", "interrupted while JShell was starting", List.of());
        }
    }

    /** The current JShell if it has started within {@code millis}, for completion and inspection. */
    JavaRepl replWithin(long millis) {
        try {
            return session.repl.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    boolean started() {
        return session.repl.isDone() && !session.repl.isCompletedExceptionally();
    }

    /**
     * Starts {@code cell} on the cell thread. {@code javaCode} says whether it runs user code through
     * JShell (interrupted through the checkpoints) or only daxlab's (magics: interrupted through the
     * thread's flag). The future fails with a {@link CellFailure} when the cell fails or is given up.
     */
    CompletableFuture<Object> submit(Function<JavaRepl, Object> cell, boolean javaCode) {
        Session s = session;
        CompletableFuture<Object> result = new CompletableFuture<>();
        Running r = new Running(result, s, javaCode, new AtomicBoolean());
        running = r;
        s.executor.execute(() -> {
            try {
                Thread.interrupted(); // a stale interrupt aimed at an earlier cell
                JavaRepl repl = s.repl.get();
                if (r.interruptedEarly().get()) {
                    String message = "interrupted while JShell was starting; the cell did not run";
                    throw new CellFailure("Interrupted", message, List.of(Styles.red("Interrupted") + ": " + message));
                }
                result.complete(cell.apply(repl));
            } catch (ExecutionException e) {
                result.completeExceptionally(e.getCause());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                Thread.interrupted();
            }
        });
        result.whenComplete((v, e) -> {
            if (running == r) {
                running = null;
            }
        });
        return result;
    }

    /** Jupyter's interrupt: stops the running cell, escalating as the class comment says. */
    void interrupt() {
        Running r = running;
        if (r == null || r.result().isDone()) {
            return;
        }
        if (!r.session().repl.isDone() || r.session().repl.isCompletedExceptionally()) {
            r.interruptedEarly().set(true);
            return;
        }
        JavaRepl repl = r.session().repl.getNow(null);
        if (r.javaCode()) {
            repl.interrupt();
        } else {
            Thread t = r.session().thread;
            if (t != null) {
                t.interrupt();
            }
        }
        watchdog.schedule(() -> escalate(r, repl), STOP_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether the cell is in code an interrupt may be ignored by: user code (a snippet runs), or a
     * magic. While JShell compiles, the cell stops by itself before its next snippet.
     */
    private static boolean inUserCode(Running r, JavaRepl repl) {
        return !r.javaCode() || repl.runningThread() != null;
    }

    @SuppressWarnings({"removal", "deprecation"})
    private void escalate(Running r, JavaRepl repl) {
        if (r.result().isDone()) {
            return;
        }
        if (!inUserCode(r, repl)) {
            watchdog.schedule(() -> escalate(r, repl), RECHECK_MS, TimeUnit.MILLISECONDS);
            return;
        }
        Thread t = repl.runningThread();
        if (t != null && Runtime.version().feature() < 20) {
            try {
                t.stop(); // Java 17 to 19 only; from 20 on it throws UnsupportedOperationException
            } catch (UnsupportedOperationException ignored) {
                // abandoned below
            }
        }
        watchdog.schedule(() -> abandon(r, repl), ABANDON_AFTER_MS - STOP_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void abandon(Running r, JavaRepl repl) {
        if (r.result().isDone() || session != r.session()) {
            return;
        }
        if (!inUserCode(r, repl)) {
            watchdog.schedule(() -> abandon(r, repl), RECHECK_MS, TimeUnit.MILLISECONDS);
            return;
        }
        Session old = r.session();
        Thread t = old.thread;
        if (t != null) {
            Checkpoints.abandon(t);
            t.setPriority(Thread.MIN_PRIORITY);
        }
        old.executor.shutdownNow();
        session = new Session(repl.classPath(), ++generation);
        String message = "the cell did not stop within " + ABANDON_AFTER_MS / 1000 + " s of the interrupt "
                + "(it is stuck where no checkpoint reaches: inside a JDK or library method that ignores "
                + "interrupts); its thread is abandoned and a fresh Java session started: variables, "
                + "methods and classes from earlier cells are gone";
        r.result().completeExceptionally(new CellFailure("Interrupted", message,
                List.of(Styles.red("Interrupted") + ": " + message)));
    }

    /** Whether the current session is the first one (no abandonment so far). */
    int generation() {
        return generation;
    }

    void close() {
        watchdog.shutdownNow();
        Session s = session;
        s.executor.shutdownNow();
        JavaRepl repl = s.repl.getNow(null);
        if (repl != null) {
            repl.close();
        }
    }
}
