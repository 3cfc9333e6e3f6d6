package daxlab.cat;

import daxlab.axiomatic.Event;
import daxlab.axiomatic.Execution;
import daxlab.axiomatic.Rel;
import daxlab.program.Instr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What herd7 binds before a model runs, computed from one of daxlab's executions: the event
 * sets ({@code M R W IW FW F RMW}, the lock events {@code LKR LKW UL LF RL RU}, one set per
 * declared tag: {@code 'rcu-lock} gives {@code Rcu-lock}), the relations ({@code po loc int
 * ext id rmw addr data ctrl rf}) and the primitive functions. As in herd7's C semantics, lock
 * events are neither R nor W (lock.cat adds them) and {@code rf} and {@code rmw} leave them out;
 * {@code srcu_read_lock()} is a read and {@code srcu_read_unlock()} a write of the srcu_struct,
 * and the index flows from one to the other as {@code data}, so the bell matches sections itself.
 */
final class View {
    /** Names bound for every execution (the tag sets come on top, from the model's enums). */
    static final List<String> NAMES = List.of("M", "R", "W", "IW", "FW", "F", "RMW", "LK", "LKR", "LKW", "UL", "LF",
            "RL", "RU", "po", "loc", "int", "ext", "id", "rmw", "addr", "data", "ctrl", "rf", "domain", "range",
            "different-values", "linearisations", "classes-loc", "map", "cross");

    /** Above this many orders {@code linearisations} gives up: the program is too large. */
    static final int MAX_ORDERS = 1_000_000;

    private View() {
    }

    /** {@code 'rcu-lock} names the set {@code Rcu-lock}: the first letter capitalised, as herd7 does. */
    static String setOfTag(String tag) {
        return Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
    }

    /**
     * The kernel primitive (as linux-kernel.def names it) that stands for an event of daxlab's
     * IR, or null for an event no primitive makes (a plain access, an initial write, the end of
     * a grace period). The IR keeps orderings, not spellings: a Once load is READ_ONCE whether
     * it was written READ_ONCE or rcu_dereference, which the .def tags alike.
     */
    static String primitive(Event e) {
        if (e.isInit()) {
            return null;
        }
        Instr src = e.source().orElseThrow();
        if (e.lock() != Event.LockPart.NONE) {
            return ((Instr.Lock) src).op().kernelName();
        }
        switch (e.kind()) {
            case READ:
            case WRITE:
                if (src instanceof Instr.Rmw) {
                    return ((Instr.Rmw) src).kernelName();
                }
                switch (e.mode()) {
                    case ONCE: return e.kind() == Event.Kind.READ ? "READ_ONCE" : "WRITE_ONCE";
                    case ACQUIRE: return "smp_load_acquire";
                    case RELEASE: return "smp_store_release";
                    default: return null;
                }
            case FENCE:
                return e.fence().kernelName();
            case SRCU_LOCK:
            case SRCU_UNLOCK:
            case SRCU_SYNC:
                return ((Instr.Srcu) src).kernelName();
            default:
                return null;
        }
    }

