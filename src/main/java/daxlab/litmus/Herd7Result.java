package daxlab.litmus;

import daxlab.outcome.Flag;
import daxlab.outcome.Outcome;
import daxlab.program.Condition;
import daxlab.program.Value;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What herd7 prints for one test, read back into data:
 * <pre>
 * Test MP+poonceonces Allowed
 * States 4
 * 1:r0=0; 1:r1=0;
 * ...
 * Ok
 * Witnesses
 * Positive: 1 Negative: 3
 * Flag data-race                       (only when the model raised the flag)
 * Condition exists (1:r0=1 /\ 1:r1=0)
 * Observation MP+poonceonces Sometimes 1 3
 * Time MP+poonceonces 0.01             (optional)
 * Hash=c0ebd8ca556580d772ac73303c4c4f84 (optional)
 * </pre>
 * Field names are normalised as our observables name them: {@code [x]} becomes {@code x}.
 *
 * @param test        the test name
 * @param kind        {@code Allowed} (exists), {@code Forbidden} (~exists) or {@code Required} (forall)
 * @param states      the final states, in herd7's order
 * @param ok          the {@code Ok} / {@code No} line: whether the quantified condition is validated
 * @param positive    the {@code Positive:} witness count (for ~exists herd7 swaps it with Negative)
 * @param negative    the {@code Negative:} witness count
 * @param flags       the {@code Flag} lines ({@code data-race}), in order
 * @param condition   the condition as herd7 printed it, after {@code Condition }
 * @param observation {@code Never}, {@code Sometimes} or {@code Always}
 * @param obsPositive executions satisfying the proposition (the Observation line's first count)
 * @param obsNegative executions not satisfying it
 * @param time        the {@code Time} line's seconds, if printed
 * @param hash        the {@code Hash=} value, if printed
 */
public record Herd7Result(String test, String kind, List<Map<String, Value>> states, boolean ok, long positive,
                          long negative, List<Flag> flags, String condition, String observation, long obsPositive,
                          long obsNegative, Optional<String> time, Optional<String> hash) {

    public Herd7Result {
        List<Map<String, Value>> copy = new ArrayList<>();
        for (Map<String, Value> s : states) {
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(s)));
        }
        states = List.copyOf(copy);
        flags = List.copyOf(flags);
    }

    /** The final states as outcomes, for comparison with an engine's histogram. */
    public Set<Outcome> outcomes() {
        Set<Outcome> out = new LinkedHashSet<>();
        states.forEach(s -> out.add(new Outcome(s)));
        return out;
    }

    /** The Condition line parsed (fields normalised), so it can be compared with a test's. */
    public Condition parsedCondition() {
        return LitmusParser.parseCondition(condition, test + ".herd7");
    }

    /**
     * What a comparison with herd7 checks. The test name, its kind, the condition and the flags
     * are always compared; the rest depends on whether both sides count the same thing and run
     * the same model.
     */
    public enum Comparison {
        /** The same final states, Ok/No, Observation and Positive/Negative counts. */
        EXACT,
        /** As {@link #EXACT} but the counts: the engine counts something else (interleavings). */
        WITHOUT_COUNTS,
        /**
         * Our states among herd7's: herd7 ran a weaker model than ours (sc.cat knows neither
         * grace periods nor lock.cat), so it may reach more states, hence satisfy the condition
         * where we do not, but never fewer.
         */
        WITHIN
    }

    /**
     * How this result differs from {@code herd7}'s, one line per difference in herd7's terms
     * ({@code missing state ...}, {@code Observation Never, herd7: Sometimes}); empty when they
     * agree as {@code how} asks.
     */
    public List<String> differencesFrom(Herd7Result herd7, Comparison how) {
        List<String> out = new ArrayList<>();
        if (!test.equals(herd7.test)) {
            out.add("test name " + test + ", herd7: " + herd7.test);
        }
        if (!kind.equals(herd7.kind)) {
            out.add("kind " + kind + ", herd7: " + herd7.kind);
        }
        Set<Outcome> ours = outcomes();
        Set<Outcome> theirs = herd7.outcomes();
        if (how != Comparison.WITHIN) {
            for (Map<String, Value> s : herd7.states) {
                if (!ours.contains(new Outcome(s))) {
                    out.add("missing state " + Herd7Layout.stateLine(s));
                }
            }
        }
        for (Map<String, Value> s : states) {
            if (!theirs.contains(new Outcome(s))) {
                out.add("extra state " + Herd7Layout.stateLine(s));
            }
        }
        if (how != Comparison.WITHIN) {
            if (ok != herd7.ok) {
                out.add((ok ? "Ok" : "No") + ", herd7: " + (herd7.ok ? "Ok" : "No"));
            }
            if (!observation.equals(herd7.observation)) {
                out.add("Observation " + observation + ", herd7: " + herd7.observation);
            }
        }
        if (!flags.equals(herd7.flags)) {
            out.add("flags " + flags + ", herd7: " + herd7.flags);
        }
        if (!condition.equals(herd7.condition)) {
            out.add("condition " + condition + ", herd7: " + herd7.condition);
        }
        if (how == Comparison.EXACT && (positive != herd7.positive || negative != herd7.negative)) {
            out.add("Positive: " + positive + " Negative: " + negative + ", herd7: Positive: " + herd7.positive
                    + " Negative: " + herd7.negative);
        }
        return out;
    }

    public boolean dataRace() {
        return flags.contains(Flag.DATA_RACE);
    }

    public static Herd7Result parse(Path file) throws IOException {
        return parse(LitmusFile.read(file), file.toString());
    }

    public static Herd7Result parse(String text, String file) {
        String[] lines = text.split("\r?\n", -1);
        Reader r = new Reader(lines, file);
        String[] head = r.words("Test", 3, "'Test NAME Allowed|Forbidden|Required'");
        String test = head[1];
        String kind = head[2];
        if (!List.of("Allowed", "Forbidden", "Required", "Final").contains(kind)) {
            throw r.error(head[0].length() + head[1].length() + 3, "Allowed, Forbidden or Required", "'" + kind + "'");
        }
        String[] st = r.words("States", 2, "'States N'");
        int n = (int) r.integer(st[1], "the number of states", 8);
        List<Map<String, Value>> states = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            states.add(r.state());
        }
        String okLine = r.next("'Ok' or 'No'");
        boolean ok;
        String verdict = okLine.startsWith("Loop ") ? okLine.substring(5) : okLine;
        if (verdict.equals("Ok")) {
            ok = true;
        } else if (verdict.equals("No")) {
            ok = false;
        } else {
            throw r.error(1, "'Ok' or 'No' after " + n + " states", "'" + okLine + "'");
        }
        r.words("Witnesses", 1, "'Witnesses'");
        String[] w = r.words("Positive:", 4, "'Positive: P Negative: N'");
        if (!w[2].equals("Negative:")) {
            throw r.error(1, "'Positive: P Negative: N'", "'" + String.join(" ", w) + "'");
        }
        long pos = r.integer(w[1], "a count", 11);
        long neg = r.integer(w[3], "a count", 1);
        List<Flag> flags = new ArrayList<>();
        while (r.peek().startsWith("Flag ")) {
            flags.add(new Flag(r.next("a Flag line").substring(5).strip()));
        }
        String condLine = r.next("'Condition ...'");
        if (!condLine.startsWith("Condition ")) {
            throw r.error(1, "'Condition ...'", "'" + condLine + "'");
        }
        String condition = condLine.substring("Condition ".length());
        String[] obs = r.words("Observation", 5, "'Observation NAME Never|Sometimes|Always P N'");
        if (!obs[1].equals(test)) {
            throw r.error(13, "the test name " + test, "'" + obs[1] + "'");
        }
        if (!List.of("Never", "Sometimes", "Always").contains(obs[2])) {
            throw r.error(1, "Never, Sometimes or Always", "'" + obs[2] + "'");
        }
        long op = r.integer(obs[3], "a count", 1);
        long on = r.integer(obs[4], "a count", 1);
        Optional<String> time = Optional.empty();
        Optional<String> hash = Optional.empty();
        while (r.hasNext()) {
            String l = r.next("");
            if (l.startsWith("Time ")) {
                String[] t = l.split(" ");
                time = Optional.of(t[t.length - 1]);
            } else if (l.startsWith("Hash=")) {
                hash = Optional.of(l.substring(5));
            } else if (!l.isBlank()) {
                throw r.error(1, "'Time ...', 'Hash=...' or the end of the file", "'" + l + "'");
            }
        }
        return new Herd7Result(test, kind, states, ok, pos, neg, flags, condition, obs[2], op, on, time, hash);
    }

    /** Lines with positions for error messages. */
    private static final class Reader {
        /** An address past a location, as herd7 prints it: {@code x+1}. */
        private static final java.util.regex.Pattern PAST = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)([+-][0-9]+)");

        final String[] lines;
        final String file;
        int i;

        Reader(String[] lines, String file) {
            this.lines = lines;
            this.file = file;
        }

        boolean hasNext() {
            return i < lines.length;
        }

        String peek() {
            return i < lines.length ? lines[i] : "";
        }

        String next(String expected) {
            if (i >= lines.length) {
                throw new LitmusSyntaxException(file, lines.length, 1, expected, "end of file");
            }
            return lines[i++];
        }

        LitmusSyntaxException error(int col, String expected, String found) {
            return new LitmusSyntaxException(file, i, col, expected, found);
        }

        String[] words(String first, int count, String expected) {
            String l = next(expected);
            String[] w = l.strip().split("\\s+");
            if (!w[0].equals(first) || w.length != count) {
                throw error(1, expected, "'" + l + "'");
            }
            return w;
        }

        long integer(String s, String what, int col) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw error(col, what, "'" + s + "'");
            }
        }

        /** An integer (decimal or hex) or a location name, which stands for its address. */
        Value value(String v, int col) {
            try {
                if (v.matches("-?[0-9]+")) {
                    return Value.of(Long.parseLong(v));
                }
                if (v.matches("0[xX][0-9a-fA-F]+")) {
                    return Value.of(Long.parseLong(v.substring(2), 16));
                }
                if (v.matches("S[0-9]+")) {
                    // herd7's symbol for a value no write determines (a cycle of copies).
                    return new Value.Undetermined(v);
                }
                java.util.regex.Matcher past = PAST.matcher(v);
                if (past.matches()) {
                    return new Value.Addr(past.group(1), Long.parseLong(past.group(2).replace("+", "")));
                }
                return new Value.Addr(v);
            } catch (IllegalArgumentException e) {
                throw error(col, "an integer or a location name", "'" + v + "'");
            }
        }

        /** {@code 0:r0=1; [x]=2;} */
        Map<String, Value> state() {
            String l = next("a state line such as '0:r0=1; [x]=2;'");
            Map<String, Value> s = new LinkedHashMap<>();
            int col = 1;
            for (String part : l.split(";")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    int eq = p.lastIndexOf('=');
                    if (eq <= 0) {
                        throw error(col, "field=value", "'" + p + "'");
                    }
                    String f = p.substring(0, eq).strip();
                    if (f.startsWith("[") && f.endsWith("]")) {
                        f = f.substring(1, f.length() - 1);
                    }
                    s.put(f, value(p.substring(eq + 1).strip(), col));
                }
                col += part.length() + 1;
            }
            return s;
        }
    }
}
