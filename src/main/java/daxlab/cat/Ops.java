package daxlab.cat;

import daxlab.axiomatic.Rel;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The operators of cat on {@link CatValue}s: {@code 0} and {@code _} take the shape (set or
 * relation) of the other operand, and mixing a set with a relation is an error at the
 * operator's position.
 */
final class Ops {
    private Ops() {
    }

    static CatException mismatch(CatPos pos, String op, CatValue a, CatValue b) {
        return new CatException(pos, "'" + op + "' between a " + a.kind() + " and a " + b.kind());
    }

    static boolean isEmpty(CatValue v) {
        return v.isEmpty();
    }

    /** Equal, counting every empty set or relation as {@code 0} (a fixpoint starts from {@code 0}). */
    static boolean same(CatValue a, CatValue b) {
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        return a.equals(b);
    }

    /** The value as a relation (a set is not one). */
    static Rel rel(CatPos pos, Run run, CatValue v, String what) {
        if (v instanceof CatValue.Relation) {
            return ((CatValue.Relation) v).rel();
        } else if (v instanceof CatValue.Empty) {
            return Rel.empty(run.n);
        } else if (v instanceof CatValue.Universe) {
            return run.everyPair();
        }
        throw new CatException(pos, what + " needs a relation, got a " + v.kind());
    }

    /** The value as a set of events. */
    static long events(CatPos pos, Run run, CatValue v, String what) {
        if (v instanceof CatValue.Events) {
            return ((CatValue.Events) v).bits();
        } else if (v instanceof CatValue.Empty) {
            return 0L;
        } else if (v instanceof CatValue.Universe) {
            return run.all;
        } else if (v instanceof CatValue.Event) {
            return 1L << ((CatValue.Event) v).id();
        }
        throw new CatException(pos, what + " needs a set of events, got a " + v.kind());
    }

    private static boolean isSetShaped(CatValue v) {
        return v instanceof CatValue.Events;
    }

    private static boolean isRelShaped(CatValue v) {
        return v instanceof CatValue.Relation;
    }

    static CatValue binary(CatPos pos, Run run, CatExpr.BinaryOp op, CatValue a, CatValue b) {
        switch (op) {
            case UNION: return union(pos, run, a, b);
            case INTER: return inter(pos, run, a, b);
            case DIFF: return diff(pos, run, a, b);
            case SEQ: return new CatValue.Relation(rel(pos, run, a, "';'").seq(rel(pos, run, b, "';'")));
            case CARTESIAN:
                return new CatValue.Relation(Rel.product(run.n, events(pos, run, a, "'*'"), events(pos, run, b, "'*'")));
            default: return add(pos, run, a, b);
        }
    }

    private static CatValue union(CatPos pos, Run run, CatValue a, CatValue b) {
        if (a instanceof CatValue.Empty) {
            return b;
        }
        if (b instanceof CatValue.Empty) {
            return a;
        }
        if (a instanceof CatValue.Universe || b instanceof CatValue.Universe) {
            return CatValue.UNIVERSE;
        }
        if (isSetShaped(a) && isSetShaped(b)) {
            return new CatValue.Events(((CatValue.Events) a).bits() | ((CatValue.Events) b).bits());
        }
        if (isRelShaped(a) && isRelShaped(b)) {
            return new CatValue.Relation(((CatValue.Relation) a).rel().union(((CatValue.Relation) b).rel()));
        }
        if (a instanceof CatValue.Values && b instanceof CatValue.Values) {
            Set<CatValue> s = new LinkedHashSet<>(((CatValue.Values) a).elements());
            s.addAll(((CatValue.Values) b).elements());
            return new CatValue.Values(s);
        }
        throw mismatch(pos, "|", a, b);
    }

    private static CatValue inter(CatPos pos, Run run, CatValue a, CatValue b) {
        if (a instanceof CatValue.Empty || b instanceof CatValue.Empty) {
            return CatValue.EMPTY;
        }
        if (a instanceof CatValue.Universe) {
            return b;
        }
        if (b instanceof CatValue.Universe) {
            return a;
        }
        if (isSetShaped(a) && isSetShaped(b)) {
            return new CatValue.Events(((CatValue.Events) a).bits() & ((CatValue.Events) b).bits());
        }
        if (isRelShaped(a) && isRelShaped(b)) {
            return new CatValue.Relation(((CatValue.Relation) a).rel().inter(((CatValue.Relation) b).rel()));
        }
        if (a instanceof CatValue.Values && b instanceof CatValue.Values) {
            Set<CatValue> s = new LinkedHashSet<>(((CatValue.Values) a).elements());
            s.retainAll(((CatValue.Values) b).elements());
            return new CatValue.Values(s);
        }
        throw mismatch(pos, "&", a, b);
    }

