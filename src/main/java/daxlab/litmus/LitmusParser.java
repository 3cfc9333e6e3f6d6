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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads C litmus tests in the Linux kernel's format ({@code tools/memory-model/litmus-tests}):
 * <pre>
 * C name
 * (* comment *)
 * { x=1; int *p = &amp;x; spinlock_t l; 0:r1=2; }
 * P0(int *x, spinlock_t *l) { int r0; r0 = READ_ONCE(*x); ... }
 * ...
 * locations [0:r1; x]
 * exists (0:r0=1 /\ ~x=2)
 * </pre>
 * Each thread body is lowered onto the IR as it is read: a memory access nested in an
 * expression ({@code *z2 = *z1}, {@code if (*z2 == 1)}) becomes a load into a fresh register
 * ({@code tmp0}) just before the statement, so that every IR instruction does at most one shared
 * access, which is what the engines need and what the LKMM's dependencies are made of.
 */
public final class LitmusParser {
    private static final Set<String> TYPE_WORDS = Set.of("int", "long", "unsigned", "signed", "char", "short",
            "bool", "_Bool", "intptr_t", "uintptr_t", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
            "size_t", "void", "const", "volatile", "struct", "spinlock_t", "atomic_t", "atomic_long_t");
    private static final Pattern THREAD = Pattern.compile("P([0-9]+)");
    private static final Pattern TEMP = Pattern.compile("\\btmp([0-9]+)\\b");
    private static final String PRIMITIVES_HINT = "a kernel primitive (READ_ONCE, WRITE_ONCE, smp_load_acquire, "
            + "smp_store_release, smp_mb, cmpxchg, xchg, atomic_*, spin_lock, rcu_*, srcu_*, ...)";

    private final Lexer lx;
    private final String source;
    private final Map<String, Value> init = new LinkedHashMap<>();
    /** Locations named as values (p=y, 1:r0=x) that must exist even if no thread declares them. */
    private final Set<String> referenced = new LinkedHashSet<>();
    private final Map<Integer, List<Instr>> registerInits = new LinkedHashMap<>();
    private final List<ThreadCode> threads = new ArrayList<>();
    private final Set<String> params = new LinkedHashSet<>();
    private final int tempBase;

    private LitmusParser(String source, String file) {
        this.source = source;
        this.lx = new Lexer(source, file);
        int max = -1;
        Matcher m = TEMP.matcher(source);
        while (m.find()) {
            try {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                // an absurdly long number: no fresh name of ours can collide with it
            }
        }
        tempBase = max + 1;
    }

    public static LitmusTest parse(String source, String fileName) {
        return new LitmusParser(source, fileName).test();
    }

