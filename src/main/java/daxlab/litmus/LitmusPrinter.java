package daxlab.litmus;

import daxlab.program.Cond;
import daxlab.program.Condition;
import daxlab.program.Expr;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Observable;
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
 * Writes a program as a C litmus test in the kernel's layout, so that herd7 (and
 * {@link LitmusParser}) reads it back. Parsing the output gives the same {@link Program}.
 *
 * <p>What the IR does not keep is regenerated: parameter types ({@code spinlock_t *} for locks,
 * {@code int **} for locations holding addresses) and register declarations (SRCU indices
 * last). Symbolic values and
 * {@link Expr.Tag}s have no C form; {@code daxlab.dax.export.DaxExport} turns them into integers first.
 * {@link Instr.Call} groups are flattened with a comment naming the function.
 */
public final class LitmusPrinter {
    private static final String INDENT = "\t";

    private LitmusPrinter() {
    }

    /** The test in the kernel's layout, keeping the comment under its header (its {@code Result:} line). */
    public static String print(LitmusTest test) {
        String out = print(test.program(), test.locationsClause(), List.of());
        String comment = headerComment(test.source());
        if (comment.isEmpty()) {
            return out;
        }
        int afterHeader = out.indexOf("\n\n") + 2;
        return out.substring(0, afterHeader) + comment + "\n\n" + out.substring(afterHeader);
    }

    /** The {@code (* ... *)} comment right after the {@code C name} line of a source, verbatim; empty if none. */
    static String headerComment(String source) {
        int nl = source.indexOf('\n');
        if (!source.startsWith("C") || nl < 0) {
            return "";
        }
        int i = nl + 1;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        if (!source.startsWith("(*", i)) {
            return "";
        }
        int depth = 0;
        for (int j = i; j < source.length() - 1; j++) {
            if (source.startsWith("(*", j)) {
                depth++;
                j++;
            } else if (source.startsWith("*)", j)) {
                depth--;
                j++;
                if (depth == 0) {
                    return source.substring(i, j + 1);
                }
            }
        }
        return "";
    }

    public static String print(Program program) {
        return print(program, List.of(), List.of());
    }

