package daxlab.program;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** SRCU indices left unnamed by {@link Code} are named when the thread is built, by nesting. */
class SrcuIndicesTest {
    private static List<Instr> thread(java.util.function.Consumer<Code> body) {
        Code c = new Code();
        body.accept(c);
        return new ThreadCode("P0", c.instructions()).body();
    }

    @Test
    void nestedLocksAreNamedInOrderAndUnlocksCloseTheInnermost() {
        List<Instr> b = thread(c -> c.srcuReadLock("s").srcuReadLock("s").srcuReadUnlock("s").srcuReadUnlock("s")
                .synchronizeSrcu("s"));
        assertEquals(List.of(Instr.Srcu.lock("srcu_idx0", "s"), Instr.Srcu.lock("srcu_idx1", "s"),
                Instr.Srcu.unlock("s", Expr.reg("srcu_idx1")), Instr.Srcu.unlock("s", Expr.reg("srcu_idx0")),
                Instr.Srcu.synchronize("s")), b);
    }

    @Test
    void domainsNestApartAndNamesAvoidTheThreadsRegisters() {
        List<Instr> b = thread(c -> c.readOnce("srcu_idx0", "x").srcuReadLock("s1").srcuReadLock("s2")
                .srcuReadUnlock("s1").srcuReadUnlock("s2"));
        assertEquals(List.of(new Instr.Load("srcu_idx0", Expr.addr("x"), Mode.ONCE), Instr.Srcu.lock("_srcu_idx0", "s1"),
                Instr.Srcu.lock("srcu_idx1", "s2"), Instr.Srcu.unlock("s1", Expr.reg("_srcu_idx0")),
                Instr.Srcu.unlock("s2", Expr.reg("srcu_idx1"))), b);
    }

    /** Both branches of an if start with the sections open before it; after it, those of the first. */
    @Test
    void eachBranchUnlocksTheSameLock() {
        List<Instr> b = thread(c -> c.srcuReadLock("s").ifElse(Expr.reg("r"), t -> t.srcuReadUnlock("s"),
                e -> e.srcuReadUnlock("s")).srcuReadUnlock("s"));
        assertEquals(List.of(Instr.Srcu.lock("srcu_idx0", "s"),
                new Instr.If(Expr.reg("r"), List.of(Instr.Srcu.unlock("s", Expr.reg("srcu_idx0"))),
                        List.of(Instr.Srcu.unlock("s", Expr.reg("srcu_idx0")))),
                Instr.Srcu.unlock("s", Expr.num(0))), b);
    }

    @Test
    void namedIndicesAreKeptAndCountInTheNesting() {
        List<Instr> b = thread(c -> c.srcuReadLock("mine", "s").srcuReadLock("s").srcuReadUnlock("s", Expr.reg("mine"))
                .srcuReadUnlock("s"));
        assertEquals(List.of(Instr.Srcu.lock("mine", "s"), Instr.Srcu.lock("srcu_idx1", "s"),
                Instr.Srcu.unlock("s", Expr.reg("mine")), Instr.Srcu.unlock("s", Expr.reg("srcu_idx1"))), b);
        List<Instr> named = thread(c -> c.srcuReadLock("i", "s").srcuReadUnlock("s", Expr.reg("i")));
        assertSame(named, new ThreadCode("P0", named).body(), "nothing to name: the body as it is");
    }
}
