package daxlab.litmus;

import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one thread, {@code P0(int *x, spinlock_t *l) { ... }}, and lowers its C onto the IR as
 * it goes: each statement becomes IR instructions, and a memory access nested in an expression
 * ({@code *z2 = *z1}, {@code if (READ_ONCE(*x) == 1)}) becomes a load into a fresh register
 * ({@code tmp0}) just before it, so that every IR instruction does at most one shared access.
 * Which primitive becomes which instruction is {@link Primitive}'s table. Statements and
 * expressions nest at most {@link Nesting#MAX} deep (an operator chain {@code a + b + ...} counts
 * as deep as it is long: that is how deep the expression it makes is).
 */
final class ThreadParser {
    /** Words that start a declaration or a cast. */
    static final Set<String> TYPE_WORDS = Set.of("int", "long", "unsigned", "signed", "char", "short",
            "bool", "_Bool", "intptr_t", "uintptr_t", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
            "size_t", "void", "const", "volatile", "struct", "spinlock_t", "atomic_t", "atomic_long_t");
    private static final String PRIMITIVES_HINT = "a kernel primitive (READ_ONCE, WRITE_ONCE, smp_load_acquire, "
            + "smp_store_release, smp_mb, cmpxchg, xchg, atomic_*, spin_lock, rcu_*, srcu_*, ...)";

    private final LitmusLexer lx;
    private final String thread;
    private final int tempBase;
    private final ThreadScope scope;
    private final Nesting statements;
    private final Nesting expressions;
    /** How deep each expression parsed is, where it is more than 1. */
    private final Map<CExpr, Integer> depths = new IdentityHashMap<>();

    /**
     * @param initialised registers the init block gives a value ({@code 0:r1=2;}): declared already
     * @param tempBase    the first number for fresh registers, above every {@code tmpN} in the file
     */
    ThreadParser(LitmusLexer lx, String thread, Set<String> initialised, int tempBase) {
        this.lx = lx;
        this.thread = thread;
        this.tempBase = tempBase;
        this.scope = new ThreadScope(thread);
        this.statements = new Nesting(lx);
        this.expressions = new Nesting(lx);
        scope.locals.addAll(initialised);
        scope.named.addAll(initialised);
    }

    /** The parameters read by {@link #parse()}: the shared locations this thread names. */
    Set<String> params() {
        return scope.params;
    }

    /**
     * The registers the thread's text names, after {@link #parse()}: declared, assigned, or
     * given a value in the init block (the fresh ones lowering invents are not among them).
     */
    Set<String> registers() {
        return scope.named;
    }

    /** Reads {@code (params) { body }} after the thread's name, in C mode; leaves the lexer in frame mode. */
    ThreadCode parse() {
        lx.cMode(true);
        lx.expect("(", "'(' and the parameters of " + thread);
        if (!lx.accept(")")) {
            do {
                LitmusToken p = declarator("a parameter such as 'int *x'");
                if (!scope.params.add(p.text())) {
                    throw lx.error(p, "distinct parameter names");
                }
            } while (lx.accept(","));
            lx.expect(")", "',' or ')' after a parameter");
        }
        lx.expect("{", "'{' opening the body of " + thread);
        List<Instr> body = new ArrayList<>();
        while (!lx.peek().is("}")) {
            statement(scope, body);
        }
        lx.next();
        lx.cMode(false);
        return new ThreadCode(thread, body);
    }

    /** Type words and stars, as in a cast. */
    private void declaratorType() {
        LitmusToken t = lx.next();
        if (t.is("struct")) {
            lx.ident("a struct name");
        }
        while (lx.peek().is("*") || (lx.peek().isIdent() && TYPE_WORDS.contains(lx.peek().text()))) {
            lx.next();
        }
    }

    /** Type words, stars, a name: returns the name. */
    private LitmusToken declarator(String what) {
        LitmusToken t = lx.next();
        if (!t.isIdent() || !TYPE_WORDS.contains(t.text())) {
            throw lx.error(t, what);
        }
        if (t.is("struct")) {
            lx.ident("a struct name");
        }
        while (lx.peek().is("*") || (lx.peek().isIdent() && TYPE_WORDS.contains(lx.peek().text()))) {
            lx.next();
        }
        return lx.ident(what);
    }