    /**
     * Binds the host names of {@code model} for execution {@code x}.
     *
     * @param finalWrites the FW set: the write chosen last for each observed location
     */
    static Run bind(Loader.Loaded model, Execution x, long finalWrites) {
        CatValue.Cell[] globals = new CatValue.Cell[model.compiled().slots()];
        Run run = new Run(globals, x);
        Map<String, CatValue> v = new HashMap<>();
        long lock = x.set(e -> e.lock() != Event.LockPart.NONE);
        long memory = x.set(e -> e.isMemory()) & ~lock;
        v.put("M", new CatValue.Events(memory));
        v.put("R", new CatValue.Events(x.reads() & ~lock));
        v.put("W", new CatValue.Events(x.writes() & ~lock));
        v.put("IW", new CatValue.Events(x.inits()));
        v.put("FW", new CatValue.Events(finalWrites));
        v.put("F", new CatValue.Events(x.set(e -> e.kind() == Event.Kind.FENCE)));
        v.put("RMW", new CatValue.Events(x.set(e -> e.rmw() != Event.RmwPart.NONE)));
        long lkr = x.set(e -> e.lock() == Event.LockPart.LKR);
        long lkw = x.set(e -> e.lock() == Event.LockPart.LKW);
        v.put("LK", new CatValue.Events(lkr | lkw));
        v.put("LKR", new CatValue.Events(lkr));
        v.put("LKW", new CatValue.Events(lkw));
        v.put("UL", new CatValue.Events(x.set(e -> e.lock() == Event.LockPart.UL)));
        v.put("LF", new CatValue.Events(x.set(e -> e.lock() == Event.LockPart.LF)));
        v.put("RL", new CatValue.Events(x.set(e -> e.lock() == Event.LockPart.RL)));
        v.put("RU", new CatValue.Events(x.set(e -> e.lock() == Event.LockPart.RU)));
        v.put("po", new CatValue.Relation(x.po()));
        v.put("loc", new CatValue.Relation(sameLocation(x)));
        v.put("int", new CatValue.Relation(x.internal()));
        v.put("ext", new CatValue.Relation(x.external()));
        v.put("id", new CatValue.Relation(x.id()));
        v.put("rmw", new CatValue.Relation(x.rmw().restrict(~lock, ~lock)));
        v.put("addr", new CatValue.Relation(x.addr()));
        v.put("data", new CatValue.Relation(x.data()));
        v.put("ctrl", new CatValue.Relation(x.ctrl()));
        v.put("rf", new CatValue.Relation(x.rf()));
        v.put("domain", new CatValue.Builtin("domain", (pos, a) -> new CatValue.Events(Ops.rel(pos, run, a, "domain").domain())));
        v.put("range", new CatValue.Builtin("range", (pos, a) -> new CatValue.Events(Ops.rel(pos, run, a, "range").range())));
        v.put("different-values", new CatValue.Builtin("different-values", (pos, a) -> differentValues(pos, run, a)));
        v.put("linearisations", new CatValue.Builtin("linearisations", (pos, a) -> linearisations(pos, run, a)));
        v.put("classes-loc", new CatValue.Builtin("classes-loc", (pos, a) -> classesByLocation(pos, run, a)));
        v.put("map", new CatValue.Builtin("map", (pos, f) -> new CatValue.Builtin("map", (p2, s) -> map(p2, run, f, s))));
        v.put("cross", new CatValue.Builtin("cross", (pos, a) -> cross(pos, run, a)));
        Map<String, Long> tagged = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            for (String tag : model.tags(x.event(i))) {
                tagged.merge(setOfTag(tag), 1L << i, (a, b) -> a | b);
            }
        }
        for (String set : model.tagSets()) {
            v.put(set, new CatValue.Events(tagged.getOrDefault(set, 0L)));
        }
        for (Map.Entry<String, Integer> h : model.compiled().hostSlots().entrySet()) {
            CatValue value = v.get(h.getKey());
            if (value == null) {
                throw new IllegalStateException("no built-in value for " + h.getKey());
            }
            globals[h.getValue()] = new CatValue.Cell(value);
        }
        return run;
    }

    /** Events with the same location: memory and lock events by address, SRCU markers by srcu_struct. */
    private static Rel sameLocation(Execution x) {
        Map<String, Long> byLocation = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            Event e = x.event(i);
            if (e.hasLocation() && e.kind() != Event.Kind.GP_END) {
                byLocation.merge(e.location(), 1L << i, (a, b) -> a | b);
            }
        }
        long[] rows = new long[x.size()];
        for (int i = 0; i < rows.length; i++) {
            Event e = x.event(i);
            if (e.hasLocation() && e.kind() != Event.Kind.GP_END) {
                rows[i] = byLocation.get(e.location());
            }
        }
        return Rel.of(rows);
    }

    private static CatValue differentValues(CatPos pos, Run run, CatValue a) {
        Rel r = Ops.rel(pos, run, a, "different-values");
        Rel.Builder b = Rel.builder(run.n);
        for (int[] p : r.pairs()) {
            Event u = run.execution.event(p[0]);
            Event w = run.execution.event(p[1]);
            if (u.hasValue() && w.hasValue() && !u.value().equals(w.value())) {
                b.add(p[0], p[1]);
            }
        }
        return new CatValue.Relation(b.build());
    }

    /** {@code linearisations(S, r)}: every total order of S that contains r (restricted to S). */
    private static CatValue linearisations(CatPos pos, Run run, CatValue a) {
        if (!(a instanceof CatValue.Tuple) || ((CatValue.Tuple) a).elements().size() != 2) {
            throw new CatException(pos, "linearisations takes a set and a relation");
        }
        long s = Ops.events(pos, run, ((CatValue.Tuple) a).elements().get(0), "linearisations");
        Rel r = Ops.rel(pos, run, ((CatValue.Tuple) a).elements().get(1), "linearisations").restrict(s, s);
        Set<CatValue> out = new LinkedHashSet<>();
        orders(pos, run.n, r, s, new ArrayList<>(), out);
        return out.isEmpty() ? CatValue.EMPTY : new CatValue.Values(out);
    }

    private static void orders(CatPos pos, int n, Rel r, long left, List<Integer> prefix, Set<CatValue> out) {
        if (left == 0) {
            Rel.Builder b = Rel.builder(n);
            for (int i = 0; i < prefix.size(); i++) {
                for (int j = i + 1; j < prefix.size(); j++) {
                    b.add(prefix.get(i), prefix.get(j));
                }
            }
            out.add(new CatValue.Relation(b.build()));
            if (out.size() > MAX_ORDERS) {
                throw new CatException(pos, "more than " + MAX_ORDERS + " linearisations: the program is too large");
            }
            return;
        }
        for (long bits = left; bits != 0; bits &= bits - 1) {
            int e = Long.numberOfTrailingZeros(bits);
            boolean minimal = true;
            for (long others = left & ~(1L << e); others != 0; others &= others - 1) {
                if (r.has(Long.numberOfTrailingZeros(others), e)) {
                    minimal = false;
                    break;
                }
            }
            if (minimal) {
                prefix.add(e);
                orders(pos, n, r, left & ~(1L << e), prefix, out);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    /** {@code classes-loc(S)}: S split by location. */
    private static CatValue classesByLocation(CatPos pos, Run run, CatValue a) {
        long s = Ops.events(pos, run, a, "classes-loc");
        Map<String, Long> classes = new LinkedHashMap<>();
        for (long bits = s; bits != 0; bits &= bits - 1) {
            int i = Long.numberOfTrailingZeros(bits);
            String l = run.execution.event(i).location();
            if (l != null) {
                classes.merge(l, 1L << i, (u, w) -> u | w);
            }
        }
        Set<CatValue> out = new LinkedHashSet<>();
        classes.values().forEach(c -> out.add(new CatValue.Events(c)));
        return out.isEmpty() ? CatValue.EMPTY : new CatValue.Values(out);
    }

    /** {@code map f S}: {@code f} applied to each element, the results gathered with {@code ++}. */
    private static CatValue map(CatPos pos, Run run, CatValue f, CatValue s) {
        List<CatValue> elements = new ArrayList<>();
        if (s instanceof CatValue.Events) {
            for (long bits = ((CatValue.Events) s).bits(); bits != 0; bits &= bits - 1) {
                elements.add(new CatValue.Event(Long.numberOfTrailingZeros(bits)));
            }
        } else if (s instanceof CatValue.Relation) {
            for (int[] p : ((CatValue.Relation) s).rel().pairs()) {
                elements.add(new CatValue.Pair(p[0], p[1]));
            }
        } else if (s instanceof CatValue.Values) {
            elements.addAll(((CatValue.Values) s).elements());
        } else if (!(s instanceof CatValue.Empty)) {
            throw new CatException(pos, "map needs a set, got a " + s.kind());
        }
        // The results gathered as ++ gathers them: events into a set of events, pairs into a
        // relation, anything else into a set of values.
        List<CatValue> results = new ArrayList<>();
        for (CatValue e : elements) {
            results.add(Compiler.apply(pos, f, e));
        }
        if (results.isEmpty()) {
            return CatValue.EMPTY;
        }
        if (results.stream().allMatch(v -> v instanceof CatValue.Event)) {
            long bits = 0;
            for (CatValue v : results) {
                bits |= 1L << ((CatValue.Event) v).id();
            }
            return new CatValue.Events(bits);
        }
        if (results.stream().allMatch(v -> v instanceof CatValue.Pair)) {
            Rel.Builder b = Rel.builder(run.n);
            results.forEach(v -> b.add(((CatValue.Pair) v).from(), ((CatValue.Pair) v).to()));
            return new CatValue.Relation(b.build());
        }
        return new CatValue.Values(new LinkedHashSet<>(results));
    }

    /** {@code cross(SS)}: every union of one element from each set of SS. */
    private static CatValue cross(CatPos pos, Run run, CatValue a) {
        List<CatValue> acc = new ArrayList<>(List.of(CatValue.EMPTY));
        if (a instanceof CatValue.Values) {
            for (CatValue choices : ((CatValue.Values) a).elements()) {
                if (choices instanceof CatValue.Empty) {
                    return CatValue.EMPTY;
                }
                if (!(choices instanceof CatValue.Values)) {
                    throw new CatException(pos, "cross needs a set of sets, found a " + choices.kind());
                }
                List<CatValue> next = new ArrayList<>();
                for (CatValue partial : acc) {
                    for (CatValue c : ((CatValue.Values) choices).elements()) {
                        next.add(Ops.binary(pos, run, CatExpr.BinaryOp.UNION, partial, c));
                    }
                }
                acc = next;
            }
        } else if (!(a instanceof CatValue.Empty)) {
            throw new CatException(pos, "cross needs a set of sets, got a " + a.kind());
        }
        return new CatValue.Values(new LinkedHashSet<>(acc));
    }
}
