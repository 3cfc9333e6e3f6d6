package daxlab.litmus;

import daxlab.program.Cond;
import daxlab.program.Condition;
import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Observable;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Printing a program as a litmus test and parsing it back gives the same program, for random
 * programs over every construct the printer knows: all access modes, RMWs with and without a
 * result, fences, locks, SRCU, nested if/else, pointer registers, negative constants and
 * conditions with every connective.
 */
class RoundTripPropertyTest {
    private static final List<String> LOCS = List.of("x", "y", "z");
    private static final List<String> REGS = List.of("r0", "r1", "r2");

    @Property(tries = 2000)
    void parsePrintIsIdentity(@ForAll("programs") Program p) {
        String text = LitmusPrinter.print(p);
        LitmusTest back = LitmusParser.parse(text, "generated.litmus");
        assertEquals(p, back.program(), () -> "printed:\n" + text);
        assertEquals(text, LitmusPrinter.print(back), "printing is a fixed point");
    }

    @Provide
    Arbitrary<Program> programs() {
        Arbitrary<List<List<Instr>>> threads = body(2).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Map<String, Value>> init = initValue().list().ofSize(5).map(vs -> {
            Map<String, Value> m = new LinkedHashMap<>();
            for (int i = 0; i < LOCS.size(); i++) {
                m.put(LOCS.get(i), vs.get(i));
            }
            m.put("l", Value.of(0));
            m.put("s", Value.of(0));
            return m;
        });
        return Combinators.combine(threads, init, Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as((ts, in, seed) -> build(ts, in, new java.util.Random(seed)));
    }

    private static Program build(List<List<Instr>> bodies, Map<String, Value> init, java.util.Random rnd) {
        List<ThreadCode> threads = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            threads.add(new ThreadCode("P" + i, bodies.get(i)));
        }
        // Observables: a few registers and locations, in herd7's order.
        TreeSet<String> fields = new TreeSet<>(HerdNames.FIELD_ORDER);
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            if (rnd.nextBoolean()) {
                fields.add(rnd.nextInt(bodies.size()) + ":" + REGS.get(rnd.nextInt(REGS.size())));
            } else {
                fields.add(LOCS.get(rnd.nextInt(LOCS.size())));
            }
        }
        List<Observable> obs = new ArrayList<>();
        for (String f : fields) {
            obs.add(HerdNames.isRegister(f) ? Observable.register(f, "P" + HerdNames.threadOf(f), HerdNames.registerOf(f))
                    : Observable.location(f));
        }
        List<String> list = new ArrayList<>(fields);
        Condition c = null;
        if (rnd.nextInt(5) > 0) {
            Condition.Quantifier q = Condition.Quantifier.values()[rnd.nextInt(3)];
            c = new Condition(q, cond(list, rnd, 3));
        }
        return new Program("gen", init, threads, obs, c);
    }

    private static Cond cond(List<String> fields, java.util.Random rnd, int depth) {
        int k = depth == 0 ? 0 : rnd.nextInt(6);
        switch (k) {
            case 1: return new Cond.And(cond(fields, rnd, depth - 1), cond(fields, rnd, depth - 1));
            case 2: return new Cond.Or(cond(fields, rnd, depth - 1), cond(fields, rnd, depth - 1));
            case 3: return new Cond.Not(cond(fields, rnd, depth - 1));
            case 4: return rnd.nextBoolean() ? new Cond.True() : new Cond.Not(new Cond.True());
            default:
                Value v = rnd.nextInt(4) == 0 ? new Value.Addr(LOCS.get(rnd.nextInt(LOCS.size())))
                        : Value.of(rnd.nextInt(5) - 1);
                return new Cond.Eq(fields.get(rnd.nextInt(fields.size())), v);
        }
    }

    private static Arbitrary<Value> initValue() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-3, 3).map(Value::of),
                Arbitraries.of(LOCS).map(Value.Addr::new));
    }

    private static Arbitrary<String> reg() {
        return Arbitraries.of(REGS);
    }

    private static Arbitrary<Expr> address() {
        return Arbitraries.oneOf(Arbitraries.of(LOCS).map(Expr::addr), Arbitraries.just(Expr.reg("p0")));
    }

    private static Arbitrary<Expr> expr(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Arbitraries.longs().between(-2, 3).map(Expr::num),
                reg().map(Expr::reg),
                Arbitraries.of(LOCS).map(Expr::addr));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expr> unary = Combinators.combine(Arbitraries.of(Expr.UnaryOp.values()), expr(depth - 1))
                .as(Expr.Unary::new);
        Arbitrary<Expr> binary = Combinators.combine(Arbitraries.of(Expr.BinaryOp.values()), expr(depth - 1), expr(depth - 1))
                .as(Expr.Binary::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, unary), net.jqwik.api.Tuple.of(2, binary));
    }

    private static Arbitrary<Instr> simple() {
        Arbitrary<Instr> load = Combinators.combine(Arbitraries.of("r0", "r1", "r2", "p0"), address(),
                Arbitraries.of(Mode.PLAIN, Mode.ONCE, Mode.ACQUIRE)).as(Instr.Load::new);
        Arbitrary<Instr> store = Combinators.combine(address(), expr(1),
                Arbitraries.of(Mode.PLAIN, Mode.ONCE, Mode.RELEASE)).as(Instr.Store::new);
        Arbitrary<RmwOp> op = Arbitraries.oneOf(
                Combinators.combine(expr(1), expr(1)).as(RmwOp.Cmpxchg::new),
                expr(1).map(RmwOp.Xchg::new),
                Combinators.combine(expr(1), Arbitraries.of(true, false)).as(RmwOp.FetchAdd::new));
        Arbitrary<Instr> rmw = Combinators.combine(Arbitraries.of("r0", "r1", "r2", "none"), address(), op,
                Arbitraries.of(Mode.FULL, Mode.RELAXED, Mode.ACQUIRE, Mode.RELEASE))
                .as((r, a, o, m) -> new Instr.Rmw(r.equals("none") ? Optional.empty() : Optional.of(r), a, o, m));
        Arbitrary<Instr> fence = Arbitraries.of(FenceKind.values()).map(Instr.Fence::new);
        Arbitrary<Instr> assign = Combinators.combine(reg(), expr(2)).as(Instr.Assign::new);
        Arbitrary<Instr> lock = Arbitraries.of(
                new Instr.Lock(Optional.empty(), Expr.addr("l"), Instr.LockOp.LOCK),
                new Instr.Lock(Optional.empty(), Expr.addr("l"), Instr.LockOp.UNLOCK),
                new Instr.Lock(Optional.of("r1"), Expr.addr("l"), Instr.LockOp.IS_LOCKED));
        Arbitrary<Instr> srcu = Arbitraries.of(Instr.SrcuOp.values()).map(o -> new Instr.Srcu(o, "s"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, load), net.jqwik.api.Tuple.of(3, store), net.jqwik.api.Tuple.of(2, rmw),
                net.jqwik.api.Tuple.of(1, fence), net.jqwik.api.Tuple.of(2, assign), net.jqwik.api.Tuple.of(1, lock),
                net.jqwik.api.Tuple.of(1, srcu));
    }

    private static Arbitrary<List<Instr>> body(int depth) {
        if (depth == 0) {
            return simple().list().ofMaxSize(4);
        }
        Arbitrary<Instr> branch = Combinators.combine(expr(1), body(depth - 1), body(depth - 1)).as(Instr.If::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, simple()), net.jqwik.api.Tuple.of(1, branch))
                .list().ofMaxSize(5);
    }
}