    /** Names visible in one thread body. */
    private final class ThreadScope {
        final String thread;
        final Set<String> params = new LinkedHashSet<>();
        final Set<String> locals = new LinkedHashSet<>();
        /** The locals the text names (locals less the fresh temporaries). */
        final Set<String> named = new LinkedHashSet<>();
        int temps = tempBase;

        ThreadScope(String thread) {
            this.thread = thread;
        }

        String fresh() {
            String n;
            do {
                n = "tmp" + temps++;
            } while (locals.contains(n) || params.contains(n));
            locals.add(n);
            return n;
        }
    }

    private void statement(ThreadScope s, List<Instr> out) {
        LitmusToken t = lx.peek();
        if (t.is(";")) {
            lx.next();
            return;
        }
        if (t.is("{")) {
            statements.enter(t, "blocks and if statements");
            try {
                block(s, out);
            } finally {
                statements.leave();
            }
            return;
        }
        if (t.kind() == LitmusToken.Kind.EOF) {
            throw lx.error(t, "'}' closing the body of " + s.thread);
        }
        if (t.is("if")) {
            lx.next();
            lx.expect("(", "'(' after if");
            CExpr c = expr();
            lx.expect(")", "')' closing the condition");
            Expr cond = value(c, s, out);
            List<Instr> then = new ArrayList<>();
            List<Instr> otherwise = new ArrayList<>();
            statements.enter(t, "blocks and if statements");
            try {
                branch(s, then);
                if (lx.accept("else")) {
                    branch(s, otherwise);
                }
            } finally {
                statements.leave();
            }
            out.add(new Instr.If(cond, then, otherwise));
            return;
        }
        if (t.isIdent() && TYPE_WORDS.contains(t.text())) {
            declaration(s, out);
            return;
        }
        if (t.is("while") || t.is("for") || t.is("do") || t.is("return") || t.is("goto") || t.is("switch")) {
            throw lx.error(t, "a statement this parser supports (assignment, primitive call, if/else, block)");
        }
        CExpr lhs = expr();
        if (lx.accept("=")) {
            CExpr rhs = expr();
            assign(lhs, rhs, s, out);
        } else if (lhs instanceof CExpr.Call) {
            call((CExpr.Call) lhs, null, s, out);
        } else {
            throw lx.error(lx.peek(), "'=' or a call of " + PRIMITIVES_HINT);
        }
        lx.expect(";", "';' after the statement");
    }

    /** {@code { statements }}, the '{' next. */
    private void block(ThreadScope s, List<Instr> out) {
        lx.next();
        while (!lx.peek().is("}")) {
            if (lx.peek().kind() == LitmusToken.Kind.EOF) {
                throw lx.error(lx.peek(), "'}' closing the block");
            }
            statement(s, out);
        }
        lx.next();
    }

    /** The body of an if or else: a block is one level with its if, not two. */
    private void branch(ThreadScope s, List<Instr> out) {
        if (lx.peek().is("{")) {
            block(s, out);
        } else {
            statement(s, out);
        }
    }

    private void declaration(ThreadScope s, List<Instr> out) {
        LitmusToken type = lx.next();
        if (type.is("struct")) {
            lx.ident("a struct name");
        }
        while (lx.peek().isIdent() && TYPE_WORDS.contains(lx.peek().text())) {
            lx.next();
        }
        do {
            while (lx.accept("*")) {
                // pointer registers hold addresses; the IR does not type registers
            }
            LitmusToken name = lx.ident("the name of a local variable");
            if (s.params.contains(name.text())) {
                throw lx.error(name, "a local name different from the parameters");
            }
            s.locals.add(name.text());
            s.named.add(name.text());
            if (lx.accept("=")) {
                CExpr rhs = expr();
                assign(new CExpr.Name(name, name.text()), rhs, s, out);
            }
        } while (lx.accept(","));
        lx.expect(";", "';' or ',' after a declaration");
    }

