package daxlab.program;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramTest {

    @Test
    void undeclaredLocationIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Program.builder("t")
                .init("holder_data", Value.NULL)
                .thread("P0", t -> t.store("holder_opz", Value.NULL)).build());
        assertTrue(e.getMessage().contains("'holder_opz', which is not declared; declared: holder_data"), e.getMessage());
    }

    @Test
    void conditionMustNameObservables() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Program.builder("t")
                .init("x", Value.of(0)).observe("x")
                .thread("P0", t -> t.writeOnce("x", Value.of(1)))
                .exists(Cond.eq("y", "1")).build());
        assertTrue(e.getMessage().contains("[y]"), e.getMessage());
    }

    @Test
    void badNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Value.sym("two words"));
        assertThrows(IllegalArgumentException.class, () -> new Instr.Load("1r", Expr.addr("x"), Mode.ONCE));
        assertThrows(IllegalArgumentException.class, () -> new Instr.Store(Expr.addr("x"), Expr.num(1), Mode.ACQUIRE));
    }

    @Test
    void textLooksLikeKernelCode() {
        assertEquals("cmpxchg_relaxed(holder_data, A, NULL)", new Instr.Rmw(Optional.empty(), Expr.addr("holder_data"),
                new RmwOp.Cmpxchg(Expr.sym("A"), Expr.val(Value.NULL)), Mode.RELAXED).text());
        assertEquals("smp_store_release(&holder_ops, NULL)",
                new Instr.Store(Expr.addr("holder_ops"), Expr.val(Value.NULL), Mode.RELEASE).text());
        assertEquals("holder_data=B /\\ holder_ops=NULL",
                Cond.eq("holder_data", "B").and(Cond.eq("holder_ops", "NULL")).text());
    }

    @Test
    void nullEqualsZeroAsInC() {
        assertTrue(Expr.same(Value.NULL, Value.of(0)));
        assertEquals(Value.of(1), Expr.eq(Expr.val(Value.NULL), Expr.num(0)).eval(r -> null));
    }
}
