package daxlab.interleave;

import daxlab.litmus.LitmusParser;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Expr;
import daxlab.program.Program;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pointer arithmetic under SC interleavings, as herd7 reads it: {@code x + 1} is a cell of its
 * own without an initial value, so a read of it waits for a write there (a schedule reading it
 * earlier is no execution). Counts are checked against {@link BruteForce}.
 */
class CellsPastLocationsTest {
    private static Map<Outcome, BigInteger> counts(Program p) {
        Map<Outcome, BigInteger> out = new TreeMap<>();
        Interleavings.enumerate(p, Classifier.NONE).entries().forEach(e -> out.put(e.outcome(), e.count()));
        assertEquals(BruteForce.count(p), out, "memoized counts equal a walk over every schedule");
        return out;
    }

    @Test
    void addressesPastALocationAreValues() {
        Value x1 = Expr.reg("r").eval(r -> new Value.Addr("x", 1));
        assertEquals("&x+1", x1.toString());
        assertEquals(x1, new daxlab.program.Expr.Binary(Expr.BinaryOp.ADD, Expr.num(1), Expr.addr("x")).eval(r -> null));
        assertEquals(new Value.Addr("x", -1), new daxlab.program.Expr.Binary(Expr.BinaryOp.SUB, Expr.addr("x"),
                Expr.num(1)).eval(r -> null));
        assertEquals("x-1", new Value.Addr("x", -1).cell());
        assertEquals(new Value.Addr("x", 2), Value.parse("&x+2"));
        assertTrue(new Value.Addr("x", 1).truthy());
    }

    /** P1's read of x+1 can only come after P0's write there: 5 of the C(4,2) = 6 schedules (not P1 first), each reading 3. */
    @Test
    void aReadOfACellPastALocationWaitsForItsWrite() {
        Program p = LitmusParser.parse("C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*(x + 1), 3);\n\tWRITE_ONCE(*x, 1);\n}\n"
                + "P1(int *x)\n{\n\tint r0;\n\tint r1;\n\tr1 = READ_ONCE(*x);\n\tr0 = READ_ONCE(*(x + 1));\n}\n"
                + "exists (1:r0=3)\n", "t.litmus").program();
        Map<Outcome, BigInteger> c = counts(p);
        assertEquals(BigInteger.valueOf(5), c.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
        assertTrue(c.keySet().stream().allMatch(o -> o.fields().get("1:r0").equals(Value.of(3))), c.toString());
    }

    /** A read of a cell nothing writes makes no execution: no outcome, no error (herd7: States 0). */
    @Test
    void aCellNothingWritesMakesNoExecution() {
        Program p = LitmusParser.parse("C t\n{}\nP0(int *x)\n{\n\tint r0;\n\tr0 = READ_ONCE(*(x + 1));\n}\n"
                + "exists (0:r0=0)\n", "t.litmus").program();
        Histogram h = Interleavings.enumerate(p, Classifier.NONE);
        assertTrue(h.entries().isEmpty());
        assertFalse(h.facts().get("deadlocked").isEmpty());
    }
}
