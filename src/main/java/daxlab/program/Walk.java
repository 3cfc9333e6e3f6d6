package daxlab.program;

import java.util.List;
import java.util.function.Consumer;

/** Traversals of nested instruction lists, each one {@link Instr.Visitor}. */
public final class Walk {
    private Walk() {
    }

    /** Visits every instruction, descending into {@code if} branches and calls. */
    public static void each(List<Instr> body, Consumer<Instr> visit) {
        for (Instr i : body) {
            visit.accept(i);
            nested(i).forEach(b -> each(b, visit));
        }
    }

    /** The instruction lists nested in one instruction: an if's two branches, a call's body. */
    public static List<List<Instr>> nested(Instr i) {
        return i.accept(new Instr.Visitor<>() {
            @Override
            public List<List<Instr>> load(Instr.Load l) {
                return List.of();
            }

            @Override
            public List<List<Instr>> store(Instr.Store s) {
                return List.of();
            }

            @Override
            public List<List<Instr>> rmw(Instr.Rmw r) {
                return List.of();
            }

            @Override
            public List<List<Instr>> fence(Instr.Fence f) {
                return List.of();
            }

            @Override
            public List<List<Instr>> assign(Instr.Assign a) {
                return List.of();
            }

            @Override
            public List<List<Instr>> branch(Instr.If f) {
                return List.of(f.then(), f.otherwise());
            }

            @Override
            public List<List<Instr>> call(Instr.Call c) {
                return List.of(c.body());
            }

            @Override
            public List<List<Instr>> srcu(Instr.Srcu s) {
                return List.of();
            }

            @Override
            public List<List<Instr>> lock(Instr.Lock l) {
                return List.of();
            }
        });
    }

    /** The address expression of one instruction, or null when it has none. */
    public static Expr address(Instr i) {
        return i.accept(new Address(false));
    }

    /**
     * The address one instruction reads shared memory at, or null when it reads none: a store and
     * {@code spin_unlock()} only write, SRCU markers address their srcu_struct by domain.
     */
    public static Expr readAddress(Instr i) {
        return i.accept(new Address(true));
    }

    /** The address an instruction accesses; with {@code reading}, only one it reads. */
    private static final class Address implements Instr.Visitor<Expr> {
        private final boolean reading;

        Address(boolean reading) {
            this.reading = reading;
        }

        @Override
        public Expr load(Instr.Load l) {
            return l.address();
        }

        @Override
        public Expr store(Instr.Store s) {
            return reading ? null : s.address();
        }

        @Override
        public Expr rmw(Instr.Rmw r) {
            return r.address();
        }

        @Override
        public Expr fence(Instr.Fence f) {
            return null;
        }

        @Override
        public Expr assign(Instr.Assign a) {
            return null;
        }

        @Override
        public Expr branch(Instr.If f) {
            return null;
        }

        @Override
        public Expr call(Instr.Call c) {
            return null;
        }

        @Override
        public Expr srcu(Instr.Srcu s) {
            return null;
        }

        @Override
        public Expr lock(Instr.Lock l) {
            return reading && l.op() == Instr.LockOp.UNLOCK ? null : l.address();
        }
    }

    /** The address expressions of one instruction (not of nested ones). */
    public static void addresses(Instr i, Consumer<Expr> visit) {
        Expr a = address(i);
        if (a != null) {
            visit.accept(a);
        }
    }

    /** The register one instruction writes, or null (nested instructions aside). */
    public static String destination(Instr i) {
        return i.accept(new Instr.Visitor<>() {
            @Override
            public String load(Instr.Load l) {
                return l.register();
            }

            @Override
            public String store(Instr.Store s) {
                return null;
            }

            @Override
            public String rmw(Instr.Rmw r) {
                return r.register().orElse(null);
            }

            @Override
            public String fence(Instr.Fence f) {
                return null;
            }

            @Override
            public String assign(Instr.Assign a) {
                return a.register();
            }

            @Override
            public String branch(Instr.If f) {
                return null;
            }

            @Override
            public String call(Instr.Call c) {
                return null;
            }

            @Override
            public String srcu(Instr.Srcu s) {
                return s.register().orElse(null);
            }

            @Override
            public String lock(Instr.Lock l) {
                return l.register().orElse(null);
            }
        });
    }