    /**
     * @param locations     the {@code locations [...]} entries; observables that the condition does not
     *                      name are added to them so that the re-parsed program observes the same things
     * @param headerComment lines for the {@code (* ... *)} comment under the header (none: no comment)
     */
    public static String print(Program program, List<String> locations, List<String> headerComment) {
        StringBuilder sb = new StringBuilder();
        sb.append("C ").append(program.name()).append("\n\n");
        if (!headerComment.isEmpty()) {
            sb.append("(*\n");
            for (String l : headerComment) {
                sb.append(l.isEmpty() ? " *" : " * " + l.replace("*)", "* )")).append('\n');
            }
            sb.append(" *)\n\n");
        }
        Set<String> paramsAnywhere = new LinkedHashSet<>();
        List<List<String>> threadParams = new ArrayList<>();
        for (ThreadCode t : program.threads()) {
            List<String> ps = new ArrayList<>(locationsOf(t));
            threadParams.add(ps);
            paramsAnywhere.addAll(ps);
        }
        Set<String> pointerLocations = pointerLocations(program);
        Set<String> lockLocations = lockLocations(program);
        Set<String> srcuDomains = program.srcuDomains();
        // init block
        List<String> inits = new ArrayList<>();
        for (Map.Entry<String, Value> e : program.init().entrySet()) {
            boolean zero = e.getValue() instanceof Value.Int && ((Value.Int) e.getValue()).value() == 0;
            if (!zero || !paramsAnywhere.contains(e.getKey())) {
                inits.add(e.getKey() + "=" + value(e.getValue()) + ";");
            }
        }
        if (inits.isEmpty()) {
            sb.append("{}\n\n");
        } else {
            sb.append("{\n");
            inits.forEach(i -> sb.append(i).append('\n'));
            sb.append("}\n\n");
        }
        for (int i = 0; i < program.threads().size(); i++) {
            ThreadCode t = program.threads().get(i);
            if (!t.name().equals("P" + i)) {
                throw new IllegalArgumentException("litmus threads are named P0, P1, ...; thread " + i + " is " + t.name());
            }
            List<String> params = new ArrayList<>();
            for (String loc : threadParams.get(i)) {
                String type = srcuDomains.contains(loc) ? "struct srcu_struct *"
                        : lockLocations.contains(loc) ? "spinlock_t *"
                        : pointerLocations.contains(loc) ? "int **" : "int *";
                params.add(type + loc);
            }
            sb.append(t.name()).append('(').append(String.join(", ", params)).append(")\n{\n");
            Set<String> pointerRegs = pointerRegisters(t);
            // The SRCU indices last, as the kernel's tests declare them.
            Set<String> indices = srcuIndexRegisters(t);
            Set<String> regs = new LinkedHashSet<>(Program.registersOf(t));
            regs.removeAll(indices);
            regs.addAll(indices);
            // A register only the condition (or locations, filter) names is declared too: the
            // parser accepts only registers a thread declares.
            regs.addAll(observedRegisters(program, t));
            ThreadPrinter tp = new ThreadPrinter(sb);
            for (String r : regs) {
                sb.append(INDENT).append(pointerRegs.contains(r) ? "int *" : "int ").append(r).append(";\n");
            }
            if (!regs.isEmpty()) {
                sb.append('\n');
            }
            tp.body(t.body(), 1);
            sb.append("}\n\n");
        }
        Set<String> inCondition = new LinkedHashSet<>();
        program.finalCondition().ifPresent(c -> c.proposition().collectFields(inCondition));
        List<String> locs = new ArrayList<>(locations);
        List<String> more = new ArrayList<>();
        for (Observable o : program.observables()) {
            if (!inCondition.contains(o.name()) && !locs.contains(o.name())) {
                more.add(o.name());
            }
        }
        more.sort(HerdNames.FIELD_ORDER);
        locs.addAll(more);
        for (String l : locs) {
            checkField(program, l);
        }
        if (!locs.isEmpty()) {
            sb.append("locations [").append(String.join("; ", locs)).append("]\n");
        }
        program.finalFilter().ifPresent(f -> sb.append("filter (").append(cond(f.proposition())).append(")\n"));
        program.finalCondition().ifPresent(c -> sb.append(condition(c)).append('\n'));
        return sb.toString();
    }

    /** Observables must be named as herd7 names them for a litmus file to say what they observe. */
    private static void checkField(Program p, String field) {
        for (Observable o : p.observables()) {
            if (o.name().equals(field)) {
                if (o.ref() instanceof Observable.Register) {
                    Observable.Register r = (Observable.Register) o.ref();
                    String herd = r.thread().substring(1) + ":" + r.register();
                    if (!field.equals(herd)) {
                        throw new IllegalArgumentException("observable '" + field + "' must be named " + herd
                                + " in a litmus test (DaxExport renames fields)");
                    }
                } else if (!field.equals(((Observable.Loc) o.ref()).location())) {
                    throw new IllegalArgumentException("observable '" + field + "' must be named after its location");
                }
            }
        }
    }

    /** {@code exists (0:r0=1 /\ x=2)}: litmus syntax, which parses back to the same tree. */
    public static String condition(Condition c) {
        return c.quantifier().keyword() + " (" + cond(c.proposition()) + ")";
    }