    private void assign(CExpr lhs, CExpr rhs, ThreadScope s, List<Instr> out) {
        if (lhs instanceof CExpr.Name) {
            CExpr.Name n = (CExpr.Name) lhs;
            if (s.params.contains(n.name())) {
                throw new LitmusSyntaxException(lx.file(), n.at().line(), n.at().column(),
                        "a register (assigning a pointer parameter is not supported; write *" + n.name() + " = ...)",
                        "'" + n.name() + "'");
            }
            // Like herd7, an assignment declares the register it assigns if no declaration did.
            s.locals.add(n.name());
            s.named.add(n.name());
            if (rhs instanceof CExpr.Call) {
                Primitive p = primitive((CExpr.Call) rhs);
                if (!p.hasValue()) {
                    throw new LitmusSyntaxException(lx.file(), rhs.at().line(), rhs.at().column(),
                            "a primitive that returns a value", "'" + p.name() + "', which returns none");
                }
                call((CExpr.Call) rhs, n.name(), s, out);
            } else if (rhs instanceof CExpr.Deref) {
                Expr addr = value(((CExpr.Deref) rhs).pointer(), s, out);
                out.add(new Instr.Load(n.name(), addr, Mode.PLAIN));
            } else {
                out.add(new Instr.Assign(n.name(), value(rhs, s, out)));
            }
        } else if (lhs instanceof CExpr.Deref) {
            Expr addr = value(((CExpr.Deref) lhs).pointer(), s, out);
            Expr v = value(rhs, s, out);
            out.add(new Instr.Store(addr, v, Mode.PLAIN));
        } else {
            throw new LitmusSyntaxException(lx.file(), lhs.at().line(), lhs.at().column(),
                    "a register or '*pointer' on the left of '='", "'" + lhs.at().text() + "'");
        }
    }

    private Primitive primitive(CExpr.Call c) {
        Primitive p = Primitive.lookup(c.function());
        if (p == null) {
            String near = Primitive.closest(c.function());
            throw new LitmusSyntaxException(lx.file(), c.at().line(), c.at().column(),
                    near == null ? PRIMITIVES_HINT : "a kernel primitive (did you mean " + near + "?)",
                    "'" + c.function() + "'");
        }
        if (c.args().size() != p.shape().arity) {
            throw new LitmusSyntaxException(lx.file(), c.at().line(), c.at().column(),
                    p.shape().arity + " argument" + (p.shape().arity == 1 ? "" : "s") + " to " + p.name(),
                    String.valueOf(c.args().size()));
        }
        return p;
    }

