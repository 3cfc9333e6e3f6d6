package daxlab.axiomatic;

import daxlab.cat.CatModel;
import daxlab.engine.Engine;
import daxlab.interleave.Replay;
import daxlab.outcome.Classifier;
import daxlab.outcome.Outcome;
import daxlab.program.Expr;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every engine reads values as integers the same way ({@link Value#toLong}): NULL is 0, a symbol
 * or an address has no integer. Before there was one view, {@code atomic_add} on a location holding
 * NULL threw in the SC enumerator, read NULL as 0 in the axiomatic engine and failed with a
 * ClassCastException in {@link Replay}.
 */
class IntegerViewTest {

    /** x starts NULL; P0 adds 2 to it and P1 reads back what atomic_add_return(1) made of it. */
    private static Program addTo(Value start) {
        return Program.builder("null-arith").init("x", start)
                .thread("P0", t -> t.atomicAdd("x", 2))
                .thread("P1", t -> t.add(new Instr.Rmw(Optional.of("r0"), Expr.addr("x"), new RmwOp.FetchAdd(Expr.num(1), true),
                        Mode.FULL)))
                .observe("x").observe("r0", "P1", "r0").build();
    }

    /**
     * The final states of every engine: each of the registry's ({@link Engine}: SC interleavings,
     * each axiomatic model, the LKMM on the marked program), Replay of every schedule, and the
     * kernel's cat files run by the interpreter ({@code lkmm-cat}).
     */
    private static Map<String, List<Outcome>> everyEngine(Program p) {
        Map<String, List<Outcome>> out = new java.util.LinkedHashMap<>();
        for (Engine e : Engine.values()) {
            out.put(e.id(), e.run(p, Classifier.NONE, e.defaultBudget(), "").outcomes());
        }
        List<Outcome> replayed = new ArrayList<>();
        for (List<Integer> order : List.of(List.of(0, 1), List.of(1, 0))) {
            Outcome o = Replay.run(p, order).outcome();
            if (!replayed.contains(o)) {
                replayed.add(o);
            }
        }
        replayed.sort(null);
        out.put("replay", replayed);
        out.put("lkmm-cat", CatModel.lkmm().run(p, Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "").histogram().outcomes());
        return out;
    }

    @Test
    void nullIsZeroInEveryEngine() {
        Function<Long[], Outcome> o = v -> new Outcome(Map.of("x", Value.of(v[0]), "r0", Value.of(v[1])));
        List<Outcome> expected = new ArrayList<>(List.of(o.apply(new Long[] {3L, 1L}), o.apply(new Long[] {3L, 3L})));
        expected.sort(null);
        Map<String, List<Outcome>> all = everyEngine(addTo(Value.NULL));
        assertEquals(List.of("sc", "sc-axiomatic", "tso", "armv8", "lkmm", "lkmm-once", "replay", "lkmm-cat"),
                List.copyOf(all.keySet()), "every engine answers");
        all.forEach((engine, outcomes) -> assertEquals(expected, outcomes, engine));
    }

    @Test
    void aSymbolHasNoIntegerInAnyEngine() {
        Program p = Program.builder("symbol-arith").init("x", Value.sym("opsA"))
                .thread("P0", t -> t.atomicAdd("x", 2)).observe("x").build();
        List<Runnable> engines = new ArrayList<>();
        for (Engine e : Engine.values()) {
            engines.add(() -> e.run(p, Classifier.NONE, e.defaultBudget(), ""));
        }
        engines.add(() -> Replay.run(p, List.of(0)));
        engines.add(() -> CatModel.lkmm().run(p, Classifier.NONE, Axiomatic.DEFAULT_BUDGET, ""));
        for (Runnable r : engines) {
            Value.NotAnInteger e = assertThrows(Value.NotAnInteger.class, r::run);
            assertEquals("'atomic_add(2, x)' needs an integer, got opsA", e.getMessage());
        }
    }

    @Test
    void theViewItself() {
        assertEquals(0, Value.NULL.toLong("t"));
        assertEquals(-7, Value.of(-7).toLong("t"));
        assertThrows(Value.NotAnInteger.class, () -> new Value.Addr("x").toLong("t"));
        assertEquals(Value.of(5), new Expr.Binary(Expr.BinaryOp.ADD, Expr.val(Value.NULL), Expr.num(5)).eval(r -> null));
    }
}
