package daxlab.interleave;

import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InterleavingsProperties {

    /**
     * Threads that share nothing interleave freely: (m1 + ... + mk)! / (m1! ... mk!) schedules,
     * the multinomial coefficient.
     */
    @Property(tries = 200)
    void independentThreadsGiveTheMultinomial(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 5) Integer> steps) {
        Program.Builder b = Program.builder("independent");
        for (int t = 0; t < steps.size(); t++) {
            String loc = "x" + t;
            int n = steps.get(t);
            b.init(loc, Value.of(0)).observe(loc).thread("P" + t, c -> {
                for (int i = 1; i <= n; i++) {
                    c.writeOnce(loc, Value.of(i));
                }
            });
        }
        Histogram h = Interleavings.enumerate(b.build(), Classifier.NONE);
        BigInteger expected = factorial(steps.stream().mapToInt(Integer::intValue).sum());
        for (int n : steps) {
            expected = expected.divide(factorial(n));
        }
        assertEquals(expected, h.total());
        assertEquals(1, h.entries().size());
    }

    /** On random small programs the memoized counts equal a walk over every schedule. */
    @Property(tries = 300)
    void memoizedCountsEqualBruteForce(@ForAll("programs") Program p) {
        Map<Outcome, BigInteger> fast = new TreeMap<>();
        Histogram h = Interleavings.enumerate(p, Classifier.NONE);
        h.entries().forEach(e -> fast.put(e.outcome(), e.count()));
        assertEquals(BruteForce.count(p), fast);
        for (Histogram.Entry e : h.entries()) {
            Schedule s = (Schedule) e.witness();
            assertEquals(e.outcome(), Replay.run(p, s.threadOrder()).outcome(), "witness replays to its outcome");
        }
    }

    private static BigInteger factorial(int n) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }

    @Provide
    Arbitrary<Program> programs() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.of("x", "y"), Arbitraries.integers().between(0, 2)).as(Op::new);
        Arbitrary<List<Op>> thread = op.list().ofMinSize(1).ofMaxSize(3);
        return thread.list().ofMinSize(1).ofMaxSize(3).map(InterleavingsProperties::build);
    }

    /** kind 0 load, 1 store, 2 cmpxchg(loc, value, value+1), 3 load then branch on it to a store. */
    record Op(int kind, String loc, int value) {
    }

    private static Program build(List<List<Op>> threads) {
        Program.Builder b = Program.builder("random").init("x", Value.of(0)).init("y", Value.of(0))
                .observe("x").observe("y");
        for (int t = 0; t < threads.size(); t++) {
            List<Op> ops = threads.get(t);
            b.thread("P" + t, c -> {
                int r = 0;
                for (Op o : ops) {
                    emit(c, o, "r" + r++);
                }
            });
            for (int r = 0; r < ops.size(); r++) {
                b.observe(t + ":r" + r, "P" + t, "r" + r);
            }
        }
        return b.build();
    }

    private static void emit(Code c, Op o, String reg) {
        switch (o.kind()) {
            case 0:
                c.readOnce(reg, o.loc());
                break;
            case 1:
                c.writeOnce(o.loc(), Value.of(o.value())).assign(reg, Value.of(o.value()));
                break;
            case 2:
                c.cmpxchg(reg, o.loc(), Value.of(o.value()), Value.of(o.value() + 1), Mode.FULL);
                break;
            default:
                c.readOnce(reg, o.loc()).ifThen(Expr.eq(Expr.reg(reg), Expr.num(o.value())),
                        then -> then.writeOnce(o.loc().equals("x") ? "y" : "x", Value.of(2)));
        }
    }
}