    /** Lowers one primitive call; {@code dest} receives its value (null: the value is dropped). */
    private void call(CExpr.Call c, String dest, ThreadScope s, List<Instr> out) {
        Primitive p = primitive(c);
        List<CExpr> a = c.args();
        switch (p.shape()) {
            case LOAD_LVALUE:
            case LOAD_POINTER: {
                Expr addr = p.shape() == Primitive.Shape.LOAD_LVALUE ? lvalue(a.get(0), p, s, out) : value(a.get(0), s, out);
                out.add(new Instr.Load(dest == null ? s.fresh() : dest, addr, p.mode()));
                return;
            }
            case STORE_LVALUE:
            case STORE_POINTER: {
                Expr addr = p.shape() == Primitive.Shape.STORE_LVALUE ? lvalue(a.get(0), p, s, out) : value(a.get(0), s, out);
                Expr v = value(a.get(1), s, out);
                out.add(new Instr.Store(addr, v, p.mode()));
                return;
            }
            case STORE_MB: {
                Expr addr = lvalue(a.get(0), p, s, out);
                Expr v = value(a.get(1), s, out);
                out.add(new Instr.Store(addr, v, p.mode()));
                out.add(new Instr.Fence(FenceKind.MB));
                return;
            }
            case CMPXCHG: {
                Expr addr = value(a.get(0), s, out);
                Expr expected = value(a.get(1), s, out);
                Expr desired = value(a.get(2), s, out);
                out.add(new Instr.Rmw(Optional.ofNullable(dest), addr, new RmwOp.Cmpxchg(expected, desired), p.mode()));
                return;
            }
            case XCHG: {
                Expr addr = value(a.get(0), s, out);
                Expr v = value(a.get(1), s, out);
                out.add(new Instr.Rmw(Optional.ofNullable(dest), addr, new RmwOp.Xchg(v), p.mode()));
                return;
            }
            case ADD: {
                Expr delta = value(a.get(0), s, out);
                Expr addr = value(a.get(1), s, out);
                if (p.delta() < 0) {
                    delta = negate(delta);
                }
                out.add(new Instr.Rmw(Optional.ofNullable(dest), addr, new RmwOp.FetchAdd(delta, p.returnsNew()), p.mode()));
                return;
            }
            case INC: {
                Expr addr = value(a.get(0), s, out);
                out.add(new Instr.Rmw(Optional.ofNullable(dest), addr, new RmwOp.FetchAdd(Expr.num(p.delta()), p.returnsNew()), p.mode()));
                return;
            }
            case BITS: {
                Expr operand = value(a.get(0), s, out);
                Expr addr = value(a.get(1), s, out);
                out.add(new Instr.Rmw(Optional.ofNullable(dest), addr, new RmwOp.FetchBits(p.bits(), operand, false), p.mode()));
                return;
            }
            case ADD_UNLESS: {
                Expr addr = value(a.get(0), s, out);
                Expr add = value(a.get(1), s, out);
                Expr unless = value(a.get(2), s, out);
                out.add(new Instr.Rmw(Optional.ofNullable(dest), addr, new RmwOp.AddUnless(add, unless), p.mode()));
                return;
            }
            case ADD_TEST:
            case INC_TEST: {
                // The new value, then the test: atomic_dec_and_test(v) is atomic_dec_return(v) == 0.
                Expr delta;
                Expr addr;
                if (p.shape() == Primitive.Shape.ADD_TEST) {
                    delta = value(a.get(0), s, out);
                    addr = value(a.get(1), s, out);
                    if (p.delta() < 0) {
                        delta = negate(delta);
                    }
                } else {
                    delta = Expr.num(p.delta());
                    addr = value(a.get(0), s, out);
                }
                String fresh = s.fresh();
                out.add(new Instr.Rmw(Optional.of(fresh), addr, new RmwOp.FetchAdd(delta, true), p.mode()));
                if (dest != null) {
                    Expr.BinaryOp cmp = p.test() == Primitive.Test.ZERO ? Expr.BinaryOp.EQ : Expr.BinaryOp.LT;
                    out.add(new Instr.Assign(dest, new Expr.Binary(cmp, Expr.reg(fresh), Expr.num(0))));
                }
                return;
            }
            case SPIN_TRYLOCK:
                out.add(new Instr.Lock(Optional.of(dest == null ? s.fresh() : dest), value(a.get(0), s, out), Instr.LockOp.TRYLOCK));
                return;
            case FENCE:
                out.add(new Instr.Fence(p.fence()));
                return;
            case SPIN_LOCK:
            case SPIN_UNLOCK:
                out.add(new Instr.Lock(Optional.empty(), value(a.get(0), s, out),
                        p.shape() == Primitive.Shape.SPIN_LOCK ? Instr.LockOp.LOCK : Instr.LockOp.UNLOCK));
                return;
            case SPIN_IS_LOCKED:
                out.add(new Instr.Lock(Optional.of(dest == null ? s.fresh() : dest), value(a.get(0), s, out), Instr.LockOp.IS_LOCKED));
                return;
            case SRCU_READ_LOCK:
                // The index is the value read from the srcu_struct; the unlock that passes it back
                // (through registers or memory) ends this section.
                out.add(Instr.Srcu.lock(dest == null ? s.fresh() : dest, srcuDomain(a.get(0), s)));
                return;
            case SRCU_READ_UNLOCK: {
                String domain = srcuDomain(a.get(0), s);
                out.add(Instr.Srcu.unlock(domain, value(a.get(1), s, out)));
                return;
            }
            case SYNCHRONIZE_SRCU:
                out.add(Instr.Srcu.synchronize(srcuDomain(a.get(0), s)));
                return;
            default:
                throw new AssertionError(p.shape());
        }
    }

    private String srcuDomain(CExpr e, ThreadScope s) {
        CExpr inner = e instanceof CExpr.AddrOf ? ((CExpr.AddrOf) e).operand() : e;
        if (inner instanceof CExpr.Name && s.params.contains(((CExpr.Name) inner).name())) {
            return ((CExpr.Name) inner).name();
        }
        throw new LitmusSyntaxException(lx.file(), e.at().line(), e.at().column(),
                "an srcu_struct parameter of the thread", "'" + e.at().text() + "'");
    }

