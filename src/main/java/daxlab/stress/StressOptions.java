package daxlab.stress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to run stress.
 *
 * @param timePerMode how long each fork stresses (jcstress's {@code -time}); a run takes about
 *                    {@code modes x (timePerMode + JVM start-up)}
 * @param modes       the JIT configurations to run, one fork each
 * @param progress    receives one line per event (child started, fork done); may print to stderr
 * @param java        the java executable for the child; null: the one running this code
 * @param classpath   the child's class path; null: the jar this code was loaded from, or (when
 *                    running from target/classes) those classes and jcstress's jars
 */
public record StressOptions(Duration timePerMode, List<RunMode> modes, Consumer<String> progress, Path java,
                            String classpath) {

    public StressOptions {
        if (timePerMode == null || timePerMode.toMillis() < 1) {
            throw new IllegalArgumentException("time per mode must be at least 1 ms, got " + timePerMode);
        }
        if (modes == null || modes.isEmpty()) {
            throw new IllegalArgumentException("give at least one run mode");
        }
        modes = List.copyOf(modes);
        progress = progress == null ? line -> { } : progress;
    }

    /** Every run mode, {@code timePerMode} each, no progress output. */
    public static StressOptions of(Duration timePerMode) {
        return new StressOptions(timePerMode, List.of(RunMode.values()), null, null, null);
    }

    public StressOptions withModes(List<RunMode> m) {
        return new StressOptions(timePerMode, m, progress, java, classpath);
    }

    public StressOptions withProgress(Consumer<String> p) {
        return new StressOptions(timePerMode, modes, p, java, classpath);
    }

    public StressOptions withJava(Path j) {
        return new StressOptions(timePerMode, modes, progress, j, classpath);
    }

    public StressOptions withClasspath(String cp) {
        return new StressOptions(timePerMode, modes, progress, java, cp);
    }
}
