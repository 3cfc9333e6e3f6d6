package daxlab.dax;

import daxlab.dax.c.Ast;
import daxlab.dax.c.KernelCException;
import daxlab.dax.c.Parser;
import daxlab.dax.c.Pos;
import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.RmwOp;
import daxlab.program.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A participant's kernel C for fs_put_dax() or dax_holder_notify_failure(), translated into the
 * IR the engines run, with the same meaning the built-in versions have:
 * <ul>
 * <li>{@code dax_dev} and {@code holder} are the parameters (named as in the function's header
 * when the text is a whole function); both are non-NULL, so {@code dax_dev && holder} is true and
 * costs nothing, as in the built-ins;</li>
 * <li>{@code dax_dev->holder_data} and {@code dax_dev->holder_ops} are the two shared locations,
 * plain when written as such, marked through the kernel's primitives;</li>
 * <li>{@code WARN_ON(cond)} sets register {@code warn} (outcome field {@code warn}, hazard
 * {@code false WARN}); {@code put_dax(dax_dev)} is the counted reference drop; {@code
 * synchronize_srcu(&dax_srcu)} is the grace period readers are waited for;</li>
 * <li>in the reader, {@code ops->notify_failure(...)} is the holder's callback (it finds its
 * context through {@code dax_holder()}); calling it through NULL is an oops, whose result is
 * {@code NULL_CALL} whatever the function returns afterwards; {@code dax_read_lock()},
 * {@code dax_alive()} and {@code dax_read_unlock()} are modelled where the built-in readers
 * model them (against kill_dax(), a put that waits for readers, and the lifetime question),
 * elsewhere the device is alive and nothing waits.</li>
 * </ul>
 * Control flow is if/else, return, and goto to a label later in the function: the statements
 * after a branch that returns or jumps are placed on each path that reaches them. Every mistake
 * is a {@link KernelCException} at the place in the text, found when the version is created (dead
 * branches are checked too, though they emit nothing).
 */
final class KernelC {
    /** Which function the text is: what its parameters are and what it may call. */
    enum Role {
        PUT("fs_put_dax", "fix", List.of("dax_dev", "holder")),
        READER("dax_holder_notify_failure", "reader", List.of("dax_dev", "off", "len", "mf_flags"));

        final String function;
        final String maker;
        final List<String> params;

        Role(String function, String maker, List<String> params) {
            this.function = function;
            this.maker = maker;
            this.params = params;
        }

        /** How errors name the text: {@code fix("check, then release")}. */
        String source(String name) {
            return maker + "(\"" + name + "\")";
        }
    }

    /** The primitives a participant may call, for the message that lists them. */
    private static final String KNOWN = "READ_ONCE, WRITE_ONCE, smp_load_acquire, smp_store_release, "
            + "cmpxchg[_relaxed|_acquire|_release], xchg[_relaxed|_acquire|_release], smp_mb, smp_wmb, smp_rmb, "
            + "smp_mb__before_atomic, smp_mb__after_atomic, barrier, dax_holder, ";
    private static final Set<String> ERRNOS = Set.of("EOPNOTSUPP", "ENXIO", "ENODEV", "EBUSY", "EIO", "EINVAL",
            "ENOMEM", "EAGAIN", "EHWPOISON", "EFAULT");
    /** Registers the scenarios observe: a participant's local of that name is renamed, never merged. */
    private static final Set<String> OBSERVED = Set.of(Scenarios.WARN, ReaderVariant.READ_FREED);
    /** More statements than this, counted over every path, is a text the models cannot afford. */
    private static final int BUDGET = 20_000;

    private final Role role;
    private final String source;
    private final String text;
    private final Ast.Function fn;
    private final Setting s;
    private final Value holder;
    private final String result;
    private final boolean underSrcu;
    private final boolean readsHolderData;
    private final String device;
    private final String holderParam;
    private final Set<String> passOnly = new HashSet<>();
    private final Map<String, String> locals = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();
    private int temps;
    private int spent;
    /** Set by {@link #assign} for the outermost load of the value only; see {@link #destination}. */
    private String into;

    private KernelC(Role role, String name, String text, Ast.Function fn, Setting s, Value holder, String result,
                    boolean underSrcu, boolean readsHolderData) {
        this.role = role;
        this.source = role.source(name);
        this.text = text;
        this.fn = fn;
        this.s = s;
        this.holder = holder;
        this.result = result;
        this.underSrcu = underSrcu;
        this.readsHolderData = readsHolderData;
        List<String> names = fn.whole() ? fn.params().stream().map(Ast.Param::name).toList() : role.params;
        this.device = names.get(0);
        this.holderParam = role == Role.PUT ? names.get(1) : null;
        if (role == Role.READER) {
            passOnly.addAll(names.subList(1, names.size()));
        }
        taken.addAll(OBSERVED);
        if (result != null) {
            taken.add(result);
        }
        declareLocals(fn.body());
    }

