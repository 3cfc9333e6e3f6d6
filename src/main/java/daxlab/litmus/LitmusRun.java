package daxlab.litmus;

import daxlab.outcome.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * One engine's run of one litmus test, read in herd7's terms ({@link Herd7Layout#result}), so that
 * it compares with herd7's output by {@link Herd7Result#differencesFrom}; with the time the
 * engine took (not counting parsing), for comparisons of speed with herd7: wall clock, and the
 * CPU time of the running thread, which a busy machine disturbs less (herd7's {@code Time} line
 * is its CPU time too).
 */
public record LitmusRun(LitmusEngine engine, Herd7Result result, Histogram histogram, Duration elapsed, Duration cpu) {

    public static LitmusRun of(LitmusTest test, LitmusEngine engine, long budget) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        Histogram h = engine.run(test.program(), LitmusClassifier.of(test.program()), budget);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        Duration used = cpu ? Duration.ofNanos(threads.getCurrentThreadCpuTime() - c0) : elapsed;
        return new LitmusRun(engine, Herd7Layout.result(test.program(), h), h, elapsed, used);
    }
}
