package daxlab.program;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A thread-local expression: over constants and the thread's registers only. Evaluating one is
 * free for the engines (it touches no shared memory); its register uses are what the LKMM calls
 * address, data and control dependencies.
 */
public sealed interface Expr permits Expr.Const, Expr.Reg, Expr.Unary, Expr.Binary, Expr.Tag {

    /** Evaluates with the given register file; unset registers read as 0, as in C litmus tests. */
    Value eval(Function<String, Value> registers);

    /** C-like source text. */
    String text();

    /** Adds the registers this expression reads to {@code out}. */
    void collectRegisters(Set<String> out);

    default Value eval(Map<String, Value> registers) {
        return eval(registers::get);
    }

    /** The registers this expression reads (its dependencies). */
    default Set<String> registers() {
        Set<String> out = new LinkedHashSet<>();
        collectRegisters(out);
        return out;
    }

    /** A literal value. */
    record Const(Value value) implements Expr {
        @Override
        public Value eval(Function<String, Value> registers) {
            return value;
        }

        @Override
        public String text() {
            return value.toString();
        }

        @Override
        public void collectRegisters(Set<String> out) {
        }
    }

    /** A register of the executing thread. */
    record Reg(String name) implements Expr {
        public Reg {
            Names.requireIdentifier(name, "register");
        }

        @Override
        public Value eval(Function<String, Value> registers) {
            Value v = registers.apply(name);
            return v == null ? Value.of(0) : v;
        }

        @Override
        public String text() {
            return name;
        }

        @Override
        public void collectRegisters(Set<String> out) {
            out.add(name);
        }
    }

    enum UnaryOp { NOT, NEG }

    record Unary(UnaryOp op, Expr operand) implements Expr {
        @Override
        public Value eval(Function<String, Value> registers) {
            Value v = operand.eval(registers);
            return op == UnaryOp.NOT ? bool(!v.truthy()) : Value.of(-asLong(v, "-"));
        }

        @Override
        public String text() {
            return (op == UnaryOp.NOT ? "!" : "-") + paren(operand);
        }

        @Override
        public void collectRegisters(Set<String> out) {
            operand.collectRegisters(out);
        }
    }

    enum BinaryOp {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        AND("&&"), OR("||"),
        ADD("+"), SUB("-"), BIT_AND("&"), BIT_OR("|"), BIT_XOR("^");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
        @Override
        public Value eval(Function<String, Value> regs) {
            Value l = left.eval(regs).determined("operator " + op.symbol());
            if (op == BinaryOp.AND) {
                return bool(l.truthy() && right.eval(regs).truthy());
            }
            if (op == BinaryOp.OR) {
                return bool(l.truthy() || right.eval(regs).truthy());
            }
            Value r = right.eval(regs).determined("operator " + op.symbol());
            String s = op.symbol();
            switch (op) {
                case EQ: return bool(same(l, r));
                case NE: return bool(!same(l, r));
                case LT: return bool(asLong(l, s) < asLong(r, s));
                case LE: return bool(asLong(l, s) <= asLong(r, s));
                case GT: return bool(asLong(l, s) > asLong(r, s));
                case GE: return bool(asLong(l, s) >= asLong(r, s));
                case ADD:
                    // Pointer arithmetic as herd7 has it: an address plus an integer is another cell.
                    if (l instanceof Value.Addr a && !(r instanceof Value.Addr)) {
                        return a.plus(asLong(r, s));
                    }
                    if (r instanceof Value.Addr a && !(l instanceof Value.Addr)) {
                        return a.plus(asLong(l, s));
                    }
                    return Value.of(asLong(l, s) + asLong(r, s));
                case SUB:
                    if (l instanceof Value.Addr a && !(r instanceof Value.Addr)) {
                        return a.plus(-asLong(r, s));
                    }
                    return Value.of(asLong(l, s) - asLong(r, s));
                case BIT_AND: return Value.of(asLong(l, s) & asLong(r, s));
                case BIT_OR: return Value.of(asLong(l, s) | asLong(r, s));
                case BIT_XOR: return Value.of(asLong(l, s) ^ asLong(r, s));
                default: throw new AssertionError(op);
            }
        }

        @Override
        public String text() {
            return paren(left) + " " + op.symbol() + " " + paren(right);
        }

        @Override
        public void collectRegisters(Set<String> out) {
            left.collectRegisters(out);
            right.collectRegisters(out);
        }
    }

    /**
     * A composite symbolic value such as {@code OK(opsA,A)}: how a modelled function reports
     * what it did with the values it read, so that an outcome names them.
     */
    record Tag(String name, List<Expr> args) implements Expr {
        public Tag {
            Names.requireIdentifier(name, "tag");
            args = List.copyOf(args);
        }

        @Override
        public Value eval(Function<String, Value> registers) {
            if (args.isEmpty()) {
                return new Value.Sym(name);
            }
            return new Value.Sym(name + args.stream().map(a -> a.eval(registers).toString())
                    .collect(Collectors.joining(",", "(", ")")));
        }

        @Override
        public String text() {
            return args.isEmpty() ? name
                    : name + args.stream().map(Expr::text).collect(Collectors.joining(",", "(", ")"));
        }

        @Override
        public void collectRegisters(Set<String> out) {
            args.forEach(a -> a.collectRegisters(out));
        }
    }

    // ---- construction helpers, short enough for a JShell cell ----

    static Const val(Value v) {
        return new Const(v);
    }

    static Const sym(String name) {
        return new Const(Value.sym(name));
    }

    static Const num(long n) {
        return new Const(Value.of(n));
    }

    static Const addr(String location) {
        return new Const(new Value.Addr(location));
    }

    static Reg reg(String name) {
        return new Reg(name);
    }

    static Expr eq(Expr a, Expr b) {
        return new Binary(BinaryOp.EQ, a, b);
    }

    static Expr ne(Expr a, Expr b) {
        return new Binary(BinaryOp.NE, a, b);
    }

    static Expr not(Expr a) {
        return new Unary(UnaryOp.NOT, a);
    }

    static Expr and(Expr a, Expr b) {
        return new Binary(BinaryOp.AND, a, b);
    }

    static Expr or(Expr a, Expr b) {
        return new Binary(BinaryOp.OR, a, b);
    }

    static Tag tag(String name, Expr... args) {
        return new Tag(name, List.of(args));
    }

    /** Equality as C sees it: NULL equals 0. Comparing an undetermined value is an operation on it. */
    static boolean same(Value a, Value b) {
        a.determined("a comparison");
        b.determined("a comparison");
        if (!a.truthy() && !b.truthy()) {
            return true;
        }
        return a.equals(b);
    }

    /**
     * Equality in a final condition: C's, and an undetermined value equals only itself (herd7's
     * {@code S8} is no number).
     */
    static boolean sameInCondition(Value a, Value b) {
        if (!a.isDetermined() || !b.isDetermined()) {
            return a.equals(b);
        }
        return same(a, b);
    }

    private static Value bool(boolean b) {
        return Value.of(b ? 1 : 0);
    }

    private static long asLong(Value v, String op) {
        return v.toLong("operator " + op);
    }

    private static String paren(Expr e) {
        return e instanceof Binary ? "(" + e.text() + ")" : e.text();
    }
}