    // ---- entry points ----

    /** Parses {@code text} as {@code role}'s function and checks its header. */
    static Ast.Function read(Role role, String name, String text) {
        String source = role.source(name);
        Ast.Function fn = Parser.parse(source, text);
        if (fn.whole()) {
            if (!fn.name().equals(role.function)) {
                throw new KernelCException(source, text, fn.pos(), role.function + "() (or only its body)",
                        "'" + fn.name() + "'");
            }
            if (fn.params().size() != role.params.size()) {
                throw new KernelCException(source, text, fn.pos(), role.function + "() with its " + role.params.size()
                        + " parameters (" + String.join(", ", role.params) + ")", fn.params().size() + " parameters");
            }
        }
        return fn;
    }

    /**
     * Checks {@code text} completely: parses it and translates it once, every branch included,
     * so that every mistake shows when the version is made, not in the middle of a verdict.
     */
    static Ast.Function check(Role role, String name, String text) {
        Ast.Function fn = read(role, name, text);
        Setting counted = new Setting(Accessors.MAINLINE, true);
        if (role == Role.PUT) {
            put(name, text, fn, new Code(), Dax.A, counted);
        } else {
            reader(name, text, fn, new Code(), "ret", true, true, counted);
            reader(name, text, fn, new Code(), "ret", false, false, counted);
        }
        return fn;
    }

    /** Emits the body of {@code fs_put_dax(dax_dev, holder)} into {@code c} (the caller wraps the call). */
    static void put(String name, String text, Ast.Function fn, Code c, Value holder, Setting s) {
        KernelC t = new KernelC(Role.PUT, name, text, fn, s, holder, null, false, false);
        if (calls(fn, "WARN_ON", "WARN_ON_ONCE")) {
            c.assign(Scenarios.WARN, Value.of(0));
        }
        t.statements(prepend(fn.body().body(), null), c, new State());
    }

    /**
     * Emits the whole call of dax_holder_notify_failure() into {@code c}: a whole function as
     * written, a body inside mainline's frame (dax_read_lock(), the dax_alive() check) as the
     * built-in readers have it.
     */
    static void reader(String name, String text, Ast.Function fn, Code c, String result, boolean underSrcu,
                       boolean readsHolderData, Setting s) {
        KernelC t = new KernelC(Role.READER, name, text, fn, s, null, result, underSrcu, readsHolderData);
        Consumer<Code> body = b -> t.statements(prepend(fn.body().body(), null), b, new State());
        if (fn.whole()) {
            if (readsHolderData) {
                c.assign(ReaderVariant.READ_FREED, Value.of(0));
            }
            c.call(Role.READER.function, body);
        } else {
            ReaderVariant.notifyFailure(c, result, underSrcu, readsHolderData, body);
        }
    }

    /** Whether the text calls any of {@code names} anywhere, dead branches included. */
    static boolean calls(Ast.Function fn, String... names) {
        Set<String> wanted = Set.of(names);
        List<Boolean> found = new ArrayList<>();
        Ast.each(fn.body(), e -> {
            if (e instanceof Ast.Call call && call.callee() instanceof Ast.Ident id && wanted.contains(id.name())) {
                found.add(true);
            }
        });
        return !found.isEmpty();
    }

    // ---- names ----

    /**
     * Every local the function declares, anywhere: C's block scopes do not matter to straight-line
     * code, so a name is one register for the whole function. A local never shares a register
     * with one the scenarios observe.
     */
    private void declareLocals(Ast.Stmt st) {
        if (st instanceof Ast.Decl d) {
            for (Ast.Declarator x : d.declarators()) {
                if (x.name().equals(device) || x.name().equals(holderParam) || passOnly.contains(x.name())) {
                    throw new KernelCException(source, text, x.pos(), "a new name for the local",
                            "'" + x.name() + "', a parameter of " + role.function + "()");
                }
                if (x.name().equals("NULL") || x.name().equals("dax_srcu")) {
                    throw new KernelCException(source, text, x.pos(), "a new name for the local", "'" + x.name() + "'");
                }
                if (!locals.containsKey(x.name())) {
                    String reg = taken.contains(x.name()) ? fresh(x.name() + "_") : x.name();
                    locals.put(x.name(), reg);
                    taken.add(reg);
                }
            }
        }
        Ast.nested(st).forEach(this::declareLocals);
    }

    /** A register nobody uses yet: {@code base1}, {@code base2}, ... */
    private String fresh(String base) {
        String r;
        do {
            r = base + (++temps);
        } while (taken.contains(r) || locals.containsKey(r));
        taken.add(r);
        return r;
    }

    /** A register for an internal value, named as the built-ins name it when that name is free. */
    private String named(String preferred) {
        if (!taken.contains(preferred) && !locals.containsKey(preferred)) {
            taken.add(preferred);
            return preferred;
        }
        return fresh(preferred);
    }

    // ---- statements ----

