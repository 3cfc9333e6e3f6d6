package daxlab.axiomatic;

import daxlab.program.Program;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Generates candidate executions: one per choice of a trace per thread, a write for every read
 * to read from (same location, same value), and a coherence order per location, as herd7
 * generates them. Spinlock locations get their {@code co} and {@code rf} as lock.cat builds them.
 *
 * <p>With {@code prefilter}, choices that break per-location coherence ({@code acyclic po-loc |
 * rf | co | fr}) or atomicity ({@code empty rmw & (fre ; coe)}) are dropped location by location
 * before the product is formed: every model here has both axioms, so this removes only
 * executions every model rejects, and makes the rest cheap. Without it (for explanations),
 * every candidate is produced.
 *
 * <p>Nothing is built ahead of the budget: a location's choices are generated lazily, in a fixed
 * order, the coherence orders as permutations cut short as soon as their prefix contradicts
 * program order (with {@code prefilter}), so a location with {@code n} writes costs what its
 * consistent orders cost, not {@code n!}. The first {@link #KEPT_CHOICES} choices of a location
 * are kept for the next combination of the other locations' choices; a location with more is
 * generated anew each time. {@link Effort} counts candidates and search steps as they happen.
 */
final class Candidates {
    /** The most choices of one location kept in memory (beyond that they are generated again). */
    static final int KEPT_CHOICES = 1024;

    /** Receives one (rf, co) choice on a location; false stops the generation. */
    @FunctionalInterface
    interface Visitor {
        boolean accept(Rel rf, Rel co);
    }

    /** Generates a location's choices in a fixed order; false when the visitor stopped it. */
    @FunctionalInterface
    interface Generator {
        boolean each(Visitor v);
    }

    private final Program program;
    private final ValuesAvailable valuesAvailable;
    private final boolean prefilter;
    private final Effort effort;
    private long combinations;

    Candidates(Program program, boolean prefilter, long budget) {
        this.program = program;
        this.valuesAvailable = new ValuesAvailable(program);
        this.prefilter = prefilter;
        this.effort = new Effort(program.name(), budget);
    }

    long produced() {
        return effort.candidates();
    }

    /** Combinations of thread traces whose read values some write can supply (the rest are skipped). */
    long combinations() {
        return combinations;
    }

    long steps() {
        return effort.steps();
    }

    Effort effort() {
        return effort;
    }

    void forEach(Consumer<Execution> sink) {
        Traces traces = new Traces(program, effort);
        combine(traces, 0, new ArrayList<>(), total(traces), sk -> expand(sk, traces, sink));
    }

    /**
     * herd7's view of the candidates before a cat model runs (what {@code daxlab.cat} starts
     * from): each read of a data location reads from a write of the same value, and nothing
     * more is chosen. {@code co} is empty and lock events read from nothing: a model that
     * includes lock.cat and a coherence-order generator chooses those itself.
     */
    void forEachReadsFrom(Consumer<Execution> sink) {
        Traces traces = new Traces(program, effort);
        combine(traces, 0, new ArrayList<>(), total(traces), sk -> readsFrom(sk, traces, sink));
    }

    /** How many combinations of the threads' paths there are (for a budget error). */
    private static java.math.BigInteger total(Traces traces) {
        java.math.BigInteger total = java.math.BigInteger.ONE;
        for (List<ThreadTrace> ts : traces.perThread) {
            total = total.multiply(java.math.BigInteger.valueOf(ts.size()));
        }
        return total;
    }

    private void combine(Traces traces, int t, List<ThreadTrace> chosen, java.math.BigInteger total,
                         Consumer<Skeleton> expansion) {
        if (t == traces.perThread.size()) {
            effort.combination(total);
            if (!valuesAvailable.test(chosen)) {
                return;
            }
            combinations++;
            expansion.accept(new Skeleton(program, chosen));
            return;
        }
        for (ThreadTrace tr : traces.perThread.get(t)) {
            chosen.add(tr);
            combine(traces, t + 1, chosen, total, expansion);
            chosen.remove(chosen.size() - 1);
        }
    }

    private void readsFrom(Skeleton sk, Traces traces, Consumer<Execution> sink) {
        List<Choices> perLocation = perLocation(sk.locations.stream().filter(l -> !traces.isLock(l)).toList(),
                l -> readChoices(sk, l));
        if (perLocation != null) {
            product(sk, perLocation, 0, Rel.empty(sk.n), Rel.empty(sk.n), sink);
        }
    }

    /**
     * Each location's choices, prefetched, in the order given; null when some location has no
     * choice at all (a read that no write of its value can feed): then there is no candidate.
     */
    private static List<Choices> perLocation(List<String> locations,
                                             java.util.function.Function<String, Generator> of) {
        List<Choices> out = new ArrayList<>();
        for (String l : locations) {
            Generator g = of.apply(l);
            if (g == null) {
                return null;
            }
            Choices choices = new Choices(g);
            if (!choices.prefetch()) {
                return null;
            }
            out.add(choices);
        }
        return out;
    }

    /**
     * Every way the reads of data location {@code l} can each read a write of the value they
     * return (co empty), the last read's choice varying slowest; null when a read has no write.
     */
    private Generator readChoices(Skeleton sk, String l) {
        DataLocation d = DataLocation.of(sk, l);
        if (d == null) {
            return null;
        }
        Rel none = Rel.empty(sk.n);
        return v -> readsFromChoices(sk, d.reads(), d.sources(), d.reads().size() - 1, none, none, v);
    }

    private boolean readsFromChoices(Skeleton sk, List<Integer> rs, List<int[]> sources, int k, Rel rf, Rel co,
                                     Visitor v) {
        effort.step();
        if (k < 0) {
            return v.accept(rf, co);
        }
        for (int w : sources.get(k)) {
            if (!readsFromChoices(sk, rs, sources, k - 1, rf.union(Rel.builder(sk.n).add(w, rs.get(k)).build()), co, v)) {
                return false;
            }
        }
        return true;
    }
    private void expand(Skeleton sk, Traces traces, Consumer<Execution> sink) {
        List<Choices> perLocation = perLocation(sk.locations,
                l -> traces.isLock(l) ? LockChoices.choices(sk, l, effort) : dataChoices(sk, l));
        if (perLocation != null) {
            product(sk, perLocation, 0, Rel.empty(sk.n), Rel.empty(sk.n), sink);
        }
    }

    private void product(Skeleton sk, List<Choices> perLocation, int k, Rel rf, Rel co, Consumer<Execution> sink) {
        if (k == perLocation.size()) {
            if (!Grounding.asHerd7(sk, rf)) {
                effort.step();
                return; // a cycle of copies with a number in it: herd7 has it once, undetermined
            }
            effort.candidate();
            sink.accept(new Execution(sk, rf, co));
            return;
        }
        perLocation.get(k).each((r, c) -> {
            product(sk, perLocation, k + 1, rf.union(r), co.union(c), sink);
            return true;
        });
    }

    /**
     * One location's choices: the first {@link #KEPT_CHOICES} are kept (most locations have a
     * handful), so that the product with the other locations does not generate them again.
     */
    private static final class Choices {
        private final Generator generator;
        /** Every choice, in order, or null when there are too many to keep. */
        private List<Rel[]> kept;

        Choices(Generator generator) {
            this.generator = generator;
        }

        /** Generates the choices up to the number kept; whether there is at least one. */
        boolean prefetch() {
            List<Rel[]> first = new ArrayList<>();
            boolean all = generator.each((rf, co) -> {
                first.add(new Rel[] {rf, co});
                return first.size() <= KEPT_CHOICES;
            });
            if (all) {
                kept = first;
            }
            return !first.isEmpty();
        }

        boolean each(Visitor v) {
            if (kept == null) {
                return generator.each(v);
            }
            for (Rel[] o : kept) {
                if (!v.accept(o[0], o[1])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The (rf, co) choices on one data location, or null when a read has no write to read from. */
    private Generator dataChoices(Skeleton sk, String l) {
        DataLocation d = DataLocation.of(sk, l);
        if (d == null) {
            return null;
        }
        return v -> coOrders(sk, d, 0, co -> rfChoices(sk, d.reads(), d.sources(), 0, Rel.empty(sk.n), co, v));
    }

    /**
     * Every total order of {@code ws} after the initial write, as a transitive relation, in the
     * order of a swap permutation. With {@code prefilter}, a prefix whose last write has a write
     * after it in the order that comes before it in program order is cut off: every completion
     * contradicts program order (CoWW), which is exactly what coherence without reads rejects.
     */
    private boolean coOrders(Skeleton sk, DataLocation d, int k, Predicate<Rel> eachCo) {
        effort.step();
        List<Integer> ws = d.writes();
        if (k == ws.size()) {
            return eachCo.test(d.co(sk.n));
        }
        for (int i = k; i < ws.size(); i++) {
            java.util.Collections.swap(ws, k, i);
            boolean go = prefilter && laterInProgramOrderBefore(sk, ws, k) || coOrders(sk, d, k + 1, eachCo);
            java.util.Collections.swap(ws, k, i);
            if (!go) {
                return false;
            }
        }
        return true;
    }

    /** Whether some event after position {@code k} of {@code order} is po-before the one at {@code k}. */
    static boolean laterInProgramOrderBefore(Skeleton sk, List<Integer> order, int k) {
        int at = order.get(k);
        for (int j = k + 1; j < order.size(); j++) {
            if (sk.po.has(order.get(j), at)) {
                return true;
            }
        }
        return false;
    }

    private boolean rfChoices(Skeleton sk, List<Integer> rs, List<int[]> sources, int k, Rel rf, Rel co, Visitor v) {
        effort.step();
        if (k == rs.size()) {
            return prefilter && !locallyConsistent(sk, rf, co) || v.accept(rf, co);
        }
        int r = rs.get(k);
        for (int w : sources.get(k)) {
            Rel more = rf.union(Rel.builder(sk.n).add(w, r).build());
            // Coherence and atomicity only get worse as reads are added (fr grows with rf), so a
            // violation now prunes every completion of this partial choice.
            if (prefilter && k + 1 < rs.size() && !locallyConsistent(sk, more, co)) {
                continue;
            }
            if (!rfChoices(sk, rs, sources, k + 1, more, co, v)) {
                return false;
            }
        }
        return true;
    }

    /** Coherence and atomicity on one location's events. */
    static boolean locallyConsistent(Skeleton sk, Rel rf, Rel co) {
        Rel fr = rf.inverse().seq(co).minus(Rel.id(sk.n, -1L));
        if (!sk.po.inter(sk.loc).union(rf).union(co).union(fr).acyclic()) {
            return false;
        }
        return sk.rmw.inter(fr.inter(sk.external).seq(co.inter(sk.external))).isEmpty();
    }
}