    public static LitmusTest parse(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses a condition alone, as herd7 prints it after {@code Condition}: {@code exists ([x]=2 /\ 0:r0=2)}.
     * Fields are normalised ({@code [x]} to {@code x}, {@code P0:r0} to {@code 0:r0}).
     */
    public static Condition parseCondition(String text, String fileName) {
        LitmusParser p = new LitmusParser(text, fileName);
        Condition c = p.condition(new ArrayList<>());
        if (p.lx.peek().kind() != Token.Kind.EOF) {
            throw p.lx.error(p.lx.peek(), "the end of the condition");
        }
        return c;
    }

    // ------------------------------------------------------------------ frame

    private LitmusTest test() {
        Token c = lx.next();
        if (!c.is("C")) {
            throw lx.error(c, "'C' and the test name (this parser reads C litmus tests)");
        }
        Token nameTok = lx.restOfLine();
        String name = nameTok.text();
        if (name.isEmpty() || name.contains(" ") || name.contains("\t")) {
            throw new LitmusSyntaxException(lx.file(), nameTok.line(), nameTok.column(), "a test name after 'C'",
                    name.isEmpty() ? "end of line" : "'" + name + "'");
        }
        expect("{", "'{' opening the init block");
        initBlock();
        while (isThreadStart(lx.peek())) {
            thread();
        }
        if (threads.isEmpty()) {
            throw lx.error(lx.peek(), "a thread P0(...) { ... }");
        }
        List<String> locations = new ArrayList<>();
        List<Token> locationTokens = new ArrayList<>();
        Condition condition = null;
        Token condAt = null;
        List<Token> condFieldTokens = new ArrayList<>();
        while (lx.peek().kind() != Token.Kind.EOF) {
            Token t = lx.peek();
            if (t.is("locations") && locations.isEmpty()) {
                lx.next();
                locationsClause(locations, locationTokens);
            } else if (condition == null && (t.is("exists") || t.is("forall") || t.is("~"))) {
                condAt = t;
                condition = condition(condFieldTokens);
            } else if (condition == null) {
                throw lx.error(t, isThreadStart(t) ? "threads numbered P0, P1, ... in order"
                        : "'locations [...]', 'exists', '~exists' or 'forall'");
            } else {
                throw lx.error(t, "end of file after the condition");
            }
        }
        // Every pointer parameter and every location named as a value is a shared location, 0 unless initialised.
        for (String p : params) {
            init.putIfAbsent(p, Value.of(0));
        }
        for (String r : referenced) {
            init.putIfAbsent(r, Value.of(0));
        }
        List<ThreadCode> finalThreads = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            List<Instr> body = new ArrayList<>(registerInits.getOrDefault(i, List.of()));
            body.addAll(threads.get(i).body());
            finalThreads.add(new ThreadCode(threads.get(i).name(), body));
        }
        for (Integer t : registerInits.keySet()) {
            if (t >= threads.size()) {
                throw new LitmusSyntaxException(lx.file(), 1, 1, "a register of an existing thread in the init block",
                        "thread P" + t);
            }
        }
        Set<String> fields = new TreeSet<>(HerdNames.FIELD_ORDER);
        List<Token> fieldTokens = new ArrayList<>(condFieldTokens);
        fieldTokens.addAll(locationTokens);
        if (condition != null) {
            condition.proposition().collectFields(fields);
        }
        fields.addAll(locations);
        List<Observable> observables = new ArrayList<>();
        for (String f : fields) {
            Token at = fieldTokens.stream().filter(t -> normalisedField(t).equals(f)).findFirst().orElse(condAt);
            observables.add(observable(f, at));
        }
        try {
            Program program = new Program(name, init, finalThreads, observables, condition);
            return new LitmusTest(name, program, locations, source);
        } catch (IllegalArgumentException e) {
            Token at = condAt != null ? condAt : c;
            throw new LitmusSyntaxException(lx.file(), at.line(), at.column(), "a consistent test", e.getMessage());
        }
    }

    /** The field a condition / locations token was recorded for (tokens carry their normalised text). */
    private static String normalisedField(Token t) {
        return t.text();
    }

    private Observable observable(String field, Token at) {
        if (HerdNames.isRegister(field)) {
            int t = HerdNames.threadOf(field);
            if (t >= threads.size()) {
                throw new LitmusSyntaxException(lx.file(), at.line(), at.column(),
                        "a register of thread P0..P" + (threads.size() - 1), "'" + field + "'");
            }
            return Observable.register(field, "P" + t, HerdNames.registerOf(field));
        }
        if (!init.containsKey(field)) {
            throw new LitmusSyntaxException(lx.file(), at.line(), at.column(),
                    "a shared location of this test (" + String.join(", ", init.keySet()) + ")", "'" + field + "'");
        }
        return Observable.location(field);
    }

    private static boolean isThreadStart(Token t) {
        return t.isIdent() && THREAD.matcher(t.text()).matches();
    }

    private Token expect(String s, String what) {
        Token t = lx.next();
        if (!t.is(s)) {
            throw lx.error(t, what);
        }
        return t;
    }

    private Token ident(String what) {
        Token t = lx.next();
        if (!t.isIdent()) {
            throw lx.error(t, what);
        }
        return t;
    }

