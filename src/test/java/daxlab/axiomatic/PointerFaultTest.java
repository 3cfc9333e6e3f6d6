package daxlab.axiomatic;

import daxlab.outcome.Classifier;
import daxlab.program.Expr;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dereferencing a register that holds no address. The engine first explores every value a read
 * might return, so some paths dereference values no allowed execution reads; those must be
 * dropped quietly, and only a dereference that an allowed execution reaches is an error.
 */
class PointerFaultTest {
    /** P0 writes x twice, then reads x and dereferences what it read. */
    private static Program writeTwiceThenDeref(Value first, Value second) {
        return Program.builder("deref").init("x", new Value.Addr("y")).init("y", Value.of(0))
                .thread("P0", t -> t.writeOnce("x", first).writeOnce("x", second).readOnce("r0", "x")
                        .add(new Instr.Load("r1", Expr.reg("r0"), Mode.ONCE)))
                .observe("0:r0", "P0", "r0").observe("0:r1", "P0", "r1").build();
    }

    @Test
    void aDereferenceOnlyIncoherentExecutionsReachIsNoError() {
        // Reading 1 back after writing &y is a coherence violation, so no model allows it.
        Program p = writeTwiceThenDeref(Value.of(1), new Value.Addr("y"));
        for (Model m : Model.all()) {
            assertEquals(List.of(new daxlab.outcome.Outcome(Map.of("0:r0", new Value.Addr("y"), "0:r1", Value.of(0)))),
                    Axiomatic.enumerate(p, m, Classifier.NONE).outcomes(), m.name());
        }
    }

    @Test
    void aReachableDereferenceOfAnIntegerIsAnError() {
        Program p = writeTwiceThenDeref(new Value.Addr("y"), Value.of(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Axiomatic.enumerate(p, new Lkmm(), Classifier.NONE));
        assertTrue(e.getMessage().contains("P0: 'r1 = READ_ONCE(*r0)' accesses 1, which is not a declared location"),
                e.getMessage());
    }
}
