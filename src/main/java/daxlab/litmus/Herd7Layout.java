package daxlab.litmus;

import daxlab.outcome.Flag;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Cond;
import daxlab.program.Condition;
import daxlab.program.Program;
import daxlab.program.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Our results in herd7's layout, so that {@code diff} against herd7's output shows only real
 * differences. The rules are herd7's (its {@code top_herd.ml}):
 * <ul>
 * <li>{@code Test NAME Allowed} for {@code exists}, {@code Forbidden} for {@code ~exists},
 *     {@code Required} for {@code forall};</li>
 * <li>states sorted, registers before locations ({@code [x]}), each line ending in {@code ;};</li>
 * <li>{@code Ok} when the quantified condition is validated: exists: some execution satisfies the
 *     proposition; ~exists: none does; forall: all do;</li>
 * <li>{@code Positive}/{@code Negative} count executions satisfying / not satisfying the
 *     proposition, swapped for ~exists;</li>
 * <li>{@code Observation} is {@code Never} when none satisfies it, {@code Always} when all do,
 *     with the unswapped counts.</li>
 * </ul>
 * Counts are in the engine's unit: herd7 counts executions; the SC interleaving engine counts
 * interleavings, so under {@code --model sc} only the states and verdicts are comparable.
 */
public final class Herd7Layout {
    private Herd7Layout() {
    }

    /** herd7's result record for an engine's histogram of {@code program}, with the flags it raised. */
    public static Herd7Result result(Program program, Histogram histogram) {
        List<Flag> flags = new ArrayList<>(histogram.flags().keySet());
        Condition c = program.finalCondition().orElse(new Condition(Condition.Quantifier.FORALL, new Cond.True()));
        List<Map<String, Value>> states = new ArrayList<>();
        BigInteger pos = BigInteger.ZERO;
        BigInteger neg = BigInteger.ZERO;
        for (Histogram.Entry e : histogram.entries()) {
            if (e.count().signum() == 0) {
                continue;
            }
            Outcome o = e.outcome();
            states.add(sortedFields(o.fields()));
            if (c.holdsIn(f -> o.fields().get(f))) {
                pos = pos.add(e.count());
            } else {
                neg = neg.add(e.count());
            }
        }
        states.sort(STATE_ORDER);
        long p = pos.longValueExact();
        long n = neg.longValueExact();
        boolean ok;
        String kind;
        switch (c.quantifier()) {
            case EXISTS: ok = p > 0; kind = "Allowed"; break;
            case NOT_EXISTS: ok = p == 0; kind = "Forbidden"; break;
            default: ok = n == 0; kind = "Required";
        }
        boolean swap = c.quantifier() == Condition.Quantifier.NOT_EXISTS;
        String observation = p == 0 ? "Never" : n == 0 ? "Always" : "Sometimes";
        return new Herd7Result(program.name(), kind, states, ok, swap ? n : p, swap ? p : n, flags,
                condition(c), observation, p, n, Optional.empty(), Optional.empty());
    }

    public static String print(Program program, Histogram histogram) {
        return print(result(program, histogram));
    }

    public static String print(Herd7Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Test ").append(r.test()).append(' ').append(r.kind()).append('\n');
        sb.append("States ").append(r.states().size()).append('\n');
        for (Map<String, Value> s : r.states()) {
            sb.append(stateLine(s)).append('\n');
        }
        sb.append(r.ok() ? "Ok" : "No").append('\n');
        sb.append("Witnesses\n");
        sb.append("Positive: ").append(r.positive()).append(" Negative: ").append(r.negative()).append('\n');
        for (Flag f : r.flags()) {
            sb.append(f.herd7()).append('\n');
        }
        sb.append("Condition ").append(r.condition()).append('\n');
        sb.append("Observation ").append(r.test()).append(' ').append(r.observation()).append(' ')
                .append(r.obsPositive()).append(' ').append(r.obsNegative()).append('\n');
        r.time().ifPresent(t -> sb.append("Time ").append(r.test()).append(' ').append(t).append('\n'));
        r.hash().ifPresent(h -> sb.append("Hash=").append(h).append('\n'));
        sb.append('\n');
        return sb.toString();
    }

    /** {@code 0:r0=1; [x]=2;} */
    public static String stateLine(Map<String, Value> state) {
        return sortedFields(state).entrySet().stream()
                .map(e -> HerdNames.bracketed(e.getKey()) + "=" + HerdNames.text(e.getValue()) + ";")
                .collect(Collectors.joining(" "));
    }

    private static Map<String, Value> sortedFields(Map<String, Value> fields) {
        Map<String, Value> out = new LinkedHashMap<>();
        fields.keySet().stream().sorted(HerdNames.FIELD_ORDER).forEach(k -> out.put(k, fields.get(k)));
        return out;
    }

    /** States compare field by field in herd7's field order, values in its value order. */
    static final Comparator<Map<String, Value>> STATE_ORDER = (a, b) -> {
        List<String> fa = new ArrayList<>(a.keySet());
        fa.sort(HerdNames.FIELD_ORDER);
        List<String> fb = new ArrayList<>(b.keySet());
        fb.sort(HerdNames.FIELD_ORDER);
        for (int i = 0; i < Math.min(fa.size(), fb.size()); i++) {
            int c = HerdNames.FIELD_ORDER.compare(fa.get(i), fb.get(i));
            if (c != 0) {
                return c;
            }
            c = HerdNames.VALUE_ORDER.compare(a.get(fa.get(i)), b.get(fb.get(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(fa.size(), fb.size());
    };

    /** The condition as herd7 prints it: {@code exists ([x]=2 /\ 0:r0=2)}, {@code not (...)} for negation. */
    public static String condition(Condition c) {
        return c.quantifier().keyword() + " (" + prop(c.proposition(), Level.TOP) + ")";
    }

    private enum Level { TOP, AND, OR }

    private static String prop(Cond c, Level above) {
        return c.accept(new Cond.Visitor<String>() {
            @Override
            public String eq(Cond.Eq e) {
                return HerdNames.bracketed(e.field()) + "=" + HerdNames.text(e.value());
            }

            @Override
            public String same(Cond.Same e) {
                return HerdNames.bracketed(e.field()) + "=" + HerdNames.bracketed(e.other());
            }

            @Override
            public String isTrue(Cond.True t) {
                return "true";
            }

            @Override
            public String not(Cond.Not n) {
                return "not (" + prop(n.operand(), Level.TOP) + ")";
            }

            @Override
            public String and(Cond.And a) {
                return junction(a, true, above);
            }

            @Override
            public String or(Cond.Or o) {
                return junction(o, false, above);
            }
        });
    }

    private static String junction(Cond c, boolean and, Level above) {
        List<Cond> parts = new ArrayList<>();
        flatten(c, and, parts);
        Level here = and ? Level.AND : Level.OR;
        String s = parts.stream().map(p -> prop(p, here)).collect(Collectors.joining(and ? " /\\ " : " \\/ "));
        // herd7 parenthesises a disjunction inside a conjunction only.
        return above == Level.AND && !and ? "(" + s + ")" : s;
    }

    private static void flatten(Cond c, boolean and, List<Cond> out) {
        if (and && c instanceof Cond.And a) {
            flatten(a.left(), true, out);
            flatten(a.right(), true, out);
        } else if (!and && c instanceof Cond.Or o) {
            flatten(o.left(), false, out);
            flatten(o.right(), false, out);
        } else {
            out.add(c);
        }
    }
}
