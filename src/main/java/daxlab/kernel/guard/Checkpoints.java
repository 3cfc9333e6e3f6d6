package daxlab.kernel.guard;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What rewritten cell code calls. {@link #check()} sits at every method entry and before every
 * backward branch of cell code; the kernel raises the stop flag on an interrupt and lowers it when
 * the next cell starts. The flag is global rather than per thread so that an interrupt stops
 * every thread the cell started too.
 *
 * <p>The exit methods replace {@code System.exit(int)}, {@code Runtime.exit(int)} and
 * {@code Runtime.halt(int)} in cell code, with the same stack effect (the {@code Runtime} receiver
 * becomes the first argument).
 */
public final class Checkpoints {
    private static volatile boolean stop;
    /** Threads the kernel gave up on: they stop at their next checkpoint even after the flag is lowered. */
    private static final Set<Thread> ABANDONED = ConcurrentHashMap.newKeySet();
    private static volatile boolean anyAbandoned;

    private Checkpoints() {
    }

    /** The checkpoint: cheap when nothing is asked (one volatile read, inlined by the JIT). */
    public static void check() {
        if (stop || anyAbandoned && ABANDONED.contains(Thread.currentThread())) {
            throw new CellInterrupted();
        }
    }

    public static void exit(int status) {
        throw new ExitRefused("System.exit(" + status + ")");
    }

    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitRefused("Runtime.exit(" + status + ")");
    }

    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitRefused("Runtime.halt(" + status + ")");
    }

    /** Makes every checkpoint throw until {@link #resume()}. */
    public static void requestStop() {
        stop = true;
    }

    /** A new cell starts: checkpoints pass again (abandoned threads still stop). */
    public static void resume() {
        stop = false;
    }

    /** {@code t} will stop at its next checkpoint, whatever cell runs then. */
    public static void abandon(Thread t) {
        ABANDONED.add(t);
        anyAbandoned = true;
    }
}
