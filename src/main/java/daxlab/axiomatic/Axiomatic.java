package daxlab.axiomatic;

import daxlab.outcome.Flag;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Outcome;
import daxlab.outcome.Race;
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
 * Negative witnesses) and keeps one witness {@link Execution} per outcome, with the LKMM's
 * racing pairs ({@link Race}) and per outcome how many executions race; {@link #explain} says
 * why a model never gives an outcome, or shows one execution that gives it.
 * <pre>{@code
 * Histogram h = Axiomatic.enumerate(program, new Lkmm(), classifier);
 * for (Explanation e : Axiomatic.explainGraded(program, new Lkmm(), classifier)) System.out.print(e.text());
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
    public record Result(Histogram histogram, Map<Flag, Long> flags, long candidates, long traceCombinations) {
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
        Candidates candidates = new Candidates(program, true, budget);
        // per outcome: [allowed executions, of which raise data-race]
        Map<Outcome, long[]> counts = new LinkedHashMap<>();
        Map<Outcome, Execution> witnesses = new LinkedHashMap<>();
        Map<Flag, Long> flags = new java.util.TreeMap<>();
        Map<Race, long[]> races = new LinkedHashMap<>();
        long[] allowed = {0};
        try {
            candidates.forEach(x -> {
                if (!x.kept()) {
                    return;
                }
                Verdict v = model.check(x);
                if (!v.isConsistent()) {
                    return;
                }
                if (x.fault() != null) {
                    // The model allows an execution that reaches the bad access: the program is wrong.
                    throw new IllegalArgumentException(program.name() + ": " + x.fault());
                }
                Outcome o = x.outcome();
                long[] c = counts.computeIfAbsent(o, k -> new long[2]);
                c[0]++;
                witnesses.putIfAbsent(o, x);
                for (Flag f : v.flags()) {
                    flags.merge(f, 1L, Long::sum);
                }
                if (v.racy()) {
                    c[1]++;
                    for (Race r : x.races(v.races())) {
                        races.computeIfAbsent(r, k -> new long[1])[0]++;
                    }
                }
                allowed[0]++;
            });
        } catch (CandidateBudgetExceeded e) {
            throw e.withAllowed(allowed[0], counts.size());
        } catch (OutOfMemoryError e) {
            // What the run holds is bounded (a witness per outcome, a location's kept choices), so
            // this means the heap is shared or tiny; report it like a budget overrun, with progress.
            int outcomes = counts.size();
            counts.clear();
            witnesses.clear();
            races.clear();
            throw candidates.effort().stop(CandidateBudgetExceeded.Limit.HEAP).withAllowed(allowed[0], outcomes);
        }
        List<Histogram.Entry> entries = new ArrayList<>();
        counts.forEach((o, c) -> entries.add(new Histogram.Entry(o, BigInteger.valueOf(c[0]), classifier.grade(o),
                witnesses.get(o), BigInteger.valueOf(c[1]))));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("candidates", Long.toString(candidates.produced()));
        Histogram.describeFlags(flags, facts);
        List<Race> named = new ArrayList<>();
        races.forEach((r, n) -> named.add(r.withExecutions(n[0])));
        // No wall time here: histograms are printed into notebooks whose outputs must reproduce
        // exactly; `daxlab bench` measures time.
        Histogram h = new Histogram(program.name(), variant, model.name(), UNIT, entries, facts, named, flags);
        return new Result(h, flags, candidates.produced(), candidates.combinations());
    }

    /**
     * For every outcome some candidate execution gives and {@code which} selects: how many
     * candidates give it and how many the model allows; for an allowed one, how many of those
     * raise data-race and a witness (the first allowed execution, the one {@link #run} keeps);
     * for a forbidden one, which axioms reject the candidates, with a cycle each. Examines every
     * candidate (no coherence pre-filter), so that coherence and atomicity can be named too.
     */
    public static List<Explanation> explain(Program program, Model model, Predicate<Outcome> which, long budget) {
        Candidates candidates = new Candidates(program, false, budget);
        // per outcome: [candidates, allowed, allowed with a data race]
        Map<Outcome, long[]> totals = new LinkedHashMap<>();
        Map<Outcome, Execution> witnesses = new LinkedHashMap<>();
        Map<Outcome, Map<String, Explanation.Tally>> rejections = new LinkedHashMap<>();
        try {
            candidates.forEach(x -> {
                Outcome o = x.outcome();
                if (!x.kept() || !which.test(o)) {
                    return;
                }
                long[] t = totals.computeIfAbsent(o, k -> new long[3]);
                t[0]++;
                Verdict v = model.check(x);
                if (v.isConsistent()) {
                    t[1]++;
                    if (v.racy()) {
                        t[2]++;
                    }
                    witnesses.putIfAbsent(o, x);
                    return;
                }
                Explanation.Tally tally = rejections.computeIfAbsent(o, k -> new LinkedHashMap<>())
                        .computeIfAbsent(v.axiom(), k -> new Explanation.Tally());
                if (tally.count++ == 0) {
                    tally.first = v;
                    tally.firstExecution = x;
                }
            });
        } catch (OutOfMemoryError e) {
            totals.clear();
            witnesses.clear();
            rejections.clear();
            throw candidates.effort().stop(CandidateBudgetExceeded.Limit.HEAP);
        }
        List<Explanation> out = new ArrayList<>();
        Set<Outcome> sorted = new TreeSet<>(totals.keySet());
        for (Outcome o : sorted) {
            long[] t = totals.get(o);
            if (t[1] > 0) {
                out.add(new Explanation(model.name(), o, t[0], t[1], List.of(), t[2],
                        new Explanation.Reached(BigInteger.valueOf(t[1]), UNIT, witnesses.get(o))));
            } else {
                out.add(new Explanation(model.name(), o, t[0], 0,
                        Explanation.reasons(rejections.getOrDefault(o, Map.of()))));
            }
        }
        return out;
    }

    /**
     * Every outcome the classifier grades FORBIDDEN that some candidate execution gives, allowed
     * by the model or not: the allowed ones are exactly the FORBIDDEN outcomes {@link #run} counts.
     */
    public static List<Explanation> explainGraded(Program program, Model model, Classifier classifier) {
        return explainGraded(program, model, classifier, DEFAULT_BUDGET);
    }

    /** {@link #explainGraded(Program, Model, Classifier)} within a budget of candidate executions. */
    public static List<Explanation> explainGraded(Program program, Model model, Classifier classifier, long budget) {
        return explain(program, model, o -> classifier.grade(o).outcomeClass() == OutcomeClass.FORBIDDEN, budget);
    }

    /** Explanations of the outcomes the classifier grades FORBIDDEN that the model never gives. */
    public static List<Explanation> explainForbidden(Program program, Model model, Classifier classifier) {
        List<Explanation> out = new ArrayList<>();
        for (Explanation e : explainGraded(program, model, classifier)) {
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
