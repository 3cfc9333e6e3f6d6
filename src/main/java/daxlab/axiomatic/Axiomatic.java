package daxlab.axiomatic;

import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Outcome;
import daxlab.program.Program;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The axiomatic engine's front door. {@link #enumerate} counts, per outcome, the candidate
 * executions a model allows (one per choice of rf and co, as herd7 counts its Positive and
 * Negative witnesses) and keeps one witness {@link Execution} per outcome; {@link #explain}
 * says why a model never gives an outcome.
 * <pre>{@code
 * Histogram h = Axiomatic.enumerate(program, Model.byName("lkmm"), classifier);
 * for (Explanation e : Axiomatic.explainForbidden(program, new Lkmm(), classifier)) System.out.print(e.text());
 * }</pre>
 */
public final class Axiomatic {
    /** Candidate executions examined before giving up, unless told otherwise. */
    public static final long DEFAULT_BUDGET = 20_000_000L;
    static final String UNIT = "executions";

    private Axiomatic() {
    }

    /**
     * Everything one run found: the histogram, the flags raised by allowed executions with how
     * many raised them (herd7 prints {@code Flag data-race}), and how much was examined.
     */
    public record Result(Histogram histogram, Map<String, Long> flags, long candidates, long traceCombinations) {
        public Result {
            flags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        }
    }

    public static Histogram enumerate(Program program, Model model, Classifier classifier) {
        return run(program, model, classifier, DEFAULT_BUDGET, "").histogram();
    }

    public static Histogram enumerate(Program program, Model model, Classifier classifier, long budget) {
        return run(program, model, classifier, budget, "").histogram();
    }

    /**
     * Enumerates and counts.
     *
     * @param budget  at most this many candidate executions (after the per-location coherence filter)
     * @param variant the histogram's variant label
     * @throws CandidateBudgetExceeded when there are more
     */
    public static Result run(Program program, Model model, Classifier classifier, long budget, String variant) {
        long started = System.nanoTime();
        Candidates candidates = new Candidates(program, true, budget);
        Map<Outcome, long[]> counts = new LinkedHashMap<>();
        Map<Outcome, Execution> witnesses = new LinkedHashMap<>();
        Map<String, Long> flags = new java.util.TreeMap<>();
        candidates.forEach(x -> {
            Verdict v = model.check(x);
            if (!v.isConsistent()) {
                return;
            }
            Outcome o = x.outcome();
            counts.computeIfAbsent(o, k -> new long[1])[0]++;
            witnesses.putIfAbsent(o, x);
            for (String f : v.flags()) {
                flags.merge(f, 1L, Long::sum);
            }
        });
        List<Histogram.Entry> entries = new ArrayList<>();
        counts.forEach((o, c) -> entries.add(new Histogram.Entry(o, BigInteger.valueOf(c[0]), classifier.grade(o),
                witnesses.get(o))));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("candidates", Long.toString(candidates.produced()));
        if (!flags.isEmpty()) {
            // "flags" lists names only (herd7's Flag lines); how many executions raised each follows.
            facts.put("flags", String.join(", ", flags.keySet()));
            List<String> fs = new ArrayList<>();
            flags.forEach((k, v) -> fs.add(k + " " + v));
            facts.put("flagged executions", String.join(", ", fs));
        }
        facts.put("time", String.format(java.util.Locale.ROOT, "%.1f ms", (System.nanoTime() - started) / 1e6));
        Histogram h = new Histogram(program.name(), variant, model.name(), UNIT, entries, facts);
        return new Result(h, flags, candidates.produced(), candidates.combinations());
    }

    /**
     * For every outcome some candidate execution gives and {@code which} selects: how many
     * candidates give it, how many the model allows, and for a forbidden one which axioms reject
     * them with a cycle each. Examines every candidate (no coherence pre-filter), so it is meant
     * for small programs.
     */
    public static List<Explanation> explain(Program program, Model model, Predicate<Outcome> which, long budget) {
        Candidates candidates = new Candidates(program, false, budget);
        Map<Outcome, long[]> totals = new LinkedHashMap<>();
        Map<Outcome, Map<String, Explanation.Tally>> rejections = new LinkedHashMap<>();
        candidates.forEach(x -> {
            Outcome o = x.outcome();
            if (!which.test(o)) {
                return;
            }
            long[] t = totals.computeIfAbsent(o, k -> new long[2]);
            t[0]++;
            Verdict v = model.check(x);
            if (v.isConsistent()) {
                t[1]++;
                return;
            }
            Explanation.Tally tally = rejections.computeIfAbsent(o, k -> new LinkedHashMap<>())
                    .computeIfAbsent(v.axiom(), k -> new Explanation.Tally());
            if (tally.count++ == 0) {
                tally.first = v;
                tally.firstExecution = x;
            }
        });
        List<Explanation> out = new ArrayList<>();
        Set<Outcome> sorted = new TreeSet<>(totals.keySet());
        for (Outcome o : sorted) {
            long[] t = totals.get(o);
            out.add(new Explanation(model.name(), o, t[0], t[1],
                    t[1] > 0 ? List.of() : Explanation.reasons(rejections.getOrDefault(o, Map.of()))));
        }
        return out;
    }

    /** Explanations of the outcomes the classifier grades FORBIDDEN that the model never gives. */
    public static List<Explanation> explainForbidden(Program program, Model model, Classifier classifier) {
        List<Explanation> out = new ArrayList<>();
        for (Explanation e : explain(program, model,
                o -> classifier.grade(o).outcomeClass() == OutcomeClass.FORBIDDEN, DEFAULT_BUDGET)) {
            if (e.forbidden()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Explanations for one outcome (as {@code explain} with equality). */
    public static Explanation explain(Program program, Model model, Outcome outcome) {
        List<Explanation> es = explain(program, model, outcome::equals, DEFAULT_BUDGET);
        return es.isEmpty() ? new Explanation(model.name(), outcome, 0, 0, List.of()) : es.get(0);
    }
}
