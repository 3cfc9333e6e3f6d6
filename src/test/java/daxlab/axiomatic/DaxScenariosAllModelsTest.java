package daxlab.axiomatic;

import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.interleave.Interleavings;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dax scenario with every variant it uses runs under all four models, and the models nest
 * as they must: SC axiomatic = SC interleavings (outcome sets), SC within TSO within ARMv8, SC
 * within LKMM.
 */
class DaxScenariosAllModelsTest {
    static List<DaxScenario> everyVariant() {
        return Scenarios.everyVariant();
    }

    static Set<Outcome> outcomes(Histogram h) {
        return new HashSet<>(h.outcomes());
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioUnderEveryModel() {
        return everyVariant().stream().map(d -> DynamicTest.dynamicTest(d.scenario().id() + " " + d.variantLabel(), () -> {
            Set<Outcome> interleavings = outcomes(Interleavings.enumerate(d.program(), d.classifier()));
            Set<Outcome> sc = outcomes(Axiomatic.enumerate(d.program(), new Sc(), d.classifier()));
            Set<Outcome> tso = outcomes(Axiomatic.enumerate(d.program(), new Tso(), d.classifier()));
            Set<Outcome> arm = outcomes(Axiomatic.enumerate(d.program(), new Armv8(), d.classifier()));
            Set<Outcome> lkmm = outcomes(Axiomatic.enumerate(d.program(), new Lkmm(), d.classifier()));
            assertEquals(interleavings, sc, "SC axiomatic = SC interleavings");
            assertTrue(tso.containsAll(sc), "SC within TSO");
            assertTrue(arm.containsAll(tso), "TSO within ARMv8");
            assertTrue(lkmm.containsAll(sc), "SC within LKMM");
        }));
    }
}
