package daxlab.program;

import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkingTest {
    @Test
    void everyPlainAccessBecomesOnceAndNothingElseChanges() {
        Program p = Scenarios.build(Scenario.PUT_VS_GET_VS_READER, PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ).program();
        assertTrue(Marking.hasPlainAccesses(p));
        Program once = Marking.once(p);
        assertFalse(Marking.hasPlainAccesses(once));
        assertEquals(p.name() + "+once", once.name());
        assertEquals(p.observables(), once.observables());
        assertEquals(p.init(), once.init());
        // Same shape: the same instruction texts once the access names are unified.
        for (int t = 0; t < p.threads().size(); t++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            Walk.each(p.threads().get(t).body(), i -> a.append(i.getClass().getSimpleName()).append(';'));
            Walk.each(once.threads().get(t).body(), i -> b.append(i.getClass().getSimpleName()).append(';'));
            assertEquals(a.toString(), b.toString());
        }
    }
}