    private static Expr negate(Expr e) {
        if (e instanceof Expr.Const && ((Expr.Const) e).value() instanceof Value.Int) {
            return Expr.num(-((Value.Int) ((Expr.Const) e).value()).value());
        }
        return new Expr.Unary(Expr.UnaryOp.NEG, e);
    }

    private Expr lvalue(CExpr e, Primitive p, ThreadScope s, List<Instr> out) {
        if (e instanceof CExpr.Deref) {
            return value(((CExpr.Deref) e).pointer(), s, out);
        }
        throw new LitmusSyntaxException(lx.file(), e.at().line(), e.at().column(),
                "'*' and a pointer (" + p.name() + " takes an lvalue such as *x)", "'" + e.at().text() + "'");
    }

    /** Lowers an expression to a thread-local IR expression, hoisting its memory accesses into {@code out}. */
    private Expr value(CExpr e, ThreadScope s, List<Instr> out) {
        if (e instanceof CExpr.Num) {
            return Expr.num(((CExpr.Num) e).value());
        }
        if (e instanceof CExpr.Name) {
            String n = ((CExpr.Name) e).name();
            if (s.locals.contains(n)) {
                return Expr.reg(n);
            }
            if (s.params.contains(n)) {
                return Expr.addr(n);
            }
            throw new LitmusSyntaxException(lx.file(), e.at().line(), e.at().column(),
                    "a declared local variable or parameter of " + s.thread, "'" + n + "'");
        }
        if (e instanceof CExpr.Deref) {
            Expr addr = value(((CExpr.Deref) e).pointer(), s, out);
            String tmp = s.fresh();
            out.add(new Instr.Load(tmp, addr, Mode.PLAIN));
            return Expr.reg(tmp);
        }
        if (e instanceof CExpr.AddrOf) {
            CExpr operand = ((CExpr.AddrOf) e).operand();
            if (operand instanceof CExpr.Deref) {
                return value(((CExpr.Deref) operand).pointer(), s, out);
            }
            throw new LitmusSyntaxException(lx.file(), e.at().line(), e.at().column(),
                    "'&*p' (parameters are already pointers: write x, not &x)", "'&'");
        }
        if (e instanceof CExpr.Unary) {
            CExpr.Unary u = (CExpr.Unary) e;
            Expr inner = value(u.operand(), s, out);
            switch (u.op()) {
                case "!": return Expr.not(inner);
                case "-": return new Expr.Unary(Expr.UnaryOp.NEG, inner);
                default:
                    throw new LitmusSyntaxException(lx.file(), e.at().line(), e.at().column(),
                            "'!' or '-' (the IR has no '" + u.op() + "')", "'" + u.op() + "'");
            }
        }
        if (e instanceof CExpr.Binary) {
            CExpr.Binary b = (CExpr.Binary) e;
            Expr left = value(b.left(), s, out);
            List<Instr> rightSide = new ArrayList<>();
            Expr right = value(b.right(), s, rightSide);
            if ((b.op().equals("&&") || b.op().equals("||")) && !rightSide.isEmpty()) {
                throw new LitmusSyntaxException(lx.file(), b.right().at().line(), b.right().at().column(),
                        "no memory access on the right of " + b.op() + " (it is evaluated only sometimes; "
                                + "read it into a register first)", "'" + b.right().at().text() + "'");
            }
            out.addAll(rightSide);
            return new Expr.Binary(binaryOp(b), left, right);
        }
        CExpr.Call c = (CExpr.Call) e;
        Primitive p = primitive(c);
        if (!p.hasValue()) {
            throw new LitmusSyntaxException(lx.file(), c.at().line(), c.at().column(),
                    "a primitive that returns a value", "'" + p.name() + "', which returns none");
        }
        String tmp = s.fresh();
        call(c, tmp, s, out);
        return Expr.reg(tmp);
    }

    private Expr.BinaryOp binaryOp(CExpr.Binary b) {
        for (Expr.BinaryOp op : Expr.BinaryOp.values()) {
            if (op.symbol().equals(b.op())) {
                return op;
            }
        }
        throw new LitmusSyntaxException(lx.file(), b.at().line(), b.at().column(), "an operator the IR has",
                "'" + b.op() + "'");
    }