    /** The operands of a read-modify-write after its address, in source order. */
    public static List<Expr> operands(RmwOp op) {
        return op.accept(new RmwOp.Visitor<>() {
            @Override
            public List<Expr> cmpxchg(RmwOp.Cmpxchg c) {
                return List.of(c.expected(), c.desired());
            }

            @Override
            public List<Expr> xchg(RmwOp.Xchg x) {
                return List.of(x.value());
            }

            @Override
            public List<Expr> fetchAdd(RmwOp.FetchAdd f) {
                return List.of(f.delta());
            }

            @Override
            public List<Expr> fetchBits(RmwOp.FetchBits f) {
                return List.of(f.operand());
            }

            @Override
            public List<Expr> addUnless(RmwOp.AddUnless a) {
                return List.of(a.add(), a.unless());
            }
        });
    }

    /** Every expression of one instruction (not of nested ones): its address first. */
    public static void exprs(Instr i, Consumer<Expr> visit) {
        addresses(i, visit);
        i.accept(new Instr.Visitor<Void>() {
            @Override
            public Void load(Instr.Load l) {
                return null;
            }

            @Override
            public Void store(Instr.Store s) {
                visit.accept(s.value());
                return null;
            }

            @Override
            public Void rmw(Instr.Rmw r) {
                operands(r.op()).forEach(visit);
                return null;
            }

            @Override
            public Void fence(Instr.Fence f) {
                return null;
            }

            @Override
            public Void assign(Instr.Assign a) {
                visit.accept(a.value());
                return null;
            }

            @Override
            public Void branch(Instr.If f) {
                visit.accept(f.condition());
                return null;
            }

            @Override
            public Void call(Instr.Call c) {
                return null;
            }

            @Override
            public Void srcu(Instr.Srcu s) {
                s.index().ifPresent(visit);
                return null;
            }

            @Override
            public Void lock(Instr.Lock l) {
                return null;
            }
        });
    }
    /** A store of {@code value} to {@code address}, the value stored as it is given. */
    public record Stored(Expr address, Expr value) {
    }

    /**
     * What one instruction stores as it is given, not computed from what it reads: a store's
     * value, xchg's new value, cmpxchg's desired value, the index srcu_read_unlock() writes
     * back; null for the rest (atomic_add() and friends compute on the value they read).
     */
    public static Stored storedAsGiven(Instr i) {
        return i.accept(new Instr.Visitor<>() {
            @Override
            public Stored load(Instr.Load l) {
                return null;
            }

            @Override
            public Stored store(Instr.Store s) {
                return new Stored(s.address(), s.value());
            }

            @Override
            public Stored rmw(Instr.Rmw r) {
                Expr given = newValueAsGiven(r.op());
                return given == null ? null : new Stored(r.address(), given);
            }

            @Override
            public Stored fence(Instr.Fence f) {
                return null;
            }

            @Override
            public Stored assign(Instr.Assign a) {
                return null;
            }

            @Override
            public Stored branch(Instr.If f) {
                return null;
            }

            @Override
            public Stored call(Instr.Call c) {
                return null;
            }

            @Override
            public Stored srcu(Instr.Srcu s) {
                return s.index().map(i -> new Stored(Expr.addr(s.domain()), i)).orElse(null);
            }

            @Override
            public Stored lock(Instr.Lock l) {
                return null;
            }
        });
    }

    /** The value a read-modify-write stores as it is given, or null when it computes it from the old one. */
    public static Expr newValueAsGiven(RmwOp op) {
        return op.accept(new RmwOp.Visitor<>() {
            @Override
            public Expr cmpxchg(RmwOp.Cmpxchg c) {
                return c.desired();
            }

            @Override
            public Expr xchg(RmwOp.Xchg x) {
                return x.value();
            }

            @Override
            public Expr fetchAdd(RmwOp.FetchAdd f) {
                return null;
            }

            @Override
            public Expr fetchBits(RmwOp.FetchBits f) {
                return null;
            }

            @Override
            public Expr addUnless(RmwOp.AddUnless a) {
                return null;
            }
        });
    }
}
