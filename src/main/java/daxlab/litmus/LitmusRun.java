package daxlab.litmus;

import daxlab.outcome.Histogram;

import java.time.Duration;

/**
 * One engine's run of one litmus test, read in herd7's terms ({@link Herd7Layout#result}), so that
 * it compares with herd7's output by {@link Herd7Result#differencesFrom}; with the time the
 * engine took (not counting parsing), for comparisons of speed with herd7.
 */
public record LitmusRun(LitmusEngine engine, Herd7Result result, Histogram histogram, Duration elapsed) {

    public static LitmusRun of(LitmusTest test, LitmusEngine engine, long budget) {
        long t0 = System.nanoTime();
        Histogram h = engine.run(test.program(), LitmusClassifier.of(test.program()), budget);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        return new LitmusRun(engine, Herd7Layout.result(test.program(), h, LitmusEngine.flags(h)), h, elapsed);
    }
}
