package daxlab.cli;

import daxlab.stress.Durations;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * picocli converters that check what a number means, not only that it is one: a budget of
 * {@code -5} or a job count of {@code 0} fails as {@code --budget abc} does, while the command line
 * is parsed, with picocli's {@code Invalid value for option '--budget': ...}, the usage, and exit
 * status 2. Each names the range it accepts.
 */
final class OptionTypes {
    private OptionTypes() {
    }

    /** A whole number in {@code [min, max]}. */
    private abstract static class LongRange {
        private final long min;
        private final long max;

        LongRange(long min, long max) {
            this.min = min;
            this.max = max;
        }

        long check(String text) {
            long v;
            try {
                v = Long.parseLong(text.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a whole number" + range());
            }
            if (v < min || v > max) {
                throw new TypeConversionException("'" + text + "' is out of range" + range());
            }
            return v;
        }

        private String range() {
            boolean unbounded = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
            return unbounded ? min == 1 ? " (give a positive number)" : " (give " + min + " or more)"
                    : " (give " + min + ".." + max + ")";
        }
    }

    /** Budgets: states, candidate executions. */
    static final class PositiveLong extends LongRange implements ITypeConverter<Long> {
        PositiveLong() {
            super(1, Long.MAX_VALUE);
        }

        @Override
        public Long convert(String text) {
            return check(text);
        }
    }

    /** Counts of runs, jobs, seconds. */
    static final class PositiveInt extends LongRange implements ITypeConverter<Integer> {
        PositiveInt() {
            super(1, Integer.MAX_VALUE);
        }

        @Override
        public Integer convert(String text) {
            return (int) check(text);
        }
    }

    /** Warm-up rounds: none is fine. */
    static final class NonNegativeInt extends LongRange implements ITypeConverter<Integer> {
        NonNegativeInt() {
            super(0, Integer.MAX_VALUE);
        }

        @Override
        public Integer convert(String text) {
            return (int) check(text);
        }
    }

    /** {@code bench --max-n}: n getters and n putters, 2n threads. */
    static final class BenchN extends LongRange implements ITypeConverter<Integer> {
        BenchN() {
            super(1, 15);
        }

        @Override
        public Integer convert(String text) {
            return (int) check(text);
        }
    }

    /** Seconds, fractions allowed: more than zero, finite. */
    static final class PositiveSeconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v;
            try {
                v = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a number of seconds (e.g. 60, 0.5)");
            }
            if (!(v > 0) || Double.isInfinite(v) || v > Duration.ofDays(365).toSeconds()) {
                throw new TypeConversionException("'" + text + "' is out of range (give more than 0 seconds, at most a year)");
            }
            return v;
        }
    }

    /** {@code 200ms}, {@code 1s}, {@code 1.5s}, {@code 2m} ({@link Durations}). */
    static final class StressTime implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A value that passed its converter but does not fit the rest of the command line (a list
     * with no names, a name that is not one of the valid ones): the same message and exit status
     * as a value picocli rejects.
     */
    static CommandLine.ParameterException invalid(CommandLine.Model.CommandSpec spec, String option, String why) {
        return new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + why);
    }
}