    /** What a path through the function has done so far. */
    private static final class State {
        /** A WARN_ON ran on this path: the next one adds to {@code warn}. */
        boolean warned;
        /** The reader called through NULL on this path: its result stays NULL_CALL. */
        boolean oops;

        State copy() {
            State c = new State();
            c.warned = warned;
            c.oops = oops;
            return c;
        }
    }

    /** The statements still to run on a path, nested blocks flattened into it. */
    private record Cont(Ast.Stmt head, Cont tail) {
    }

    private static Cont prepend(List<Ast.Stmt> stmts, Cont k) {
        for (int i = stmts.size() - 1; i >= 0; i--) {
            Ast.Stmt st = stmts.get(i);
            if (st instanceof Ast.Decl d && d.declarators().size() > 1) {
                List<Ast.Stmt> one = new ArrayList<>();
                d.declarators().forEach(x -> one.add(new Ast.Decl(x.pos(), List.of(x))));
                k = prepend(one, k);
            } else {
                k = new Cont(st, k);
            }
        }
        return k;
    }

    private static Cont prepend(Ast.Stmt st, Cont k) {
        return st == null ? k : prepend(List.of(st), k);
    }

    /**
     * Translates the statements of {@code k} into {@code c}. Returns the state at the end when the
     * path falls through, or null when it ended (a return, or a branch that took the rest along).
     */
    private State statements(Cont k, Code c, State st) {
        while (k != null) {
            Ast.Stmt head = k.head();
            if (++spent > BUDGET) {
                throw new KernelCException(source, text, head.pos(), "fewer branches (every path is translated "
                        + "separately)", "more than " + BUDGET + " statements over all paths");
            }
            k = head.accept(new Step(k.tail(), c, st));
            if (k == END) {
                return null;
            }
        }
        return st;
    }

    /** Marks a path that ended: a return, or a branch that took the rest of the function along. */
    private static final Cont END = new Cont(null, null);

    /**
     * One statement of a path: emits it and answers the statements to run next ({@code rest}, more
     * in front of them for a block, the statements after a label for a goto), or {@link #END}.
     */
    private final class Step implements Ast.StmtVisitor<Cont> {
        private final Cont rest;
        private final Code c;
        private final State st;

        Step(Cont rest, Code c, State st) {
            this.rest = rest;
            this.c = c;
            this.st = st;
        }

        @Override
        public Cont decl(Ast.Decl d) {
            Ast.Declarator x = d.declarators().get(0);
            if (x.init() == null) {
                return rest;
            }
            Target to = Target.local(locals.get(x.name()));
            if (callback(x.init()) != null) {
                callSite(callback(x.init()), to, rest, c, st);
                return END;
            }
            KernelC.this.assign(to.register, x.init(), c, st);
            return rest;
        }

        @Override
        public Cont assign(Ast.Assign a) {
            Target to = target(a.target());
            if (callback(a.value()) != null) {
                callSite(callback(a.value()), to, rest, c, st);
                return END;
            }
            if (to.location != null) {
                c.store(to.location, value(a.value(), c, st), Mode.PLAIN);
            } else {
                KernelC.this.assign(to.register, a.value(), c, st);
            }
            return rest;
        }

        @Override
        public Cont expr(Ast.ExprStmt x) {
            if (callback(x.expr()) != null) {
                callSite(callback(x.expr()), Target.NONE, rest, c, st);
                return END;
            }
            eval(x.expr(), c, st, false);
            return rest;
        }

        @Override
        public Cont branch(Ast.If i) {
            Expr cond = value(i.cond(), c, st);
            if (splits(i.then()) || splits(i.otherwise())) {
                KernelC.this.branch(c, cond, t -> statements(prepend(i.then(), rest), t, st.copy()),
                        e -> statements(prepend(i.otherwise(), rest), e, st.copy()));
                return END;
            }
            State[] after = new State[2];
            KernelC.this.branch(c, cond, t -> after[0] = statements(prepend(i.then(), null), t, st.copy()),
                    e -> after[1] = statements(prepend(i.otherwise(), null), e, st.copy()));
            st.warned |= after[0].warned || after[1].warned;
            return rest;
        }

        @Override
        public Cont block(Ast.Block b) {
            return prepend(b.body(), rest);
        }

        @Override
        public Cont ret(Ast.Return r) {
            KernelC.this.ret(r, c, st);
            return END;
        }

        @Override
        public Cont jump(Ast.Goto g) {
            return after(g, rest);
        }

        @Override
        public Cont label(Ast.Label l) {
            return rest;
        }

        @Override
        public Cont empty(Ast.Empty e) {
            return rest;
        }
    }

