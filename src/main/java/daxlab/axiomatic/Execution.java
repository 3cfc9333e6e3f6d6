package daxlab.axiomatic;

import daxlab.outcome.Outcome;
import daxlab.outcome.Race;
import daxlab.outcome.Witness;
import daxlab.program.Instr;
import daxlab.program.Observable;
import daxlab.program.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A candidate execution: the events, program order, dependencies and the chosen reads-from
 * ({@code rf}) and coherence order ({@code co}), with the relations every model derives from
 * them ({@code fr}, and the internal/external parts). A model says whether it is consistent.
 * As a {@link Witness} it prints one line per event with its outgoing edges.
 */
public final class Execution implements Witness {
    private final Skeleton sk;
    private final Rel rf;
    private final Rel co;
    private final Rel fr;
    private Rel srcuRscs;

    Execution(Skeleton sk, Rel rf, Rel co) {
        this.sk = sk;
        this.rf = rf;
        this.co = co;
        this.fr = rf.inverse().seq(co).minus(Rel.id(sk.n, -1L));
    }

    /**
     * The same events, program order and dependencies with another {@code rf} and {@code co}:
     * how a model that chooses them itself (a cat file run by {@code daxlab.cat}) completes a
     * candidate.
     */
    public Execution with(Rel rf, Rel co) {
        return new Execution(sk, rf, co);
    }

    /** Reads-from: the write each read takes its value from. */
    public Rel rf() {
        return rf;
    }

    /** Coherence order: the order of the writes to each location. */
    public Rel co() {
        return co;
    }

    /** From-read: a read before every write coherence-after the one it read from ({@code rf^-1 ; co}). */
    public Rel fr() {
        return fr;
    }

    /** The program this is an execution of. */
    public daxlab.program.Program program() {
        return sk.program;
    }

    /** Why a thread stopped early in this execution (it accessed a non-location), or null. */
    public String fault() {
        return sk.fault;
    }

    public int size() {
        return sk.n;
    }

    public Event event(int i) {
        return sk.events[i];
    }

    public List<Event> events() {
        return List.of(sk.events);
    }

    public Rel po() {
        return sk.po;
    }

    public Rel loc() {
        return sk.loc;
    }

    public Rel poLoc() {
        return sk.po.inter(sk.loc);
    }

    /** Pairs of events of the same thread ({@code int}). */
    public Rel internal() {
        return sk.internal;
    }

    /** Pairs of events of different threads, initial writes included ({@code ext}). */
    public Rel external() {
        return sk.external;
    }

    public Rel rmw() {
        return sk.rmw;
    }

    public Rel addr() {
        return sk.addr;
    }

    public Rel data() {
        return sk.data;
    }

    /** herd7's C ctrl: from a read to the events in the body of a branch on it. */
    public Rel ctrl() {
        return sk.ctrl;
    }

    /** A CPU's ctrl: from a read to every event after a branch on it. */
    public Rel ctrlAfter() {
        return sk.ctrlAfter;
    }

    public Rel rcuRscs() {
        return sk.rcuRscs;
    }

    /**
     * The SRCU read-side sections, as linux-kernel.bell matches them: each
     * {@code srcu_read_lock()} with the {@code srcu_read_unlock()} of the same srcu_struct whose
     * index carries the value it read (through registers, or stored and read back under this
     * execution's {@code rf}).
     */
    public Rel srcuRscs() {
        if (srcuRscs == null) {
            srcuRscs = sk.srcuRscs(rf);
        }
        return srcuRscs;
    }

    /** {@code srcu_read_lock()} events. */
    public long srcuLocks() {
        return sk.srcuLocks;
    }

    /** {@code srcu_read_unlock()} events. */
    public long srcuUnlocks() {
        return sk.srcuUnlocks;
    }

    /** Pairs of SRCU events ({@code srcu_read_lock/unlock}, {@code synchronize_srcu}) of the same srcu_struct. */
    public Rel sameDomain() {
        return sk.sameDomain;
    }

    public Rel rfe() {
        return rf.inter(sk.external);
    }

    public Rel rfi() {
        return rf.inter(sk.internal);
    }

    public Rel coe() {
        return co.inter(sk.external);
    }

    public Rel coi() {
        return co.inter(sk.internal);
    }

    public Rel fre() {
        return fr.inter(sk.external);
    }

    public Rel id() {
        return Rel.id(sk.n, -1L);
    }

    /** {@code [S]} */
    public Rel id(long s) {
        return Rel.id(sk.n, s);
    }

    public Rel product(long s, long t) {
        return Rel.product(sk.n, s, t);
    }

