package daxlab.engine;

import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.outcome.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {

    @Test
    void everyNameUsersTypeIsOneEngine() {
        assertEquals(List.of("sc", "sc-axiomatic", "tso", "armv8", "lkmm", "lkmm-once"), Engine.names());
        for (Engine e : Engine.values()) {
            assertEquals(e, Engine.byName(e.id()));
            assertEquals(e.id(), e.toString());
        }
        assertEquals(List.of(Engine.SC, Engine.TSO, Engine.ARMV8, Engine.LKMM, Engine.LKMM_ONCE), Engine.VERDICT);
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engine.byName("power"));
        assertEquals("unknown model 'power'; valid models: sc, sc-axiomatic, tso, armv8, lkmm, lkmm-once", e.getMessage());
    }

    @Test
    void histogramsAreNamedAfterTheEngineAndCountItsUnit() {
        DaxScenario d = Scenarios.build(Scenario.PUT_VS_GET, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ);
        for (Engine e : Engine.values()) {
            Histogram h = e.run(d.program(), d.classifier(), e.defaultBudget(), d.variantLabel());
            assertEquals(e.id(), h.model(), e.id());
            assertEquals(d.program().name(), h.scenario(), e.id());
            assertEquals(d.variantLabel(), h.variant(), e.id());
            assertTrue(h.total().signum() > 0, e.id());
            assertEquals(e.interleavings() ? "interleavings" : "executions", h.unit(), e.id());
        }
    }
}