    static String cond(Cond c) {
        return c.accept(new Cond.Visitor<String>() {
            @Override
            public String eq(Cond.Eq e) {
                return e.field() + "=" + value(e.value());
            }

            @Override
            public String same(Cond.Same e) {
                return e.field() + "=" + e.other();
            }

            @Override
            public String isTrue(Cond.True t) {
                return "true";
            }

            @Override
            public String not(Cond.Not n) {
                Cond inner = n.operand();
                if (inner instanceof Cond.True) {
                    return "false";
                }
                return "~" + (inner instanceof Cond.And || inner instanceof Cond.Or ? "(" + cond(inner) + ")" : cond(inner));
            }

            @Override
            public String and(Cond.And a) {
                // The parser builds left-nested trees: parenthesise what would otherwise re-associate.
                String l = a.left() instanceof Cond.Or ? "(" + cond(a.left()) + ")" : cond(a.left());
                String r = a.right() instanceof Cond.Or || a.right() instanceof Cond.And
                        ? "(" + cond(a.right()) + ")" : cond(a.right());
                return l + " /\\ " + r;
            }

            @Override
            public String or(Cond.Or o) {
                String r = o.right() instanceof Cond.Or ? "(" + cond(o.right()) + ")" : cond(o.right());
                return cond(o.left()) + " \\/ " + r;
            }
        });
    }

    /** A value in C / condition syntax: integers, and locations for their addresses. */
    static String value(Value v) {
        if (v instanceof Value.Int) {
            return v.toString();
        }
        if (v instanceof Value.Addr a) {
            // Past a location, as C says it: x + 1 (herd7 reads it so in a thread, not in the init block).
            return a.offset() == 0 ? a.location() : a.location() + (a.offset() > 0 ? " + " + a.offset() : " - " + -a.offset());
        }
        throw new IllegalArgumentException("the symbolic value " + v + " has no C form; "
                + "map symbols to integers first (DaxExport does)");
    }

    /** Locations a thread names as constant addresses (its parameters), in first-use order. */
    static Set<String> locationsOf(ThreadCode t) {
        Set<String> out = new LinkedHashSet<>();
        Walk.each(t.body(), i -> {
            Walk.exprs(i, e -> collectAddrs(e, out));
            if (i instanceof Instr.Srcu s) {
                out.add(s.domain());
            }
        });
        return out;
    }

    private static void collectAddrs(Expr e, Set<String> out) {
        if (e instanceof Expr.Const && ((Expr.Const) e).value() instanceof Value.Addr) {
            out.add(((Value.Addr) ((Expr.Const) e).value()).location());
        } else if (e instanceof Expr.Unary) {
            collectAddrs(((Expr.Unary) e).operand(), out);
        } else if (e instanceof Expr.Binary) {
            collectAddrs(((Expr.Binary) e).left(), out);
            collectAddrs(((Expr.Binary) e).right(), out);
        } else if (e instanceof Expr.Tag) {
            ((Expr.Tag) e).args().forEach(a -> collectAddrs(a, out));
        }
    }

    private static Set<String> lockLocations(Program p) {
        Set<String> out = new LinkedHashSet<>();
        for (ThreadCode t : p.threads()) {
            Walk.each(t.body(), i -> {
                if (i instanceof Instr.Lock l) {
                    collectAddrs(l.address(), out);
                }
            });
        }
        return out;
    }

    /** Locations that hold addresses: initialised to one, or written one. */
    private static Set<String> pointerLocations(Program p) {
        Set<String> out = new LinkedHashSet<>();
        p.init().forEach((k, v) -> {
            if (v instanceof Value.Addr) {
                out.add(k);
            }
        });
        for (ThreadCode t : p.threads()) {
            Walk.each(t.body(), i -> {
                if (i instanceof Instr.Store s) {
                    Set<String> vals = new LinkedHashSet<>();
                    collectAddrs(s.value(), vals);
                    if (!vals.isEmpty()) {
                        collectAddrs(s.address(), out);
                    }
                }
            });
        }
        return out;
    }

    /** Registers used as addresses: declared {@code int *}. */
    private static Set<String> pointerRegisters(ThreadCode t) {
        Set<String> out = new LinkedHashSet<>();
        Walk.each(t.body(), i -> Walk.addresses(i, a -> a.collectRegisters(out)));
        return out;
    }