    private static CatValue diff(CatPos pos, Run run, CatValue a, CatValue b) {
        if (a instanceof CatValue.Empty || b instanceof CatValue.Universe) {
            return CatValue.EMPTY;
        }
        if (b instanceof CatValue.Empty) {
            return a;
        }
        if (a instanceof CatValue.Universe) {
            return complement(pos, run, b);
        }
        if (isSetShaped(a) && isSetShaped(b)) {
            return new CatValue.Events(((CatValue.Events) a).bits() & ~((CatValue.Events) b).bits());
        }
        if (isRelShaped(a) && isRelShaped(b)) {
            return new CatValue.Relation(((CatValue.Relation) a).rel().minus(((CatValue.Relation) b).rel()));
        }
        if (a instanceof CatValue.Values && b instanceof CatValue.Values) {
            Set<CatValue> s = new LinkedHashSet<>(((CatValue.Values) a).elements());
            s.removeAll(((CatValue.Values) b).elements());
            return new CatValue.Values(s);
        }
        throw mismatch(pos, "\\", a, b);
    }

    static CatValue complement(CatPos pos, Run run, CatValue v) {
        if (v instanceof CatValue.Empty) {
            return CatValue.UNIVERSE;
        } else if (v instanceof CatValue.Universe) {
            return CatValue.EMPTY;
        } else if (v instanceof CatValue.Events) {
            return new CatValue.Events(run.all & ~((CatValue.Events) v).bits());
        } else if (v instanceof CatValue.Relation) {
            return new CatValue.Relation(run.everyPair().minus(((CatValue.Relation) v).rel()));
        }
        throw new CatException(pos, "'~' needs a set or a relation, got a " + v.kind());
    }

    /** {@code e ++ S}: adds an element to a set (an event to a set of events, a pair to a relation). */
    private static CatValue add(CatPos pos, Run run, CatValue a, CatValue b) {
        if (b instanceof CatValue.Universe) {
            return b;
        }
        if (a instanceof CatValue.Event && (b instanceof CatValue.Empty || b instanceof CatValue.Events)) {
            return new CatValue.Events(events(pos, run, b, "'++'") | 1L << ((CatValue.Event) a).id());
        }
        if (a instanceof CatValue.Pair && (b instanceof CatValue.Empty || b instanceof CatValue.Relation)) {
            CatValue.Pair p = (CatValue.Pair) a;
            return new CatValue.Relation(rel(pos, run, b, "'++'").union(Rel.builder(run.n).add(p.from(), p.to()).build()));
        }
        if (b instanceof CatValue.Empty || b instanceof CatValue.Values) {
            Set<CatValue> s = new LinkedHashSet<>();
            s.add(a);
            if (b instanceof CatValue.Values) {
                s.addAll(((CatValue.Values) b).elements());
            }
            return new CatValue.Values(s);
        }
        throw mismatch(pos, "++", a, b);
    }

    static CatValue unary(CatPos pos, Run run, CatExpr.UnaryOp op, CatValue v) {
        switch (op) {
            case COMPLEMENT: return complement(pos, run, v);
            case STAR: return new CatValue.Relation(rel(pos, run, v, "'*'").star());
            case PLUS: return v instanceof CatValue.Empty ? v : new CatValue.Relation(rel(pos, run, v, "'+'").plus());
            case OPT: return new CatValue.Relation(rel(pos, run, v, "'?'").opt());
            default: return v instanceof CatValue.Empty ? v : new CatValue.Relation(rel(pos, run, v, "'^-1'").inverse());
        }
    }

    static CatValue toId(CatPos pos, Run run, CatValue v) {
        if (v instanceof CatValue.Empty) {
            return v;
        }
        return new CatValue.Relation(Rel.id(run.n, events(pos, run, v, "'[...]'")));
    }
}