    /** {@code return;} or {@code return e;}: the result, then nothing more on this path. */
    private void ret(Ast.Return r, Code c, State st) {
        if (role == Role.PUT) {
            if (r.value() != null) {
                throw new KernelCException(source, text, r.value().pos(), "';' (fs_put_dax() returns void)",
                        "a value");
            }
            return;
        }
        if (r.value() == null) {
            throw new KernelCException(source, text, r.pos(), "a value to return (" + role.function
                    + "() returns int)", "'return;'");
        }
        if (callback(r.value()) != null) {
            callSite(callback(r.value()), Target.RESULT, null, c, st);
            return;
        }
        Expr v = value(r.value(), c, st);
        if (!st.oops) {
            c.assign(result, v);
        }
    }

    /**
     * {@code local = e}: a load or read-modify-write goes straight into the local's register, as
     * the built-ins write it ({@code prev = cmpxchg(...)}); anything else is computed, then assigned.
     */
    private void assign(String register, Ast.Expr e, Code c, State st) {
        into = register;
        try {
            Expr v = value(e, c, st);
            if (!(v instanceof Expr.Reg r && r.name().equals(register))) {
                c.assign(register, v);
            }
        } finally {
            into = null;
        }
    }

    /** The register the next load or read-modify-write writes: the assigned local's, or a fresh one. */
    private String destination() {
        String d = into;
        into = null;
        return d != null ? d : fresh("t");
    }

    /** The statements after {@code label:}, which must come later in the function. */
    private Cont after(Ast.Goto g, Cont k) {
        for (Cont x = k; x != null; x = x.tail()) {
            if (x.head() instanceof Ast.Label l && l.name().equals(g.label())) {
                return x.tail();
            }
        }
        throw new KernelCException(source, text, g.pos(), "a goto to a label later in the function (only forward "
                + "jumps are modelled)", "'goto " + g.label() + "'");
    }

    /** Whether a statement can end a path or split it: the rest must then go along each branch. */
    private static boolean splits(Ast.Stmt st) {
        if (st == null) {
            return false;
        }
        if (st instanceof Ast.Return || st instanceof Ast.Goto) {
            return true;
        }
        for (Ast.Expr e : Ast.expressions(st)) {
            if (callback(e) != null) {
                return true;
            }
        }
        return Ast.nested(st).stream().anyMatch(KernelC::splits);
    }

    /**
     * An if on {@code cond}. A condition without registers is decided here: only the branch taken
     * is emitted (the other is still translated, to check it). An if whose then-branch is empty is
     * written the other way round, as the built-ins write it.
     */
    private void branch(Code c, Expr cond, Consumer<Code> then, Consumer<Code> otherwise) {
        if (cond.registers().isEmpty()) {
            boolean taken = cond.eval(r -> null).truthy();
            (taken ? then : otherwise).accept(c);
            (taken ? otherwise : then).accept(new Code());
            return;
        }
        Code t = new Code();
        then.accept(t);
        Code e = new Code();
        otherwise.accept(e);
        if (t.instructions().isEmpty() && !e.instructions().isEmpty()) {
            c.add(new Instr.If(negate(cond), e.instructions(), List.of()));
        } else {
            c.add(new Instr.If(cond, t.instructions(), e.instructions()));
        }
    }