    /** C text of an expression; parses back to the same expression. */
    static String expr(Expr e) {
        if (e instanceof Expr.Const) {
            return value(((Expr.Const) e).value());
        }
        if (e instanceof Expr.Reg) {
            return ((Expr.Reg) e).name();
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            // '-(5)' stays a negation of 5; '-5' would read back as the constant -5.
            return (u.op() == Expr.UnaryOp.NOT ? "!" : "-") + (u.operand() instanceof Expr.Reg ? expr(u.operand())
                    : "(" + expr(u.operand()) + ")");
        }
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            return operand(b.left()) + " " + b.op().symbol() + " " + operand(b.right());
        }
        throw new IllegalArgumentException("the expression " + e.text() + " has no C form; "
                + "map tagged values to integers first (DaxExport does)");
    }

    private static String operand(Expr e) {
        if (e instanceof Expr.Binary) {
            return "(" + expr(e) + ")";
        }
        if (e instanceof Expr.Const && ((Expr.Const) e).value() instanceof Value.Int
                && ((Value.Int) ((Expr.Const) e).value()).value() < 0) {
            return "(" + expr(e) + ")";
        }
        return expr(e);
    }

    /** The registers of thread {@code t} the observables and the filter name, in their order. */
    static Set<String> observedRegisters(Program program, ThreadCode t) {
        List<Observable> all = new ArrayList<>(program.observables());
        program.finalFilter().ifPresent(f -> all.addAll(f.observables()));
        Set<String> out = new LinkedHashSet<>();
        for (Observable o : all) {
            if (o.ref() instanceof Observable.Register r && r.thread().equals(t.name())) {
                out.add(r.register());
            }
        }
        return out;
    }

    /** The registers receiving an index from srcu_read_lock(). */
    static Set<String> srcuIndexRegisters(ThreadCode t) {
        Set<String> out = new LinkedHashSet<>();
        Walk.each(t.body(), i -> {
            if (i instanceof Instr.Srcu s) {
                s.register().ifPresent(out::add);
            }
        });
        return out;
    }

    /** Prints one thread body. */
    private static final class ThreadPrinter {
        final StringBuilder sb;

        ThreadPrinter(StringBuilder sb) {
            this.sb = sb;
        }

        void body(List<Instr> body, int depth) {
            for (Instr i : body) {
                instr(i, depth);
            }
        }

        void line(int depth, String text) {
            sb.append(INDENT.repeat(depth)).append(text).append('\n');
        }

        void instr(Instr i, int d) {
            i.accept(new Instr.Visitor<Void>() {
                @Override
                public Void load(Instr.Load l) {
                    String a = expr(l.address());
                    switch (l.mode()) {
                        case PLAIN: line(d, l.register() + " = *" + deref(l.address()) + ";"); break;
                        case ACQUIRE: line(d, l.register() + " = smp_load_acquire(" + a + ");"); break;
                        default: line(d, l.register() + " = READ_ONCE(*" + deref(l.address()) + ");");
                    }
                    return null;
                }

                @Override
                public Void store(Instr.Store s) {
                    String v = expr(s.value());
                    switch (s.mode()) {
                        case PLAIN: line(d, "*" + deref(s.address()) + " = " + v + ";"); break;
                        case RELEASE: line(d, "smp_store_release(" + expr(s.address()) + ", " + v + ");"); break;
                        default: line(d, "WRITE_ONCE(*" + deref(s.address()) + ", " + v + ");");
                    }
                    return null;
                }

                @Override
                public Void rmw(Instr.Rmw r) {
                    line(d, ThreadPrinter.this.rmw(r) + ";");
                    return null;
                }

                @Override
                public Void fence(Instr.Fence f) {
                    line(d, f.kind().kernelName() + "();");
                    return null;
                }

                @Override
                public Void assign(Instr.Assign a) {
                    line(d, a.register() + " = " + expr(a.value()) + ";");
                    return null;
                }

                @Override
                public Void branch(Instr.If f) {
                    line(d, "if (" + expr(f.condition()) + ") {");
                    body(f.then(), d + 1);
                    if (f.otherwise().isEmpty()) {
                        line(d, "}");
                    } else {
                        line(d, "} else {");
                        body(f.otherwise(), d + 1);
                        line(d, "}");
                    }
                    return null;
                }

                @Override
                public Void call(Instr.Call c) {
                    line(d, "// " + c.function() + "()");
                    body(c.body(), d);
                    return null;
                }

                @Override
                public Void lock(Instr.Lock l) {
                    String a = expr(l.address());
                    switch (l.op()) {
                        case LOCK: line(d, "spin_lock(" + a + ");"); break;
                        case UNLOCK: line(d, "spin_unlock(" + a + ");"); break;
                        case TRYLOCK: line(d, l.register().orElseThrow() + " = spin_trylock(" + a + ");"); break;
                        default: line(d, l.register().orElseThrow() + " = spin_is_locked(" + a + ");");
                    }
                    return null;
                }

                @Override
                public Void srcu(Instr.Srcu s) {
                    switch (s.op()) {
                        case READ_LOCK:
                            line(d, s.register().orElseThrow() + " = srcu_read_lock(" + s.domain() + ");");
                            break;
                        case READ_UNLOCK:
                            line(d, "srcu_read_unlock(" + s.domain() + ", " + expr(s.index().orElseThrow()) + ");");
                            break;
                        default:
                            line(d, "synchronize_srcu(" + s.domain() + ");");
                    }
                    return null;
                }
            });
        }

        /** {@code x} for a constant address, {@code r0} or {@code (r0 + 1)} otherwise, after a '*'. */
        private String deref(Expr address) {
            String a = expr(address);
            return address instanceof Expr.Binary || address instanceof Expr.Unary ? "(" + a + ")" : a;
        }

        private String rmw(Instr.Rmw r) {
            String dest = r.register().map(reg -> reg + " = ").orElse("");
            String a = expr(r.address());
            String sfx = r.isVoidAtomic() ? "" : Primitive.suffix(r.mode());
            return r.op().accept(new RmwOp.Visitor<String>() {
                @Override
                public String cmpxchg(RmwOp.Cmpxchg c) {
                    return dest + "cmpxchg" + sfx + "(" + a + ", " + expr(c.expected()) + ", " + expr(c.desired()) + ")";
                }

                @Override
                public String xchg(RmwOp.Xchg x) {
                    return dest + "xchg" + sfx + "(" + a + ", " + expr(x.value()) + ")";
                }

                @Override
                public String fetchAdd(RmwOp.FetchAdd f) {
                    String delta = expr(f.delta());
                    if (r.isVoidAtomic()) {
                        return "atomic_add(" + delta + ", " + a + ")";
                    }
                    if (f.returnsNew()) {
                        return dest + "atomic_add_return" + sfx + "(" + delta + ", " + a + ")";
                    }
                    return dest + "atomic_fetch_add" + sfx + "(" + delta + ", " + a + ")";
                }

                @Override
                public String fetchBits(RmwOp.FetchBits f) {
                    String operand = expr(f.operand());
                    if (r.isVoidAtomic()) {
                        return "atomic_" + f.op().word() + "(" + operand + ", " + a + ")";
                    }
                    return dest + "atomic_fetch_" + f.op().word() + sfx + "(" + operand + ", " + a + ")";
                }

                @Override
                public String addUnless(RmwOp.AddUnless u) {
                    return dest + "atomic_add_unless(" + a + ", " + expr(u.add()) + ", " + expr(u.unless()) + ")";
                }
            });
        }
    }
}
