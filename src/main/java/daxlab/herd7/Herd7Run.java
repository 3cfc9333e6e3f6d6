package daxlab.herd7;

import daxlab.litmus.Herd7Result;
import daxlab.litmus.LitmusSyntaxException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One herd7 process on one litmus file: what it printed, how it ended, how long it took.
 *
 * @param stdout   herd7's output, unchanged (what {@code --record} writes)
 * @param exitCode the exit status, -1 when it was killed at the timeout
 */
public record Herd7Run(Herd7Model model, Path file, List<String> command, String stdout, String stderr, int exitCode,
                       boolean timedOut, Duration timeout, Duration elapsed) {

    public Herd7Run {
        command = List.copyOf(command);
    }

    /** The name the output is recorded under: NAME.lkmm.herd7. */
    public String recordName() {
        return model.recordName(file.getFileName().toString());
    }

    /** Why there is no answer to compare with, if there is none. */
    public Optional<String> problem() {
        if (timedOut) {
            return Optional.of("herd7 did not finish within " + seconds(timeout) + " s (raise --timeout)");
        }
        if (exitCode != 0) {
            return Optional.of("herd7 exited with status " + exitCode + firstLine(stderr).map(l -> ": " + l).orElse(""));
        }
        try {
            result();
            return Optional.empty();
        } catch (LitmusSyntaxException e) {
            return Optional.of("herd7's output is not a result: " + e.getMessage()
                    + firstLine(stderr).map(l -> " (stderr: " + l + ")").orElse(""));
        }
    }

    /** herd7's answer, read; throws {@link LitmusSyntaxException} when the output is not one. */
    public Herd7Result result() {
        return Herd7Result.parse(stdout, recordName());
    }

    private static Optional<String> firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toNanos() / 1e9);
    }
}
