package daxlab.axiomatic;

import daxlab.program.Program;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The candidate enumeration as it was before it became lazy: every coherence order of a location
 * built up front ({@code n!}), then filtered. Kept in the tests only, as the oracle that the lazy
 * {@link Candidates} produces the same candidates in the same order (witnesses depend on the order).
 */
final class EagerCandidates {
    private final Program program;
    private final ValuesAvailable valuesAvailable;
    private final boolean prefilter;
    private final long budget;
    private long produced;
    private long combinations;

    EagerCandidates(Program program, boolean prefilter, long budget) {
        this.program = program;
        this.valuesAvailable = new ValuesAvailable(program);
        this.prefilter = prefilter;
        this.budget = budget;
    }

    long produced() {
        return produced;
    }

    long combinations() {
        return combinations;
    }

    void forEach(Consumer<Execution> sink) {
        Traces traces = new Traces(program, new Effort(program.name(), budget));
        combine(traces, 0, new ArrayList<>(), sk -> expand(sk, traces, sink));
    }

    void forEachReadsFrom(Consumer<Execution> sink) {
        Traces traces = new Traces(program, new Effort(program.name(), budget));
        combine(traces, 0, new ArrayList<>(), sk -> readsFrom(sk, traces, sink));
    }

    private void combine(Traces traces, int t, List<ThreadTrace> chosen, Consumer<Skeleton> expansion) {
        if (t == traces.perThread.size()) {
            if (!valuesAvailable.test(chosen)) {
                return;
            }
            combinations++;
            expansion.accept(new Skeleton(program, chosen));
            return;
        }
        for (ThreadTrace tr : traces.perThread.get(t)) {
            chosen.add(tr);
            combine(traces, t + 1, chosen, expansion);
            chosen.remove(chosen.size() - 1);
        }
    }

    private void readsFrom(Skeleton sk, Traces traces, Consumer<Execution> sink) {
        List<List<Rel[]>> perLocation = new ArrayList<>();
        Rel none = Rel.empty(sk.n);
        for (String l : sk.locations) {
            if (traces.isLock(l)) {
                continue;
            }
            List<Rel[]> options = new ArrayList<>();
            for (Rel rf : readChoices(sk, l)) {
                options.add(new Rel[] {rf, none});
            }
            if (options.isEmpty()) {
                return;
            }
            perLocation.add(options);
        }
        product(sk, perLocation, 0, none, none, sink);
    }

    private List<Rel> readChoices(Skeleton sk, String l) {
        List<Rel> out = new ArrayList<>();
        out.add(Rel.empty(sk.n));
        for (int r = 0; r < sk.n; r++) {
            Event e = sk.events[r];
            if (!e.isRead() || !e.location().equals(l)) {
                continue;
            }
            List<Rel> next = new ArrayList<>();
            for (int w = 0; w < sk.n; w++) {
                Event s = sk.events[w];
                if (s.isWrite() && s.location().equals(l) && s.value().equals(e.value())) {
                    Rel edge = Rel.builder(sk.n).add(w, r).build();
                    for (Rel partial : out) {
                        next.add(partial.union(edge));
                    }
                }
            }
            out = next;
        }
        return out;
    }

    private void expand(Skeleton sk, Traces traces, Consumer<Execution> sink) {
        List<List<Rel[]>> perLocation = new ArrayList<>();
        for (String l : sk.locations) {
            List<Rel[]> options = traces.isLock(l) ? EagerLockChoices.options(sk, l) : dataOptions(sk, l);
            if (options.isEmpty()) {
                return;
            }
            perLocation.add(options);
        }
        product(sk, perLocation, 0, Rel.empty(sk.n), Rel.empty(sk.n), sink);
    }

    private void product(Skeleton sk, List<List<Rel[]>> perLocation, int k, Rel rf, Rel co, Consumer<Execution> sink) {
        if (k == perLocation.size()) {
            if (!Grounding.asHerd7(sk, rf)) {
                return; // herd7 has a cycle of copies once, with a symbol: the lazy one drops the rest too
            }
            if (++produced > budget) {
                throw new IllegalStateException(program.name() + ": over " + budget);
            }
            if ((produced & 0x3FF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("enumeration of " + program.name()
                        + " interrupted after " + produced + " candidates");
            }
            sink.accept(new Execution(sk, rf, co));
            return;
        }
        for (Rel[] o : perLocation.get(k)) {
            product(sk, perLocation, k + 1, rf.union(o[0]), co.union(o[1]), sink);
        }
    }

    /** The (rf, co) choices on one data location. */
    private List<Rel[]> dataOptions(Skeleton sk, String l) {
        DataLocation d = DataLocation.of(sk, l);
        if (d == null) {
            return List.of();
        }
        List<Integer> rs = d.reads();
        List<int[]> sources = d.sources();
        List<Rel> coOrders = new ArrayList<>();
        permutations(d, 0, sk.n, coOrders);
        List<Rel[]> out = new ArrayList<>();
        for (Rel co : coOrders) {
            // A coherence order that contradicts program order fails whatever the reads do.
            if (!prefilter || Candidates.locallyConsistent(sk, Rel.empty(sk.n), co)) {
                rfChoices(sk, rs, sources, 0, Rel.empty(sk.n), co, out);
            }
        }
        return out;
    }

    private void rfChoices(Skeleton sk, List<Integer> rs, List<int[]> sources, int k, Rel rf, Rel co, List<Rel[]> out) {
        if (k == rs.size()) {
            if (!prefilter || Candidates.locallyConsistent(sk, rf, co)) {
                out.add(new Rel[] {rf, co});
            }
            return;
        }
        int r = rs.get(k);
        for (int w : sources.get(k)) {
            Rel more = rf.union(Rel.builder(sk.n).add(w, r).build());
            // Coherence and atomicity only get worse as reads are added (fr grows with rf), so a
            // violation now prunes every completion of this partial choice.
            if (prefilter && k + 1 < rs.size() && !Candidates.locallyConsistent(sk, more, co)) {
                continue;
            }
            rfChoices(sk, rs, sources, k + 1, more, co, out);
        }
    }

    /** Every total order of the location's writes after its initial write, as a transitive relation. */
    private static void permutations(DataLocation d, int k, int n, List<Rel> out) {
        List<Integer> ws = d.writes();
        if (k == ws.size()) {
            out.add(d.co(n));
            return;
        }
        for (int i = k; i < ws.size(); i++) {
            java.util.Collections.swap(ws, k, i);
            permutations(d, k + 1, n, out);
            java.util.Collections.swap(ws, k, i);
        }
    }
}