    /** {@code !cond}, written as C would: {@code a == b} for {@code !(a != b)}. */
    private static Expr negate(Expr cond) {
        if (cond instanceof Expr.Binary b && b.op() == Expr.BinaryOp.NE) {
            return Expr.eq(b.left(), b.right());
        }
        if (cond instanceof Expr.Binary b && b.op() == Expr.BinaryOp.EQ) {
            return Expr.ne(b.left(), b.right());
        }
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            return u.operand();
        }
        return Expr.not(cond);
    }

    // ---- the holder's callback ----

    /** Where a value goes: a local's register, a plain store to a location, the function's result, or nowhere. */
    private record Target(String register, String location, boolean result) {
        static final Target NONE = new Target(null, null, false);
        static final Target RESULT = new Target(null, null, true);

        static Target local(String register) {
            return new Target(register, null, false);
        }
    }

    private Target target(Ast.Expr e) {
        if (e instanceof Ast.Ident id) {
            String reg = locals.get(id.name());
            if (reg != null) {
                return Target.local(reg);
            }
            if (id.name().equals(device) || id.name().equals(holderParam) || passOnly.contains(id.name())) {
                throw new KernelCException(source, text, id.pos(), "a local variable to assign (the models keep the "
                        + "parameters constant)", "'" + id.name() + "'");
            }
            throw new KernelCException(source, text, id.pos(), "a declared local variable to assign", "'" + id.name()
                    + "'");
        }
        if (e instanceof Ast.Arrow a) {
            return new Target(null, location(a), false);
        }
        throw new KernelCException(source, text, e.pos(), "a local variable or " + device + "->holder_data / "
                + device + "->holder_ops to assign", shown(e));
    }

    /** The call {@code ops->notify_failure(...)} an expression is, or null. */
    private static Ast.Call callback(Ast.Expr e) {
        if (e instanceof Ast.Call call && call.callee() instanceof Ast.Arrow) {
            return call;
        }
        return null;
    }

    /**
     * {@code ops->notify_failure(...)}, the holder's callback, with the rest of the function after
     * it on each path: through NULL it is an oops (result NULL_CALL, kept whatever is returned
     * later); otherwise the callback runs and reports which ops it was called through and which
     * holder_data it found ({@code OK(ops,holder)}).
     */
    private void callSite(Ast.Call call, Target to, Cont k, Code c, State st) {
        Ast.Arrow callee = (Ast.Arrow) call.callee();
        if (role != Role.READER) {
            throw new KernelCException(source, text, callee.pos(), "a primitive (fs_put_dax() calls no holder "
                    + "callback)", "'->" + callee.field() + "()'");
        }
        if (!callee.field().equals("notify_failure")) {
            throw new KernelCException(source, text, callee.pos(), "notify_failure (the holder callback the models "
                    + "run)", "'" + callee.field() + "'");
        }
        if (to.location != null) {
            throw new KernelCException(source, text, call.pos(), "the callback's result in a local or returned",
                    "a store of it to " + device + "->" + to.location);
        }
        Expr ops = value(callee.base(), c, st);
        for (Ast.Expr a : call.args()) {
            if (!(a instanceof Ast.Ident id && (id.name().equals(device) || passOnly.contains(id.name())))) {
                value(a, c, st);
            }
        }
        String got = fresh("rc");
        String found = named("holder");
        branch(c, Expr.not(ops), oops -> {
            State o = st.copy();
            o.oops = true;
            oops.assign(result, Dax.NULL_CALL);
            if (to.register != null) {
                oops.assign(to.register, Dax.NULL_CALL);
            }
            if (!to.result) {
                statements(k, oops, o);
            }
        }, ok -> {
            ReaderVariant.callback(ok, ops, got, found, readsHolderData, s);
            if (to.register != null) {
                ok.assign(to.register, Expr.reg(got));
            }
            if (to.result) {
                if (!st.oops) {
                    ok.assign(result, Expr.reg(got));
                }
                return;
            }
            statements(k, ok, st.copy());
        });
    }

    // ---- expressions ----

    /** An expression that must have a value. */
    private Expr value(Ast.Expr e, Code c, State st) {
        return eval(e, c, st, true);
    }

    /**
     * Emits the memory accesses of {@code e} in C's order (left to right, && and || short-circuit)
     * and returns its value as a register expression; null for a call that returns nothing when no
     * value is needed.
     */
    private Expr eval(Ast.Expr e, Code c, State st, boolean needValue) {
        String dest = into;
        into = null;
        return e.accept(new Ast.ExprVisitor<>() {
            @Override
            public Expr ident(Ast.Ident id) {
                return name(id);
            }

            @Override
            public Expr number(Ast.Number n) {
                return Expr.val(Value.of(n.value()));
            }

            @Override
            public Expr unary(Ast.Unary u) {
                return KernelC.this.unary(u, c, st);
            }

            @Override
            public Expr binary(Ast.Binary b) {
                return KernelC.this.binary(b, c, st);
            }

            @Override
            public Expr arrow(Ast.Arrow a) {
                into = dest;
                return load(c, location(a), Mode.PLAIN);
            }

            @Override
            public Expr call(Ast.Call call) {
                if (callback(call) != null) {
                    throw new KernelCException(source, text, start(call), "the callback on a line of its own "
                            + "(rc = ops->notify_failure(...); or return ops->notify_failure(...);)",
                            "a call of it inside an expression");
                }
                if (!(call.callee() instanceof Ast.Ident fnName)) {
                    throw new KernelCException(source, text, call.pos(), "a function name before '('",
                            shown(call.callee()));
                }
                Expr v = primitive(fnName, call.args(), c, st, dest);
                if (v == null && needValue) {
                    throw new KernelCException(source, text, call.pos(), "a value", "'" + fnName.name()
                            + "()', which returns nothing");
                }
                return v;
            }
        });
    }

    private Expr name(Ast.Ident id) {
        String n = id.name();
        String reg = locals.get(n);
        if (reg != null) {
            return Expr.reg(reg);
        }
        if (n.equals(device)) {
            return Expr.val(Value.sym(device));
        }
        if (n.equals(holderParam)) {
            return Expr.val(holder);
        }
        switch (n) {
            case "NULL":
                return Expr.val(Value.NULL);
            case "true":
                return Expr.val(Value.of(1));
            case "false":
                return Expr.val(Value.of(0));
            default:
                break;
        }
        if (ERRNOS.contains(n)) {
            throw new KernelCException(source, text, id.pos(), "-" + n + " (errors are returned negated)", "'" + n + "'");
        }
        if (passOnly.contains(n)) {
            throw new KernelCException(source, text, id.pos(), "a value the models keep (" + String.join(", ",
                    passOnly) + " are only passed on to notify_failure())", "'" + n + "'");
        }
        if (n.equals("dax_srcu")) {
            throw new KernelCException(source, text, id.pos(), "&dax_srcu, as synchronize_srcu() takes it", "'dax_srcu'");
        }
        throw new KernelCException(source, text, id.pos(), "a declared local, a parameter (" + String.join(", ",
                role == Role.PUT ? List.of(device, holderParam) : List.of(device)) + ") or NULL", "'" + n + "'");
    }

    private Expr unary(Ast.Unary u, Code c, State st) {
        switch (u.op()) {
            case "!":
                return fold(Expr.not(value(u.operand(), c, st)));
            case "-":
                if (u.operand() instanceof Ast.Ident id && ERRNOS.contains(id.name())) {
                    return Expr.val(Value.sym(id.name()));
                }
                if (u.operand() instanceof Ast.Number n) {
                    return Expr.val(Value.of(-n.value()));
                }
                throw new KernelCException(source, text, u.operand().pos(), "an errno (-EOPNOTSUPP) or a number after "
                        + "'-'", shown(u.operand()));
            case "&":
                throw new KernelCException(source, text, u.pos(), "a value (a pointer is only passed to a primitive: "
                        + "smp_load_acquire(&" + device + "->holder_ops))", "'&'");
            default:
                throw new KernelCException(source, text, u.pos(), "an operator the models know (!, ==, !=, &&, ||)",
                        "'" + u.op() + "'");
        }
    }

    private Expr binary(Ast.Binary b, Code c, State st) {
        switch (b.op()) {
            case "==":
            case "!=": {
                Expr l = value(b.left(), c, st);
                Expr r = value(b.right(), c, st);
                return fold(b.op().equals("==") ? Expr.eq(l, r) : Expr.ne(l, r));
            }
            case "&&":
            case "||": {
                boolean and = b.op().equals("&&");
                Expr l = value(b.left(), c, st);
                if (l.registers().isEmpty()) {
                    boolean decided = l.eval(r -> null).truthy();
                    if (decided != and) {
                        // 0 && x, 1 || x: x is not evaluated (it is still checked).
                        value(b.right(), new Code(), st.copy());
                        return Expr.val(Value.of(and ? 0 : 1));
                    }
                    return truth(value(b.right(), c, st));
                }
                if (!effects(b.right())) {
                    Expr r = value(b.right(), new Code(), st);
                    return and ? Expr.and(l, r) : Expr.or(l, r);
                }
                // The right side reads memory: only when the left side leaves the answer open.
                String reg = fresh("t");
                Consumer<Code> evaluate = x -> x.assign(reg, truth(value(b.right(), x, st)));
                Consumer<Code> decided = x -> x.assign(reg, Value.of(and ? 0 : 1));
                branch(c, l, and ? evaluate : decided, and ? decided : evaluate);
                return Expr.reg(reg);
            }
            default:
                throw new KernelCException(source, text, b.pos(), "an operator the models know (==, !=, &&, ||, !: "
                        + "the values are pointers and NULL)", "'" + b.op() + "'");
        }
    }

    /** Whether evaluating {@code e} touches memory or a register's bookkeeping. */
    private static boolean effects(Ast.Expr e) {
        List<Boolean> found = new ArrayList<>();
        Ast.each(e, x -> {
            if (x instanceof Ast.Call || x instanceof Ast.Arrow) {
                found.add(true);
            }
        });
        return !found.isEmpty();
    }

    /** A constant expression computed here; anything else as it is. */
    private static Expr fold(Expr e) {
        return e.registers().isEmpty() ? Expr.val(e.eval(r -> null)) : e;
    }

    /** {@code e} as C's truth value 0 or 1. */
    private static Expr truth(Expr e) {
        if (e instanceof Expr.Binary b && b.op().ordinal() <= Expr.BinaryOp.OR.ordinal()) {
            return e;
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            return e;
        }
        return fold(Expr.not(Expr.not(e)));
    }

    // ---- primitives ----

    /** A call of a kernel primitive; {@code dest}: the register its result goes to, or null for a fresh one. */
    private Expr primitive(Ast.Ident fnName, List<Ast.Expr> args, Code c, State st, String dest) {
        String n = fnName.name();
        switch (n) {
            case "READ_ONCE": {
                arity(fnName, args, 1, "the location");
                String loc = location(args.get(0), false, n);
                into = dest;
                return load(c, loc, Mode.ONCE);
            }
            case "smp_load_acquire": {
                arity(fnName, args, 1, "&location");
                String loc = location(args.get(0), true, n);
                into = dest;
                return load(c, loc, Mode.ACQUIRE);
            }
            case "WRITE_ONCE": {
                arity(fnName, args, 2, "the location, the value");
                String loc = location(args.get(0), false, n);
                c.store(loc, value(args.get(1), c, st), Mode.ONCE);
                return null;
            }
            case "smp_store_release": {
                arity(fnName, args, 2, "&location, the value");
                String loc = location(args.get(0), true, n);
                c.store(loc, value(args.get(1), c, st), Mode.RELEASE);
                return null;
            }
            case "WARN_ON":
            case "WARN_ON_ONCE": {
                only(Role.PUT, fnName, "WARN_ON() is counted in fs_put_dax() only");
                arity(fnName, args, 1, "the condition");
                Expr cond = truth(value(args.get(0), c, st));
                c.assign(Scenarios.WARN, st.warned ? Expr.or(Expr.reg(Scenarios.WARN), cond) : cond);
                st.warned = true;
                return cond;
            }
            case "put_dax": {
                only(Role.PUT, fnName, "put_dax() is fs_put_dax()'s reference drop");
                arity(fnName, args, 1, device);
                requireDevice(args.get(0));
                Functions.putDax(c, s);
                return null;
            }
            case "synchronize_srcu": {
                only(Role.PUT, fnName, "the reader runs inside dax_read_lock(): a grace period there waits for itself");
                arity(fnName, args, 1, "&dax_srcu");
                if (!(args.get(0) instanceof Ast.Unary u && u.op().equals("&") && u.operand() instanceof Ast.Ident d
                        && d.name().equals("dax_srcu"))) {
                    throw new KernelCException(source, text, args.get(0).pos(), "&dax_srcu (the SRCU domain of "
                            + "dax_read_lock())", shown(args.get(0)));
                }
                c.synchronizeSrcu(Dax.DAX_SRCU);
                return null;
            }
            case "dax_holder": {
                arity(fnName, args, 1, device);
                requireDevice(args.get(0));
                String reg = dest != null ? dest : fresh("t");
                Functions.daxHolder(c, reg, s);
                return Expr.reg(reg);
            }
            case "dax_alive": {
                only(Role.READER, fnName, "fs_put_dax() does not look at the device's liveness");
                arity(fnName, args, 1, device);
                requireDevice(args.get(0));
                if (!underSrcu) {
                    return Expr.val(Value.of(1));
                }
                String reg = named("alive");
                c.call("dax_alive", a -> a.readOnce(reg, Dax.ALIVE));
                return Expr.reg(reg);
            }
            case "dax_read_lock": {
                arity(fnName, args, 0, "nothing");
                if (role == Role.READER && !fn.whole()) {
                    throw new KernelCException(source, text, fnName.pos(), "the code inside the read section (a body "
                            + "runs inside dax_read_lock() already; write the whole function to change its frame)",
                            "'dax_read_lock()'");
                }
                if (role == Role.PUT || underSrcu) {
                    c.srcuReadLock(Dax.DAX_SRCU);
                }
                return Expr.val(Value.of(0));
            }
            case "dax_read_unlock": {
                arity(fnName, args, 1, "the index dax_read_lock() returned");
                value(args.get(0), c, st);
                if (role == Role.PUT || underSrcu) {
                    c.srcuReadUnlock(Dax.DAX_SRCU);
                }
                return null;
            }
            default:
                break;
        }
        Mode mode = rmwMode(n);
        if (mode != null && n.startsWith("cmpxchg")) {
            arity(fnName, args, 3, "&location, old, new");
            String loc = location(args.get(0), true, n);
            Expr expected = value(args.get(1), c, st);
            Expr desired = value(args.get(2), c, st);
            String reg = dest != null ? dest : fresh("t");
            c.add(new Instr.Rmw(Optional.of(reg), Expr.addr(loc), new RmwOp.Cmpxchg(expected, desired), mode));
            return Expr.reg(reg);
        }
        if (mode != null) {
            arity(fnName, args, 2, "&location, the new value");
            String loc = location(args.get(0), true, n);
            Expr v = value(args.get(1), c, st);
            String reg = dest != null ? dest : fresh("t");
            c.add(new Instr.Rmw(Optional.of(reg), Expr.addr(loc), new RmwOp.Xchg(v), mode));
            return Expr.reg(reg);
        }
        FenceKind fence = fence(n);
        if (fence != null) {
            arity(fnName, args, 0, "nothing");
            c.fence(fence);
            return null;
        }
        throw new KernelCException(source, text, fnName.pos(), "a primitive the models know (" + KNOWN
                + (role == Role.PUT ? "WARN_ON, put_dax, synchronize_srcu, dax_read_lock, dax_read_unlock"
                : "dax_alive, dax_read_lock, dax_read_unlock, ops->notify_failure") + ")", "'" + n + "()'");
    }

    /** The ordering of {@code cmpxchg*} and {@code xchg*} by suffix; null for other names. */
    private static Mode rmwMode(String n) {
        String base = n.startsWith("cmpxchg") ? "cmpxchg" : n.startsWith("xchg") ? "xchg" : null;
        if (base == null) {
            return null;
        }
        switch (n.substring(base.length())) {
            case "":
                return Mode.FULL;
            case "_relaxed":
                return Mode.RELAXED;
            case "_acquire":
                return Mode.ACQUIRE;
            case "_release":
                return Mode.RELEASE;
            default:
                return null;
        }
    }

    private static FenceKind fence(String n) {
        for (FenceKind f : List.of(FenceKind.MB, FenceKind.WMB, FenceKind.RMB, FenceKind.BEFORE_ATOMIC,
                FenceKind.AFTER_ATOMIC, FenceKind.BARRIER)) {
            if (f.kernelName().equals(n)) {
                return f;
            }
        }
        return null;
    }

    private Expr load(Code c, String location, Mode mode) {
        String reg = destination();
        c.load(reg, location, mode);
        return Expr.reg(reg);
    }

    private void only(Role where, Ast.Ident fnName, String why) {
        if (role != where) {
            throw new KernelCException(source, text, fnName.pos(), "a primitive of " + role.function + "() (" + why
                    + ")", "'" + fnName.name() + "()'");
        }
    }

    private void arity(Ast.Ident fnName, List<Ast.Expr> args, int n, String what) {
        if (args.size() != n) {
            throw new KernelCException(source, text, fnName.pos(), fnName.name() + "() with " + n
                    + (n == 1 ? " argument (" : " arguments (") + what + ")", args.size() + (args.size() == 1
                    ? " argument" : " arguments"));
        }
    }

    private void requireDevice(Ast.Expr e) {
        if (!(e instanceof Ast.Ident id && id.name().equals(device))) {
            throw new KernelCException(source, text, start(e), device, shown(e));
        }
    }

    /** The location a primitive's first argument names: {@code &dax_dev->holder_ops} or, unmarked, without the {@code &}. */
    private String location(Ast.Expr e, boolean pointer, String primitive) {
        if (pointer) {
            if (!(e instanceof Ast.Unary u && u.op().equals("&"))) {
                throw new KernelCException(source, text, start(e), "'&' before the location (" + primitive + "() takes "
                        + "a pointer: &" + device + "->holder_ops)", shown(e));
            }
            return location(u.operand());
        }
        if (e instanceof Ast.Unary u && u.op().equals("&")) {
            throw new KernelCException(source, text, e.pos(), "the location without '&' (" + primitive + "() takes "
                    + "the variable itself: " + device + "->holder_ops)", "'&'");
        }
        return location(e);
    }

    private String location(Ast.Expr e) {
        if (!(e instanceof Ast.Arrow a) || !(a.base() instanceof Ast.Ident base) || !base.name().equals(device)) {
            Pos at = start(e);
            throw new KernelCException(source, text, at, device + "->holder_data or " + device + "->holder_ops",
                    shown(e));
        }
        switch (a.field()) {
            case "holder_data":
                return Dax.HOLDER_DATA;
            case "holder_ops":
                return Dax.HOLDER_OPS;
            default:
                throw new KernelCException(source, text, a.pos(), "holder_data or holder_ops (the fields of struct "
                        + "dax_device the models keep)", "'" + a.field() + "'");
        }
    }

    /** Where an expression starts in the text (its own position is its operator's or field's). */
    private static Pos start(Ast.Expr e) {
        List<Ast.Expr> operands = Ast.operands(e);
        if (operands.isEmpty() || e instanceof Ast.Unary) {
            return e.pos();
        }
        Pos first = start(operands.get(0));
        return first.line() < e.pos().line() || (first.line() == e.pos().line() && first.column() < e.pos().column())
                ? first : e.pos();
    }

    /** An expression as an error message shows it, briefly. */
    private static String shown(Ast.Expr e) {
        return e.accept(new Ast.ExprVisitor<>() {
            @Override
            public String ident(Ast.Ident id) {
                return "'" + id.name() + "'";
            }

            @Override
            public String number(Ast.Number n) {
                return "'" + n.value() + "'";
            }

            @Override
            public String unary(Ast.Unary u) {
                return "'" + u.op() + "...'";
            }

            @Override
            public String binary(Ast.Binary b) {
                return "an expression with '" + b.op() + "'";
            }

            @Override
            public String arrow(Ast.Arrow a) {
                return "'" + (a.base() instanceof Ast.Ident id ? id.name() : "...") + "->" + a.field() + "'";
            }

            @Override
            public String call(Ast.Call call) {
                return call.callee() instanceof Ast.Ident id ? "'" + id.name() + "(...)'" : "a call";
            }
        });
    }

    /** One line of C: the body's text without comments, white space collapsed, cut at 160 characters. */
    static String summary(String text) {
        String t = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        int open = t.indexOf('{');
        int close = t.lastIndexOf('}');
        if (open >= 0 && t.substring(0, open).contains("(") && close > open
                && t.substring(0, open).trim().matches("(?s).*\\w+\\s*\\(.*\\)\\s*")) {
            t = t.substring(open + 1, close);
        }
        t = t.replaceAll("\\s+", " ").trim();
        return t.length() <= 160 ? t : t.substring(0, 157) + "...";
    }
}