    // ------------------------------------------------------------------ C expressions

    /** The binary operators by precedence, loosest first; all associate to the left. */
    private static final List<Set<String>> LEVELS = List.of(
            Set.of("||"), Set.of("&&"), Set.of("|"), Set.of("^"), Set.of("&"),
            Set.of("==", "!="), Set.of("<", "<=", ">", ">="), Set.of("+", "-"));

    private CExpr expr() {
        return binary(0);
    }

    /** The precedence level of a binary operator token, or -1. */
    private static int levelOf(LitmusToken t) {
        if (t.kind() != LitmusToken.Kind.PUNCT) {
            return -1;
        }
        for (int i = 0; i < LEVELS.size(); i++) {
            if (LEVELS.get(i).contains(t.text())) {
                return i;
            }
        }
        return -1;
    }

    /** Operators of level {@code level} or tighter (precedence climbing: one call per level change, not per level). */
    private CExpr binary(int level) {
        CExpr left = unary();
        while (true) {
            LitmusToken op = lx.peek();
            int l = levelOf(op);
            if (l < level) {
                return left;
            }
            lx.next();
            CExpr right = binary(l + 1);
            left = node(new CExpr.Binary(op, op.text(), left, right), left, right);
        }
    }

    /** Records how deep {@code e} is, one more than its deepest child; too deep is an error at its token. */
    private <E extends CExpr> E node(E e, CExpr... children) {
        int d = 1;
        for (CExpr c : children) {
            d = Math.max(d, depths.getOrDefault(c, 1) + 1);
        }
        if (d > Nesting.MAX) {
            throw Nesting.tooDeep(lx, e.at(), "expressions (operators, parentheses, calls)");
        }
        if (d > 1) {
            depths.put(e, d);
        }
        return e;
    }

    private CExpr unary() {
        LitmusToken t = lx.peek();
        if (t.is("-") || t.is("*") || t.is("&") || t.is("!") || t.is("~")) {
            lx.next();
            if (t.is("-") && lx.peek().kind() == LitmusToken.Kind.NUMBER) {
                // '-1' is the constant -1; '-(1)' stays a negation, so the printer can say either.
                LitmusToken n = lx.next();
                return new CExpr.Num(t, -lx.number(n));
            }
            expressions.enter(t, "expressions (operators, parentheses, calls)");
            try {
                CExpr operand = unary();
                CExpr e = t.is("*") ? new CExpr.Deref(t, operand)
                        : t.is("&") ? new CExpr.AddrOf(t, operand)
                        : new CExpr.Unary(t, t.text(), operand);
                return node(e, operand);
            } finally {
                expressions.leave();
            }
        }
        return primary();
    }

    private CExpr primary() {
        LitmusToken t = lx.next();
        if (t.is("(")) {
            expressions.enter(t, "expressions (operators, parentheses, calls)");
            try {
                if (lx.peek().isIdent() && TYPE_WORDS.contains(lx.peek().text())) {
                    // A cast such as (int **): the IR does not type values, so it changes nothing.
                    declaratorType();
                    lx.expect(")", "')' closing the cast");
                    return unary();
                }
                CExpr e = expr();
                lx.expect(")", "')'");
                return e;
            } finally {
                expressions.leave();
            }
        }
        if (t.kind() == LitmusToken.Kind.NUMBER) {
            return new CExpr.Num(t, lx.number(t));
        }
        if (t.isIdent()) {
            if (lx.peek().is("(")) {
                LitmusToken open = lx.next();
                List<CExpr> args = new ArrayList<>();
                expressions.enter(open, "expressions (operators, parentheses, calls)");
                try {
                    if (!lx.accept(")")) {
                        do {
                            args.add(expr());
                        } while (lx.accept(","));
                        lx.expect(")", "',' or ')' in the arguments of " + t.text());
                    }
                } finally {
                    expressions.leave();
                }
                return node(new CExpr.Call(t, t.text(), args), args.toArray(new CExpr[0]));
            }
            if (lx.peek().is("->") || lx.peek().is(".")) {
                throw lx.error(lx.peek(), "a plain variable (struct members are not supported; use one location per field)");
            }
            return new CExpr.Name(t, t.text());
        }
        throw lx.error(t, "an expression");
    }
}
