package daxlab.stress;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 200ms}, {@code 1s}, {@code 1.5s}, {@code 2m}; a bare number is milliseconds. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException with an example of what is accepted */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + text + "'; write e.g. 200ms, 1s, 1.5s, 2m");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double ms = unit.equals("ms") ? v : unit.equals("s") ? v * 1000 : v * 60_000;
        if (ms < 1 || ms > 3_600_000) {
            throw new IllegalArgumentException("a duration must be between 1ms and 60m, got " + text);
        }
        return Duration.ofMillis(Math.round(ms));
    }
}
