package daxlab.litmus;

import daxlab.outcome.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SC engine honours RCU's grace-period guarantee: synchronize_rcu() waits for the readers
 * that were inside rcu_read_lock() when it started. Without that, SC would allow outcomes the
 * LKMM forbids, and SC ⊆ LKMM would not hold for RCU tests.
 */
class ScRcuTest {
    private static final String RCU_MP = "C RCU+sync+read\n\n{}\n\n"
            + "P0(int *x, int *y)\n{\n\tint r0;\n\tint r1;\n\n\trcu_read_lock();\n\tr0 = READ_ONCE(*x);\n"
            + "\tr1 = READ_ONCE(*y);\n\trcu_read_unlock();\n}\n\n"
            + "P1(int *x, int *y)\n{\n\tWRITE_ONCE(*x, 1);\n\tsynchronize_rcu();\n\tWRITE_ONCE(*y, 1);\n}\n\n"
            + "exists (0:r0=0 /\\ 0:r1=1)\n";

    private static Herd7Result run(String text) {
        LitmusTest t = LitmusParser.parse(text, "rcu.litmus");
        Histogram h = LitmusEngines.byName("sc").run(t.program(), LitmusClassifier.of(t.program()), 100_000);
        return Herd7Layout.result(t.program(), h);
    }

    @Test
    void aGracePeriodWaitsForPreExistingReaders() {
        Herd7Result r = run(RCU_MP);
        assertEquals("Never", r.observation());
        assertEquals(3, r.states().size(), "r0=0,r1=0 / r0=1,r1=0 / r0=1,r1=1");
    }

    @Test
    void withoutTheReadSideSectionTheOutcomeIsAllowed() {
        Herd7Result r = run(RCU_MP.replace("\trcu_read_lock();\n", "").replace("\trcu_read_unlock();\n", ""));
        assertEquals("Sometimes", r.observation());
        assertEquals(4, r.states().size());
    }

    @Test
    void synchronizeInsideOwnReadSideSectionIsReported() {
        String selfDeadlock = "C self\n{}\nP0(int *x)\n{\n\trcu_read_lock();\n\tsynchronize_rcu();\n"
                + "\trcu_read_unlock();\n}\nexists (x=0)\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(selfDeadlock));
        assertTrue(e.getMessage().contains("synchronize_rcu() inside its own read-side section would deadlock"),
                e.getMessage());
    }
}
