package daxlab.cat;

import daxlab.outcome.Flag;
import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.CandidateBudgetExceeded;
import daxlab.axiomatic.CandidateExecutions;
import daxlab.axiomatic.Event;
import daxlab.axiomatic.Execution;
import daxlab.axiomatic.Model;
import daxlab.axiomatic.Rel;
import daxlab.axiomatic.Verdict;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Observable;
import daxlab.program.Program;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A memory model read from cat files and run by daxlab's interpreter: by default the LKMM as
 * the kernel's files state it ({@link #lkmm()}), or whatever files a kernel tree has
 * ({@link #load}).
 *
 * <p>{@link #run} counts executions the way herd7 does: from each choice of traces and of the
 * write each read of a data location reads ({@link CandidateExecutions#forEachReadsFrom}) and
 * of the final write of each observed location ({@code FW}), the model itself generates the
 * rest with its {@code with ... from}: coherence orders, and what lock.cat derives for
 * spinlocks. {@link #check} judges one complete candidate of daxlab's own enumeration (the
 * {@link Model} interface), by running the model on that candidate's start and keeping the path
 * that ends with the candidate's rf and co.
 * <pre>{@code
 * Axiomatic.Result r = CatModel.lkmm().run(program, Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "");
 * CatModel mine = CatModel.load("lkmm", ModelFiles.directory(Path.of("linux/tools/memory-model")));
 * }</pre>
 */
public final class CatModel implements Model {
    private final String name;
    private final Loader.Loaded model;

    private CatModel(String name, Loader.Loaded model) {
        this.name = name;
        this.model = model;
    }

    private static final class Shipped {
        static final CatModel LKMM = load("lkmm-cat", ModelFiles.shipped());
    }

    /** The LKMM from the files shipped in the jar (herdtools7 7.58's copy of the kernel's). */
    public static CatModel lkmm() {
        return Shipped.LKMM;
    }

    /**
     * Reads and compiles a model.
     *
     * @throws CatException for a file that is missing, does not parse ({@code file:line:col}) or
     *                      names something unbound
     */
    public static CatModel load(String name, ModelFiles files) {
        return new CatModel(name, Loader.load(files));
    }

    @Override
    public String name() {
        return name;
    }

    /** The model's own title ({@code Linux-kernel memory consistency model}). */
    public String title() {
        return model.title();
    }

    /** Where its files came from. */
    public String source() {
        return model.description();
    }

    /** An allowed execution and the flags it raised. */
    public record Allowed(Execution execution, Set<Flag> flags) {
    }

    /**
     * Every execution the model allows, as herd7 enumerates them.
     *
     * @return how many paths were examined (allowed or not)
     * @throws CandidateBudgetExceeded past {@code budget} paths
     */
    public long forEachAllowed(Program program, long budget, BiConsumer<Execution, Set<Flag>> sink) {
        long[] examined = {0};
        List<String> observed = new ArrayList<>();
        for (Observable o : program.observables()) {
            if (o.ref() instanceof Observable.Loc) {
                observed.add(((Observable.Loc) o.ref()).location());
            }
        }
        int rf = model.finalSlot("rf");
        int co = model.finalSlot("co");
        CandidateExecutions.forEachReadsFrom(program, budget, pre -> {
            for (long fw : finalWriteChoices(pre, observed)) {
                Interpreter.run(model.compiled(), View.bind(model, pre, fw), true, path -> {
                    if (++examined[0] > budget) {
                        throw new CandidateBudgetExceeded(program.name(), budget);
                    }
                    if (path.allowed()) {
                        Execution x = pre.with(relation(path.run(), rf), relation(path.run(), co));
                        // herd7 drops the executions a filter clause rejects before it counts or flags.
                        if (x.kept()) {
                            sink.accept(x, flags(path));
                        }
                    }
                });
            }
        });
        return examined[0];
    }

    /** Counts per outcome and the flags raised, as {@link Axiomatic#run} reports them. */
    public Axiomatic.Result run(Program program, Classifier classifier, long budget, String variant) {
        Map<Outcome, long[]> counts = new LinkedHashMap<>();
        Map<Outcome, Execution> witnesses = new LinkedHashMap<>();
        Map<Flag, Long> flags = new TreeMap<>();
        long examined = forEachAllowed(program, budget, (x, raised) -> {
            if (x.fault() != null) {
                throw new IllegalArgumentException(program.name() + ": " + x.fault());
            }
            Outcome o = x.outcome();
            counts.computeIfAbsent(o, k -> new long[1])[0]++;
            witnesses.putIfAbsent(o, x);
            for (Flag f : raised) {
                flags.merge(f, 1L, Long::sum);
            }
        });
        List<Histogram.Entry> entries = new ArrayList<>();
        counts.forEach((o, c) -> entries.add(new Histogram.Entry(o, BigInteger.valueOf(c[0]), classifier.grade(o),
                witnesses.get(o))));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("candidates", Long.toString(examined));
        Histogram.describeFlags(flags, facts);
        Histogram h = new Histogram(program.name(), variant, name, "executions", entries, facts, List.of(), flags);
        return new Axiomatic.Result(h, flags, examined, 0);
    }

    /** The flags a path raised, under the names its bell and cat files give them. */
    private static Set<Flag> flags(Interpreter.Path path) {
        Set<Flag> out = new java.util.TreeSet<>();
        path.flags().forEach(f -> out.add(new Flag(f)));
        return out;
    }

    @Override
    public Verdict check(Execution x) {
        Interpreter.Path path = pathOf(x);
        if (path == null) {
            // The model generates no such rf and co: it never considers this candidate.
            return Verdict.rejected("not generated by " + model.title(), "generated", null, Map.of());
        }
        if (path.allowed()) {
            return Verdict.consistent(flags(path));
        }
        return Verdict.rejected(path.failed().label(), path.failed().test().name().toLowerCase(java.util.Locale.ROOT),
                Interpreter.relationOf(path.run(), path.failedValue()), Map.of());
    }

    /**
     * What the model binds {@code name} to at its end, for candidate {@code x}: {@code hb},
     * {@code rcu-rscs}, a set as its identity relation ({@code [Marked]} for {@code Marked}).
     *
     * @throws CatException when the model has no such name, or never reaches x
     */
    public Rel relation(Execution x, String name) {
        Integer slot = model.compiled().finalSlots().get(name);
        if (slot == null) {
            throw new CatException(null, model.title() + " binds no " + name);
        }
        Interpreter.Path path = pathOf(x);
        if (path == null) {
            throw new CatException(null, model.title() + " does not generate this execution");
        }
        CatValue v = path.run().globals[slot].get();
        if (v instanceof CatValue.Events) {
            return Rel.id(x.size(), ((CatValue.Events) v).bits());
        }
        return Ops.rel(null, path.run(), v, name);
    }

    /** The model's path that ends with x's rf and co (run past failing axioms), or null. */
    private Interpreter.Path pathOf(Execution x) {
        long lock = x.set(e -> e.lock() != Event.LockPart.NONE);
        Execution pre = x.with(x.rf().to(x.reads() & ~lock), Rel.empty(x.size()));
        int rf = model.finalSlot("rf");
        int co = model.finalSlot("co");
        Interpreter.Path[] found = {null};
        Interpreter.run(model.compiled(), View.bind(model, pre, lastWrites(x, lock)), false, path -> {
            if (found[0] == null && relation(path.run(), rf).equals(x.rf()) && relation(path.run(), co).equals(x.co())) {
                found[0] = path;
            }
        });
        return found[0];
    }

    private static Rel relation(Run run, int slot) {
        return Ops.rel(null, run, run.globals[slot].get(), "rf and co");
    }

    /** The co-last non-lock write of each observed location of the candidate's program. */
    private static long lastWrites(Execution x, long lock) {
        long out = 0;
        for (Observable o : x.program().observables()) {
            if (!(o.ref() instanceof Observable.Loc)) {
                continue;
            }
            String l = ((Observable.Loc) o.ref()).location();
            for (int i = 0; i < x.size(); i++) {
                Event e = x.event(i);
                if (e.isWrite() && (lock >>> i & 1) == 0 && l.equals(e.location())
                        && (x.co().row(i) & x.writes() & ~lock) == 0) {
                    out |= 1L << i;
                }
            }
        }
        return out;
    }

    /**
     * herd7's choices of a final write for each observed location: any write to it other than
     * the initial one (which comes first in co), or the initial write when there is no other.
     */
    private static List<Long> finalWriteChoices(Execution x, List<String> observed) {
        List<Long> out = new ArrayList<>(List.of(0L));
        Set<String> seen = new LinkedHashSet<>();
        for (String l : observed) {
            if (!seen.add(l)) {
                continue;
            }
            long writes = 0;
            long init = 0;
            for (int i = 0; i < x.size(); i++) {
                Event e = x.event(i);
                if (e.isWrite() && e.lock() == Event.LockPart.NONE && l.equals(e.location())) {
                    if (e.isInit()) {
                        init |= 1L << i;
                    } else {
                        writes |= 1L << i;
                    }
                }
            }
            long options = writes != 0 ? writes : init;
            List<Long> next = new ArrayList<>();
            for (long partial : out) {
                for (long bits = options; bits != 0; bits &= bits - 1) {
                    next.add(partial | Long.lowestOneBit(bits));
                }
            }
            if (!next.isEmpty()) {
                out = next;
            }
        }
        return out;
    }
}
