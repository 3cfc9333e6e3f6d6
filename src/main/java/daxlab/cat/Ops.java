package daxlab.cat;

import daxlab.axiomatic.Rel;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The operators of cat on {@link Value}s: {@code 0} and {@code _} take the shape (set or
 * relation) of the other operand, and mixing a set with a relation is an error at the
 * operator's position.
 */
final class Ops {
    private Ops() {
    }

    static CatException mismatch(Pos pos, String op, Value a, Value b) {
        return new CatException(pos, "'" + op + "' between a " + a.kind() + " and a " + b.kind());
    }

    static boolean isEmpty(Value v) {
        return v.isEmpty();
    }

    /** Equal, counting every empty set or relation as {@code 0} (a fixpoint starts from {@code 0}). */
    static boolean same(Value a, Value b) {
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        return a.equals(b);
    }

    /** The value as a relation (a set is not one). */
    static Rel rel(Pos pos, Run run, Value v, String what) {
        if (v instanceof Value.Relation) {
            return ((Value.Relation) v).rel();
        } else if (v instanceof Value.Empty) {
            return Rel.empty(run.n);
        } else if (v instanceof Value.Universe) {
            return run.everyPair();
        }
        throw new CatException(pos, what + " needs a relation, got a " + v.kind());
    }

    /** The value as a set of events. */
    static long events(Pos pos, Run run, Value v, String what) {
        if (v instanceof Value.Events) {
            return ((Value.Events) v).bits();
        } else if (v instanceof Value.Empty) {
            return 0L;
        } else if (v instanceof Value.Universe) {
            return run.all;
        } else if (v instanceof Value.Event) {
            return 1L << ((Value.Event) v).id();
        }
        throw new CatException(pos, what + " needs a set of events, got a " + v.kind());
    }

    private static boolean isSetShaped(Value v) {
        return v instanceof Value.Events;
    }

    private static boolean isRelShaped(Value v) {
        return v instanceof Value.Relation;
    }

    static Value binary(Pos pos, Run run, Expr.BinaryOp op, Value a, Value b) {
        switch (op) {
            case UNION: return union(pos, run, a, b);
            case INTER: return inter(pos, run, a, b);
            case DIFF: return diff(pos, run, a, b);
            case SEQ: return new Value.Relation(rel(pos, run, a, "';'").seq(rel(pos, run, b, "';'")));
            case CARTESIAN:
                return new Value.Relation(Rel.product(run.n, events(pos, run, a, "'*'"), events(pos, run, b, "'*'")));
            default: return add(pos, run, a, b);
        }
    }

    private static Value union(Pos pos, Run run, Value a, Value b) {
        if (a instanceof Value.Empty) {
            return b;
        }
        if (b instanceof Value.Empty) {
            return a;
        }
        if (a instanceof Value.Universe || b instanceof Value.Universe) {
            return Value.UNIVERSE;
        }
        if (isSetShaped(a) && isSetShaped(b)) {
            return new Value.Events(((Value.Events) a).bits() | ((Value.Events) b).bits());
        }
        if (isRelShaped(a) && isRelShaped(b)) {
            return new Value.Relation(((Value.Relation) a).rel().union(((Value.Relation) b).rel()));
        }
        if (a instanceof Value.Values && b instanceof Value.Values) {
            Set<Value> s = new LinkedHashSet<>(((Value.Values) a).elements());
            s.addAll(((Value.Values) b).elements());
            return new Value.Values(s);
        }
        throw mismatch(pos, "|", a, b);
    }

