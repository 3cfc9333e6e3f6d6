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
        Instr src = e.source();
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
        Value.Cell[] globals = new Value.Cell[model.compiled().slots()];
        Run run = new Run(globals, x);
        Map<String, Value> v = new HashMap<>();
        long lock = x.set(e -> e.lock() != Event.LockPart.NONE);
        long memory = x.set(e -> e.isMemory()) & ~lock;
        v.put("M", new Value.Events(memory));
        v.put("R", new Value.Events(x.reads() & ~lock));
        v.put("W", new Value.Events(x.writes() & ~lock));
        v.put("IW", new Value.Events(x.inits()));
        v.put("FW", new Value.Events(finalWrites));
        v.put("F", new Value.Events(x.set(e -> e.kind() == Event.Kind.FENCE)));
        v.put("RMW", new Value.Events(x.set(e -> e.rmw() != Event.RmwPart.NONE)));
        long lkr = x.set(e -> e.lock() == Event.LockPart.LKR);
        long lkw = x.set(e -> e.lock() == Event.LockPart.LKW);
        v.put("LK", new Value.Events(lkr | lkw));
        v.put("LKR", new Value.Events(lkr));
        v.put("LKW", new Value.Events(lkw));
        v.put("UL", new Value.Events(x.set(e -> e.lock() == Event.LockPart.UL)));
        v.put("LF", new Value.Events(x.set(e -> e.lock() == Event.LockPart.LF)));
        v.put("RL", new Value.Events(x.set(e -> e.lock() == Event.LockPart.RL)));
        v.put("RU", new Value.Events(x.set(e -> e.lock() == Event.LockPart.RU)));
        v.put("po", new Value.Relation(x.po()));
        v.put("loc", new Value.Relation(sameLocation(x)));
        v.put("int", new Value.Relation(x.internal()));
        v.put("ext", new Value.Relation(x.external()));
        v.put("id", new Value.Relation(x.id()));
        v.put("rmw", new Value.Relation(x.rmw().restrict(~lock, ~lock)));
        v.put("addr", new Value.Relation(x.addr()));
        v.put("data", new Value.Relation(x.data()));
        v.put("ctrl", new Value.Relation(x.ctrl()));
        v.put("rf", new Value.Relation(x.rf));
        v.put("domain", new Value.Builtin("domain", (pos, a) -> new Value.Events(Ops.rel(pos, run, a, "domain").domain())));
        v.put("range", new Value.Builtin("range", (pos, a) -> new Value.Events(Ops.rel(pos, run, a, "range").range())));
        v.put("different-values", new Value.Builtin("different-values", (pos, a) -> differentValues(pos, run, a)));
        v.put("linearisations", new Value.Builtin("linearisations", (pos, a) -> linearisations(pos, run, a)));
        v.put("classes-loc", new Value.Builtin("classes-loc", (pos, a) -> classesByLocation(pos, run, a)));
        v.put("map", new Value.Builtin("map", (pos, f) -> new Value.Builtin("map", (p2, s) -> map(p2, run, f, s))));
        v.put("cross", new Value.Builtin("cross", (pos, a) -> cross(pos, run, a)));
        Map<String, Long> tagged = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            for (String tag : model.tags(x.event(i))) {
                tagged.merge(setOfTag(tag), 1L << i, (a, b) -> a | b);
            }
        }
        for (String set : model.tagSets()) {
            v.put(set, new Value.Events(tagged.getOrDefault(set, 0L)));
        }
        for (Map.Entry<String, Integer> h : model.compiled().hostSlots().entrySet()) {
            Value value = v.get(h.getKey());
            if (value == null) {
                throw new IllegalStateException("no built-in value for " + h.getKey());
            }
            globals[h.getValue()] = new Value.Cell(value);
        }
        return run;
    }

    /** Events with the same location: memory and lock events by address, SRCU markers by srcu_struct. */
    private static Rel sameLocation(Execution x) {
        Map<String, Long> byLocation = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            Event e = x.event(i);
            if (e.location() != null && e.kind() != Event.Kind.GP_END) {
                byLocation.merge(e.location(), 1L << i, (a, b) -> a | b);
            }
        }
        long[] rows = new long[x.size()];
        for (int i = 0; i < rows.length; i++) {
            Event e = x.event(i);
            if (e.location() != null && e.kind() != Event.Kind.GP_END) {
                rows[i] = byLocation.get(e.location());
            }
        }
        return Rel.of(rows);
    }

    private static Value differentValues(Pos pos, Run run, Value a) {
        Rel r = Ops.rel(pos, run, a, "different-values");
        Rel.Builder b = Rel.builder(run.n);
        for (int[] p : r.pairs()) {
            Object u = run.execution.event(p[0]).value();
            Object w = run.execution.event(p[1]).value();
            if (u != null && w != null && !u.equals(w)) {
                b.add(p[0], p[1]);
            }
        }
        return new Value.Relation(b.build());
    }

    /** {@code linearisations(S, r)}: every total order of S that contains r (restricted to S). */
    private static Value linearisations(Pos pos, Run run, Value a) {
        if (!(a instanceof Value.Tuple) || ((Value.Tuple) a).elements().size() != 2) {
            throw new CatException(pos, "linearisations takes a set and a relation");
        }
        long s = Ops.events(pos, run, ((Value.Tuple) a).elements().get(0), "linearisations");
        Rel r = Ops.rel(pos, run, ((Value.Tuple) a).elements().get(1), "linearisations").restrict(s, s);
        Set<Value> out = new LinkedHashSet<>();
        orders(pos, run.n, r, s, new ArrayList<>(), out);
        return out.isEmpty() ? Value.EMPTY : new Value.Values(out);
    }

    private static void orders(Pos pos, int n, Rel r, long left, List<Integer> prefix, Set<Value> out) {
        if (left == 0) {
            Rel.Builder b = Rel.builder(n);
            for (int i = 0; i < prefix.size(); i++) {
                for (int j = i + 1; j < prefix.size(); j++) {
                    b.add(prefix.get(i), prefix.get(j));
                }
            }
            out.add(new Value.Relation(b.build()));
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
    private static Value classesByLocation(Pos pos, Run run, Value a) {
        long s = Ops.events(pos, run, a, "classes-loc");
        Map<String, Long> classes = new LinkedHashMap<>();
        for (long bits = s; bits != 0; bits &= bits - 1) {
            int i = Long.numberOfTrailingZeros(bits);
            String l = run.execution.event(i).location();
            if (l != null) {
                classes.merge(l, 1L << i, (u, w) -> u | w);
            }
        }
        Set<Value> out = new LinkedHashSet<>();
        classes.values().forEach(c -> out.add(new Value.Events(c)));
        return out.isEmpty() ? Value.EMPTY : new Value.Values(out);
    }

    /** {@code map f S}: {@code f} applied to each element, the results gathered with {@code ++}. */
    private static Value map(Pos pos, Run run, Value f, Value s) {
        List<Value> elements = new ArrayList<>();
        if (s instanceof Value.Events) {
            for (long bits = ((Value.Events) s).bits(); bits != 0; bits &= bits - 1) {
                elements.add(new Value.Event(Long.numberOfTrailingZeros(bits)));
            }
        } else if (s instanceof Value.Relation) {
            for (int[] p : ((Value.Relation) s).rel().pairs()) {
                elements.add(new Value.Pair(p[0], p[1]));
            }
        } else if (s instanceof Value.Values) {
            elements.addAll(((Value.Values) s).elements());
        } else if (!(s instanceof Value.Empty)) {
            throw new CatException(pos, "map needs a set, got a " + s.kind());
        }
        // The results gathered as ++ gathers them: events into a set of events, pairs into a
        // relation, anything else into a set of values.
        List<Value> results = new ArrayList<>();
        for (Value e : elements) {
            results.add(Compiler.apply(pos, f, e));
        }
        if (results.isEmpty()) {
            return Value.EMPTY;
        }
        if (results.stream().allMatch(v -> v instanceof Value.Event)) {
            long bits = 0;
            for (Value v : results) {
                bits |= 1L << ((Value.Event) v).id();
            }
            return new Value.Events(bits);
        }
        if (results.stream().allMatch(v -> v instanceof Value.Pair)) {
            Rel.Builder b = Rel.builder(run.n);
            results.forEach(v -> b.add(((Value.Pair) v).from(), ((Value.Pair) v).to()));
            return new Value.Relation(b.build());
        }
        return new Value.Values(new LinkedHashSet<>(results));
    }

    /** {@code cross(SS)}: every union of one element from each set of SS. */
    private static Value cross(Pos pos, Run run, Value a) {
        List<Value> acc = new ArrayList<>(List.of(Value.EMPTY));
        if (a instanceof Value.Values) {
            for (Value choices : ((Value.Values) a).elements()) {
                if (choices instanceof Value.Empty) {
                    return Value.EMPTY;
                }
                if (!(choices instanceof Value.Values)) {
                    throw new CatException(pos, "cross needs a set of sets, found a " + choices.kind());
                }
                List<Value> next = new ArrayList<>();
                for (Value partial : acc) {
                    for (Value c : ((Value.Values) choices).elements()) {
                        next.add(Ops.binary(pos, run, Expr.BinaryOp.UNION, partial, c));
                    }
                }
                acc = next;
            }
        } else if (!(a instanceof Value.Empty)) {
            throw new CatException(pos, "cross needs a set of sets, got a " + a.kind());
        }
        return new Value.Values(new LinkedHashSet<>(acc));
    }
}