    public long reads() {
        return sk.reads;
    }

    public long writes() {
        return sk.writes;
    }

    public long inits() {
        return sk.inits;
    }

    public long memory() {
        return sk.memory;
    }

    /** All events. */
    public long all() {
        return sk.n == 64 ? -1L : (1L << sk.n) - 1;
    }

    /** The set of events satisfying {@code p}. */
    public long set(java.util.function.Predicate<Event> p) {
        return sk.set(p);
    }

    /** {@code fencerel(S)} of cat: {@code po ; [S] ; po}. */
    public Rel fencerel(long s) {
        return sk.po.to(s).seq(sk.po);
    }

    /** The final value of each observable: the co-last write of a location, a thread's register. */
    public Outcome outcome() {
        return outcome(sk.program.observables());
    }

    /** Whether the program's filter, if any, keeps this execution (herd7 drops the others uncounted). */
    public boolean kept() {
        return sk.program.finalFilter().map(f -> f.keeps(outcome(f.observables()).fields()::get)).orElse(true);
    }

    /** The final values of the given observables. */
    Outcome outcome(List<Observable> observables) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Observable o : observables) {
            if (o.ref() instanceof Observable.Loc) {
                fields.put(o.name(), finalValue(((Observable.Loc) o.ref()).location()));
            } else {
                Observable.Register r = (Observable.Register) o.ref();
                int t = threadIndex(r.thread());
                Value v = sk.traces.get(t).registers().get(r.register());
                fields.put(o.name(), v == null ? Value.of(0) : v);
            }
        }
        return new Outcome(fields);
    }

    private Value finalValue(String location) {
        Value last = null;
        for (int i = 0; i < sk.n; i++) {
            Event e = sk.events[i];
            if (e.isWrite() && e.location().equals(location) && (co.row(i) & sk.writes) == 0) {
                last = e.value();
            }
        }
        return last;
    }

    private int threadIndex(String name) {
        for (int t = 0; t < sk.program.threads().size(); t++) {
            if (sk.program.threads().get(t).name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no thread " + name);
    }

    /** {@code a: P0 fs_put_dax: W[plain] holder_ops=NULL} */
    public String describe(int i) {
        Event e = sk.events[i];
        return name(i) + ": " + threadName(i) + e.function().map(f -> " " + f).orElse("") + ": " + e.label();
    }

    /** The name of event {@code i}'s thread ({@code P0}), or {@code init} for an initial write. */
    public String threadName(int i) {
        Event e = sk.events[i];
        return e.thread() < 0 ? "init" : sk.program.threads().get(e.thread()).name();
    }

    /**
     * Event {@code i} as one side of a race: its thread, its kernel function and its instruction
     * as kernel C ({@code holder_ops = opsB}); an initial write has no instruction and shows its label.
     */
    public Race.Access access(int i) {
        Event e = sk.events[i];
        Race.Op op = e.rmw() != Event.RmwPart.NONE ? Race.Op.RMW : e.isRead() ? Race.Op.LOAD : Race.Op.STORE;
        String code = e.source().map(Instr::text).orElse(e.label());
        return new Race.Access(threadName(i), e.function(), code, op, !Lkmm.marked(e));
    }

    /**
     * The racing pairs of this execution as races counted once each, the side of the
     * lower-numbered thread first (initial writes before every thread).
     */
    public List<Race> races(Rel pairs) {
        List<Race> out = new ArrayList<>();
        for (int[] p : pairs.pairs()) {
            int a = p[0];
            int b = p[1];
            if (sk.events[b].thread() < sk.events[a].thread()) {
                a = p[1];
                b = p[0];
            }
            Race r = new Race(sk.events[a].location(), access(a), access(b), 1);
            if (!out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Events are named a, b, c, ... as in herd7's pictures. */
    public static String name(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : "e" + i;
    }

    @Override
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        Rel coImmediate = co.minus(co.seq(co));
        for (int i = 0; i < sk.n; i++) {
            StringBuilder sb = new StringBuilder(describe(i));
            edges(sb, "rf", rf, i);
            edges(sb, "co", coImmediate, i);
            edges(sb, "addr", sk.addr, i);
            edges(sb, "data", sk.data, i);
            edges(sb, "ctrl", sk.ctrl, i);
            edges(sb, "rmw", sk.rmw, i);
            out.add(sb.toString());
        }
        return out;
    }

    private static void edges(StringBuilder sb, String label, Rel r, int i) {
        long bits = r.row(i);
        while (bits != 0) {
            int j = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            sb.append("  -").append(label).append("-> ").append(name(j));
        }
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