    private boolean accept(String s) {
        if (lx.peek().is(s)) {
            lx.next();
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ init block

    private void initBlock() {
        while (!accept("}")) {
            if (accept(";")) {
                continue;
            }
            Token t = lx.peek();
            if (t.kind() == Token.Kind.NUMBER || (isThreadStart(t))) {
                registerInit();
            } else if (t.isIdent()) {
                locationInit();
            } else {
                throw lx.error(t, "an initialisation such as 'x=1;', 'int *p = &x;' or '0:r0=1;', or '}'");
            }
            Token end = lx.peek();
            if (!end.is("}")) {
                expect(";", "';' after an initialisation");
            }
        }
    }

    private void registerInit() {
        Token t = lx.next();
        int thread = threadNumber(t);
        expect(":", "':' between thread and register");
        Token reg = ident("a register name");
        expect("=", "'=' and an initial value");
        Value v = initValue();
        registerInits.computeIfAbsent(thread, k -> new ArrayList<>()).add(new Instr.Assign(reg.text(), Expr.val(v)));
    }

    private int threadNumber(Token t) {
        String digits = t.kind() == Token.Kind.NUMBER ? t.text() : t.text().substring(1);
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw lx.error(t, "a thread number");
        }
    }

    private void locationInit() {
        Token first = lx.next();
        Token name = first;
        if (!lx.peek().is("=")) {
            // A declaration: type words and stars, then the name.
            if (!TYPE_WORDS.contains(first.text())) {
                throw lx.error(first, "a location, 'x=1', or a declaration such as 'int x = 1'");
            }
            if (first.is("struct")) {
                ident("a struct name");
            }
            while (true) {
                Token t = lx.peek();
                if (t.is("*")) {
                    lx.next();
                } else if (t.isIdent() && TYPE_WORDS.contains(t.text())) {
                    lx.next();
                } else {
                    break;
                }
            }
            name = ident("the name of the declared location");
        }
        Value v = Value.of(0);
        if (accept("=")) {
            v = initValue();
        }
        if (init.containsKey(name.text())) {
            throw lx.error(name, "each location initialised once");
        }
        init.put(name.text(), v);
    }

    private Value initValue() {
        Token t = lx.next();
        if (t.is("-")) {
            Token n = lx.next();
            if (n.kind() != Token.Kind.NUMBER) {
                throw lx.error(n, "a number after '-'");
            }
            return Value.of(-number(n));
        }
        if (t.kind() == Token.Kind.NUMBER) {
            return Value.of(number(t));
        }
        if (t.is("&")) {
            t = ident("a location after '&'");
        }
        if (t.isIdent()) {
            if (t.is("ATOMIC_INIT")) {
                expect("(", "'(' after ATOMIC_INIT");
                Value v = initValue();
                expect(")", "')' closing ATOMIC_INIT(");
                return v;
            }
            referenced.add(t.text());
            return new Value.Addr(t.text());
        }
        throw lx.error(t, "an initial value (a number, a location, or &location)");
    }

    private long number(Token t) {
        try {
            String s = t.text();
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw lx.error(t, "a number");
        }
    }

    // ------------------------------------------------------------------ threads

    private void thread() {
        Token head = lx.next();
        int n = threadNumber(head);
        if (n != threads.size()) {
            throw lx.error(head, "thread P" + threads.size() + " (threads are numbered P0, P1, ... in order)");
        }
        lx.cMode(true);
        expect("(", "'(' and the parameters of " + head.text());
        ThreadScope scope = new ThreadScope(head.text());
        for (Instr i : registerInits.getOrDefault(n, List.of())) {
            scope.locals.add(((Instr.Assign) i).register());
        }
        if (!accept(")")) {
            do {
                Token p = declarator("a parameter such as 'int *x'");
                if (!scope.params.add(p.text())) {
                    throw lx.error(p, "distinct parameter names");
                }
                params.add(p.text());
            } while (accept(","));
            expect(")", "',' or ')' after a parameter");
        }
        expect("{", "'{' opening the body of " + head.text());
        List<Instr> body = new ArrayList<>();
        while (!lx.peek().is("}")) {
            statement(scope, body);
        }
        lx.next();
        lx.cMode(false);
        threads.add(new ThreadCode(head.text(), body));
    }

    /** Type words, stars, a name: returns the name. */
    private Token declarator(String what) {
        Token t = lx.next();
        if (!t.isIdent() || !TYPE_WORDS.contains(t.text())) {
            throw lx.error(t, what);
        }
        if (t.is("struct")) {
            ident("a struct name");
        }
        while (lx.peek().is("*") || (lx.peek().isIdent() && TYPE_WORDS.contains(lx.peek().text()))) {
            lx.next();
        }
        return ident(what);
    }

    /** Names visible in one thread body. */
    private final class ThreadScope {
        final String thread;
        final Set<String> params = new LinkedHashSet<>();
        final Set<String> locals = new LinkedHashSet<>();
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
        Token t = lx.peek();
        if (t.is(";")) {
            lx.next();
            return;
        }
        if (t.is("{")) {
            lx.next();
            while (!lx.peek().is("}")) {
                if (lx.peek().kind() == Token.Kind.EOF) {
                    throw lx.error(lx.peek(), "'}' closing the block");
                }
                statement(s, out);
            }
            lx.next();
            return;
        }
        if (t.kind() == Token.Kind.EOF) {
            throw lx.error(t, "'}' closing the body of " + s.thread);
        }
        if (t.is("if")) {
            lx.next();
            expect("(", "'(' after if");
            CExpr c = expr();
            expect(")", "')' closing the condition");
            Expr cond = value(c, s, out);
            List<Instr> then = new ArrayList<>();
            statement(s, then);
            List<Instr> otherwise = new ArrayList<>();
            if (accept("else")) {
                statement(s, otherwise);
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
        if (accept("=")) {
            CExpr rhs = expr();
            assign(lhs, rhs, s, out);
        } else if (lhs instanceof CExpr.Call) {
            call((CExpr.Call) lhs, null, s, out);
        } else {
            throw lx.error(lx.peek(), "'=' or a call of " + PRIMITIVES_HINT);
        }
        expect(";", "';' after the statement");
    }

    private void declaration(ThreadScope s, List<Instr> out) {
        Token type = lx.next();
        if (type.is("struct")) {
            ident("a struct name");
        }
        while (lx.peek().isIdent() && TYPE_WORDS.contains(lx.peek().text())) {
            lx.next();
        }
        do {
            while (accept("*")) {
                // pointer registers hold addresses; the IR does not type registers
            }
            Token name = ident("the name of a local variable");
            if (s.params.contains(name.text())) {
                throw lx.error(name, "a local name different from the parameters");
            }
            s.locals.add(name.text());
            if (accept("=")) {
                CExpr rhs = expr();
                assign(new CExpr.Name(name, name.text()), rhs, s, out);
            }
        } while (accept(","));
        expect(";", "';' or ',' after a declaration");
    }

    private void assign(CExpr lhs, CExpr rhs, ThreadScope s, List<Instr> out) {
        if (lhs instanceof CExpr.Name) {
            CExpr.Name n = (CExpr.Name) lhs;
            if (!s.locals.contains(n.name())) {
                throw new LitmusSyntaxException(lx.file(), n.at().line(), n.at().column(),
                        s.params.contains(n.name()) ? "a register (assigning a pointer parameter is not supported; write *"
                                + n.name() + " = ...)" : "a declared local variable", "'" + n.name() + "'");
            }
            if (rhs instanceof CExpr.Call) {
                Primitive p = primitive((CExpr.Call) rhs);
                if (!p.shape().hasValue) {
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
            throw new LitmusSyntaxException(lx.file(), c.at().line(), c.at().column(), PRIMITIVES_HINT,
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
            case CMPXCHG: {
                Expr addr = value(a.get(0), s, out);
                Expr expected = value(a.get(1), s, out);
                Expr desired = value(a.get(2), s, out);
                out.add(new Instr.Rmw(dest, addr, new RmwOp.Cmpxchg(expected, desired), p.mode()));
                return;
            }
            case XCHG: {
                Expr addr = value(a.get(0), s, out);
                Expr v = value(a.get(1), s, out);
                out.add(new Instr.Rmw(dest, addr, new RmwOp.Xchg(v), p.mode()));
                return;
            }
            case ADD: {
                Expr delta = value(a.get(0), s, out);
                Expr addr = value(a.get(1), s, out);
                if (p.delta() < 0) {
                    delta = negate(delta);
                }
                out.add(new Instr.Rmw(dest, addr, new RmwOp.FetchAdd(delta, p.returnsNew()), p.mode()));
                return;
            }
            case INC: {
                Expr addr = value(a.get(0), s, out);
                out.add(new Instr.Rmw(dest, addr, new RmwOp.FetchAdd(Expr.num(p.delta()), p.returnsNew()), p.mode()));
                return;
            }
            case FENCE:
                out.add(new Instr.Fence(p.fence()));
                return;
            case SPIN_LOCK:
            case SPIN_UNLOCK:
                out.add(new Instr.Lock(null, value(a.get(0), s, out),
                        p.shape() == Primitive.Shape.SPIN_LOCK ? Instr.LockOp.LOCK : Instr.LockOp.UNLOCK));
                return;
            case SPIN_IS_LOCKED:
                out.add(new Instr.Lock(dest == null ? s.fresh() : dest, value(a.get(0), s, out), Instr.LockOp.IS_LOCKED));
                return;
            case SRCU_READ_LOCK:
            case SYNCHRONIZE_SRCU:
            case SRCU_READ_UNLOCK: {
                // The IR names an SRCU domain; the index srcu_read_lock() returns only pairs lock with unlock,
                // which the printer regenerates, so it is read (for errors) and dropped.
                String domain = srcuDomain(a.get(0), s);
                if (p.shape() == Primitive.Shape.SRCU_READ_UNLOCK) {
                    value(a.get(1), s, new ArrayList<>());
                }
                Instr.SrcuOp op = p.shape() == Primitive.Shape.SRCU_READ_LOCK ? Instr.SrcuOp.READ_LOCK
                        : p.shape() == Primitive.Shape.SRCU_READ_UNLOCK ? Instr.SrcuOp.READ_UNLOCK : Instr.SrcuOp.SYNCHRONIZE;
                out.add(new Instr.Srcu(op, domain));
                return;
            }
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
        if (!p.shape().hasValue) {
            throw new LitmusSyntaxException(lx.file(), c.at().line(), c.at().column(),
                    "a primitive that returns a value", "'" + p.name() + "', which returns none");
        }
        if (p.shape() == Primitive.Shape.SRCU_READ_LOCK) {
            call(c, null, s, out);
            return Expr.num(0);
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

    private static final List<Set<String>> LEVELS = List.of(
            Set.of("||"), Set.of("&&"), Set.of("|"), Set.of("^"), Set.of("&"),
            Set.of("==", "!="), Set.of("<", "<=", ">", ">="), Set.of("+", "-"));

    private CExpr expr() {
        return binary(0);
    }

    private CExpr binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        CExpr left = binary(level + 1);
        while (lx.peek().kind() == Token.Kind.PUNCT && LEVELS.get(level).contains(lx.peek().text())) {
            Token op = lx.next();
            CExpr right = binary(level + 1);
            left = new CExpr.Binary(op, op.text(), left, right);
        }
        return left;
    }

    private CExpr unary() {
        Token t = lx.peek();
        if (t.is("*")) {
            lx.next();
            return new CExpr.Deref(t, unary());
        }
        if (t.is("&")) {
            lx.next();
            return new CExpr.AddrOf(t, unary());
        }
        if (t.is("-")) {
            lx.next();
            if (lx.peek().kind() == Token.Kind.NUMBER) {
                // '-1' is the constant -1; '-(1)' stays a negation, so the printer can say either.
                Token n = lx.next();
                return new CExpr.Num(t, -number(n));
            }
            return new CExpr.Unary(t, "-", unary());
        }
        if (t.is("!") || t.is("~")) {
            lx.next();
            return new CExpr.Unary(t, t.text(), unary());
        }
        return primary();
    }

    private CExpr primary() {
        Token t = lx.next();
        if (t.is("(")) {
            CExpr e = expr();
            expect(")", "')'");
            return e;
        }
        if (t.kind() == Token.Kind.NUMBER) {
            return new CExpr.Num(t, number(t));
        }
        if (t.isIdent()) {
            if (lx.peek().is("(")) {
                lx.next();
                List<CExpr> args = new ArrayList<>();
                if (!accept(")")) {
                    do {
                        args.add(expr());
                    } while (accept(","));
                    expect(")", "',' or ')' in the arguments of " + t.text());
                }
                return new CExpr.Call(t, t.text(), args);
            }
            if (lx.peek().is("->") || lx.peek().is(".")) {
                throw lx.error(lx.peek(), "a plain variable (struct members are not supported; use one location per field)");
            }
            return new CExpr.Name(t, t.text());
        }
        throw lx.error(t, "an expression");
    }

    // ------------------------------------------------------------------ locations and condition

    private void locationsClause(List<String> out, List<Token> tokens) {
        expect("[", "'[' after locations");
        while (!accept("]")) {
            Token at = lx.peek();
            String f = field();
            out.add(f);
            tokens.add(new Token(at.kind(), f, at.offset(), at.line(), at.column()));
            if (!lx.peek().is("]")) {
                expect(";", "';' or ']' in the locations list");
            }
        }
    }

    /** {@code 0:r0}, {@code P0:r0}, {@code x} or {@code [x]}, normalised to herd7's {@code 0:r0} / {@code x}. */
    private String field() {
        Token t = lx.next();
        if (t.is("[")) {
            Token loc = ident("a location name");
            expect("]", "']'");
            return loc.text();
        }
        if (t.kind() == Token.Kind.NUMBER || isThreadStart(t)) {
            if (lx.peek().is(":")) {
                lx.next();
                int n = threadNumber(t);
                Token reg = ident("a register name after ':'");
                return n + ":" + reg.text();
            }
            if (t.kind() == Token.Kind.NUMBER) {
                throw lx.error(lx.peek(), "':' and a register (as in 0:r0)");
            }
        }
        if (t.isIdent()) {
            return t.text();
        }
        throw lx.error(t, "a location (x) or a thread's register (0:r0)");
    }

    private Condition condition(List<Token> fieldTokens) {
        Token t = lx.next();
        Condition.Quantifier q;
        if (t.is("~")) {
            Token e = lx.next();
            if (!e.is("exists")) {
                throw lx.error(e, "'exists' after '~'");
            }
            q = Condition.Quantifier.NOT_EXISTS;
        } else if (t.is("exists")) {
            q = Condition.Quantifier.EXISTS;
        } else if (t.is("forall")) {
            q = Condition.Quantifier.FORALL;
        } else {
            throw lx.error(t, "'exists', '~exists' or 'forall'");
        }
        return new Condition(q, disjunction(fieldTokens));
    }

    private Cond disjunction(List<Token> fieldTokens) {
        Cond c = conjunction(fieldTokens);
        while (accept("\\/")) {
            c = new Cond.Or(c, conjunction(fieldTokens));
        }
        return c;
    }

    private Cond conjunction(List<Token> fieldTokens) {
        Cond c = negation(fieldTokens);
        while (accept("/\\")) {
            c = new Cond.And(c, negation(fieldTokens));
        }
        return c;
    }

    private Cond negation(List<Token> fieldTokens) {
        Token t = lx.peek();
        if (t.is("~") || t.is("not")) {
            lx.next();
            return new Cond.Not(negation(fieldTokens));
        }
        if (t.is("(")) {
            lx.next();
            Cond c = disjunction(fieldTokens);
            expect(")", "')' or an operator (/\\, \\/)");
            return c;
        }
        if (t.is("true")) {
            lx.next();
            return new Cond.True();
        }
        if (t.is("false")) {
            lx.next();
            return new Cond.Not(new Cond.True());
        }
        Token at = lx.peek();
        String f = field();
        fieldTokens.add(new Token(at.kind(), f, at.offset(), at.line(), at.column()));
        expect("=", "'=' and a value after " + f);
        return new Cond.Eq(f, condValue());
    }

    private Value condValue() {
        Token t = lx.next();
        if (t.is("-")) {
            Token n = lx.next();
            if (n.kind() != Token.Kind.NUMBER) {
                throw lx.error(n, "a number after '-'");
            }
            return Value.of(-number(n));
        }
        if (t.kind() == Token.Kind.NUMBER) {
            return Value.of(number(t));
        }
        if (t.is("&")) {
            t = ident("a location after '&'");
        }
        if (t.isIdent()) {
            referenced.add(t.text());
            return new Value.Addr(t.text());
        }
        throw lx.error(t, "a value (a number or a location)");
    }
}