    private static Value inter(Pos pos, Run run, Value a, Value b) {
        if (a instanceof Value.Empty || b instanceof Value.Empty) {
            return Value.EMPTY;
        }
        if (a instanceof Value.Universe) {
            return b;
        }
        if (b instanceof Value.Universe) {
            return a;
        }
        if (isSetShaped(a) && isSetShaped(b)) {
            return new Value.Events(((Value.Events) a).bits() & ((Value.Events) b).bits());
        }
        if (isRelShaped(a) && isRelShaped(b)) {
            return new Value.Relation(((Value.Relation) a).rel().inter(((Value.Relation) b).rel()));
        }
        if (a instanceof Value.Values && b instanceof Value.Values) {
            Set<Value> s = new LinkedHashSet<>(((Value.Values) a).elements());
            s.retainAll(((Value.Values) b).elements());
            return new Value.Values(s);
        }
        throw mismatch(pos, "&", a, b);
    }

    private static Value diff(Pos pos, Run run, Value a, Value b) {
        if (a instanceof Value.Empty || b instanceof Value.Universe) {
            return Value.EMPTY;
        }
        if (b instanceof Value.Empty) {
            return a;
        }
        if (a instanceof Value.Universe) {
            return complement(pos, run, b);
        }
        if (isSetShaped(a) && isSetShaped(b)) {
            return new Value.Events(((Value.Events) a).bits() & ~((Value.Events) b).bits());
        }
        if (isRelShaped(a) && isRelShaped(b)) {
            return new Value.Relation(((Value.Relation) a).rel().minus(((Value.Relation) b).rel()));
        }
        if (a instanceof Value.Values && b instanceof Value.Values) {
            Set<Value> s = new LinkedHashSet<>(((Value.Values) a).elements());
            s.removeAll(((Value.Values) b).elements());
            return new Value.Values(s);
        }
        throw mismatch(pos, "\\", a, b);
    }

    static Value complement(Pos pos, Run run, Value v) {
        if (v instanceof Value.Empty) {
            return Value.UNIVERSE;
        } else if (v instanceof Value.Universe) {
            return Value.EMPTY;
        } else if (v instanceof Value.Events) {
            return new Value.Events(run.all & ~((Value.Events) v).bits());
        } else if (v instanceof Value.Relation) {
            return new Value.Relation(run.everyPair().minus(((Value.Relation) v).rel()));
        }
        throw new CatException(pos, "'~' needs a set or a relation, got a " + v.kind());
    }

    /** {@code e ++ S}: adds an element to a set (an event to a set of events, a pair to a relation). */
    private static Value add(Pos pos, Run run, Value a, Value b) {
        if (b instanceof Value.Universe) {
            return b;
        }
        if (a instanceof Value.Event && (b instanceof Value.Empty || b instanceof Value.Events)) {
            return new Value.Events(events(pos, run, b, "'++'") | 1L << ((Value.Event) a).id());
        }
        if (a instanceof Value.Pair && (b instanceof Value.Empty || b instanceof Value.Relation)) {
            Value.Pair p = (Value.Pair) a;
            return new Value.Relation(rel(pos, run, b, "'++'").union(Rel.builder(run.n).add(p.from(), p.to()).build()));
        }
        if (b instanceof Value.Empty || b instanceof Value.Values) {
            Set<Value> s = new LinkedHashSet<>();
            s.add(a);
            if (b instanceof Value.Values) {
                s.addAll(((Value.Values) b).elements());
            }
            return new Value.Values(s);
        }
        throw mismatch(pos, "++", a, b);
    }

    static Value unary(Pos pos, Run run, Expr.UnaryOp op, Value v) {
        switch (op) {
            case COMPLEMENT: return complement(pos, run, v);
            case STAR: return new Value.Relation(rel(pos, run, v, "'*'").star());
            case PLUS: return v instanceof Value.Empty ? v : new Value.Relation(rel(pos, run, v, "'+'").plus());
            case OPT: return new Value.Relation(rel(pos, run, v, "'?'").opt());
            default: return v instanceof Value.Empty ? v : new Value.Relation(rel(pos, run, v, "'^-1'").inverse());
        }
    }

    static Value toId(Pos pos, Run run, Value v) {
        if (v instanceof Value.Empty) {
            return v;
        }
        return new Value.Relation(Rel.id(run.n, events(pos, run, v, "'[...]'")));
    }
}
