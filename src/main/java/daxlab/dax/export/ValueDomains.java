package daxlab.dax.export;

import daxlab.program.Expr;
import daxlab.program.Instr;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;
import daxlab.program.Walk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which values each location and register can ever hold, whatever the memory model: a load
 * returns a value some store (or the init) wrote, so a flow-insensitive fixpoint over stores,
 * loads and assignments bounds them. {@code null} means "any value" (arithmetic, computed
 * addresses). {@link DaxExport} uses it to turn a tagged value such as {@code OK(ops,holder)}
 * into a finite case split, and to decode integers back into symbols per field.
 */
final class ValueDomains {
    private final Program program;
    private final Map<String, Set<Value>> locations = new LinkedHashMap<>();
    private final Map<String, Set<Value>> registers = new LinkedHashMap<>();
    private final Set<String> anyLocation = new LinkedHashSet<>();
    private final Set<String> anyRegister = new LinkedHashSet<>();
    private boolean changed;

    ValueDomains(Program program) {
        this.program = program;
        program.init().forEach((k, v) -> locations.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        do {
            changed = false;
            for (ThreadCode t : program.threads()) {
                Walk.each(t.body(), i -> visit(t.name(), i));
            }
        } while (changed);
    }

    /** The values of a location; null when unbounded. */
    Set<Value> location(String loc) {
        return anyLocation.contains(loc) ? null : locations.getOrDefault(loc, Set.of());
    }

    /** The values of a thread's register; null when unbounded. Never-written registers hold 0. */
    Set<Value> register(String thread, String reg) {
        String k = key(thread, reg);
        if (anyRegister.contains(k)) {
            return null;
        }
        Set<Value> s = registers.get(k);
        return s == null ? Set.of(Value.of(0)) : s;
    }

    /** The values an expression of {@code thread} can take; null when unbounded. */
    Set<Value> expr(String thread, Expr e) {
        if (e instanceof Expr.Const) {
            return Set.of(((Expr.Const) e).value());
        }
        if (e instanceof Expr.Reg) {
            return register(thread, ((Expr.Reg) e).name());
        }
        if (e instanceof Expr.Unary) {
            return ((Expr.Unary) e).op() == Expr.UnaryOp.NOT ? Set.of(Value.of(0), Value.of(1)) : null;
        }
        if (e instanceof Expr.Binary) {
            switch (((Expr.Binary) e).op()) {
                case EQ: case NE: case LT: case LE: case GT: case GE: case AND: case OR:
                    return Set.of(Value.of(0), Value.of(1));
                default:
                    return null;
            }
        }
        Expr.Tag tag = (Expr.Tag) e;
        List<Set<Value>> args = new ArrayList<>();
        for (Expr a : tag.args()) {
            Set<Value> d = expr(thread, a);
            if (d == null) {
                return null;
            }
            args.add(d);
        }
        Set<Value> out = new LinkedHashSet<>();
        product(tag, args, 0, new ArrayList<>(), out);
        return out;
    }

    /** Every combination of argument values, named as {@link Expr.Tag#eval} names it. */
    private static void product(Expr.Tag tag, List<Set<Value>> args, int i, List<Value> chosen, Set<Value> out) {
        if (i == args.size()) {
            List<Expr> consts = new ArrayList<>();
            chosen.forEach(v -> consts.add(Expr.val(v)));
            out.add(new Expr.Tag(tag.name(), consts).eval(r -> null));
            return;
        }
        for (Value v : args.get(i)) {
            chosen.add(v);
            product(tag, args, i + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static String key(String thread, String reg) {
        return thread + ":" + reg;
    }

    private String constLocation(Expr address) {
        if (address instanceof Expr.Const && ((Expr.Const) address).value() instanceof Value.Addr) {
            return ((Value.Addr) ((Expr.Const) address).value()).location();
        }
        return null;
    }

    private void visit(String t, Instr i) {
        i.accept(new Instr.Visitor<Void>() {
            @Override
            public Void load(Instr.Load l) {
                joinRegister(t, l.register(), fromLocation(l.address()));
                return null;
            }

            @Override
            public Void store(Instr.Store s) {
                joinLocation(s.address(), expr(t, s.value()));
                return null;
            }

            @Override
            public Void rmw(Instr.Rmw r) {
                // What the RMW writes, and what its register receives (null: unbounded).
                Set<Value> written = r.op().accept(new RmwOp.Visitor<Set<Value>>() {
                    @Override
                    public Set<Value> cmpxchg(RmwOp.Cmpxchg c) {
                        return expr(t, c.desired());
                    }

                    @Override
                    public Set<Value> xchg(RmwOp.Xchg x) {
                        return expr(t, x.value());
                    }

                    @Override
                    public Set<Value> fetchAdd(RmwOp.FetchAdd f) {
                        return null;
                    }

                    @Override
                    public Set<Value> fetchBits(RmwOp.FetchBits f) {
                        return null;
                    }

                    @Override
                    public Set<Value> addUnless(RmwOp.AddUnless u) {
                        return null;
                    }
                });
                boolean arithmetic = written == null;
                joinLocation(r.address(), written);
                r.register().ifPresent(reg -> joinRegister(t, reg, arithmetic ? null : fromLocation(r.address())));
                return null;
            }

            @Override
            public Void fence(Instr.Fence f) {
                return null;
            }

            @Override
            public Void assign(Instr.Assign a) {
                joinRegister(t, a.register(), expr(t, a.value()));
                return null;
            }

            @Override
            public Void branch(Instr.If f) {
                return null; // Walk.each visits the branches
            }

            @Override
            public Void call(Instr.Call c) {
                return null; // Walk.each visits the body
            }

            @Override
            public Void srcu(Instr.Srcu s) {
                // The srcu_struct is a location of its own (0 at first): the lock reads it, the
                // unlock writes its index back.
                Expr domain = Expr.addr(s.domain());
                locations.computeIfAbsent(s.domain(), k -> new LinkedHashSet<>(Set.of(Value.of(0))));
                s.register().ifPresent(reg -> joinRegister(t, reg, fromLocation(domain)));
                s.index().ifPresent(index -> joinLocation(domain, expr(t, index)));
                return null;
            }

            @Override
            public Void lock(Instr.Lock l) {
                joinLocation(l.address(), Set.of(Value.of(0), Value.of(1)));
                l.register().ifPresent(reg -> joinRegister(t, reg, Set.of(Value.of(0), Value.of(1))));
                return null;
            }
        });
    }

    private Set<Value> fromLocation(Expr address) {
        String loc = constLocation(address);
        return loc == null ? null : location(loc);
    }

    private void joinLocation(Expr address, Set<Value> values) {
        String loc = constLocation(address);
        if (loc == null) {
            // A store through a computed pointer may hit any location.
            for (String l : program.init().keySet()) {
                changed |= anyLocation.add(l);
            }
            return;
        }
        if (values == null) {
            changed |= anyLocation.add(loc);
        } else {
            changed |= locations.computeIfAbsent(loc, k -> new LinkedHashSet<>()).addAll(values);
        }
    }

    private void joinRegister(String t, String reg, Set<Value> values) {
        String k = key(t, reg);
        if (values == null) {
            changed |= anyRegister.add(k);
        } else {
            changed |= registers.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(values);
        }
    }
}
