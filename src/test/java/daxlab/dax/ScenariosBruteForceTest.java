package daxlab.dax;

import daxlab.interleave.Interleavings;
import daxlab.interleave.BruteForce;
import daxlab.outcome.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every dax scenario and variant: memoized counts equal a walk over every single schedule. */
class ScenariosBruteForceTest {

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void countsEqualBruteForce(Scenario s) {
        for (PutVariant p : PutVariant.values()) {
            for (ReaderVariant r : ReaderVariant.values()) {
                DaxScenario d = Scenarios.build(s, p, r);
                Map<Outcome, BigInteger> fast = new TreeMap<>();
                Interleavings.enumerate(d.program(), d.classifier()).entries()
                        .forEach(e -> fast.put(e.outcome(), e.count()));
                assertEquals(BruteForce.count(d.program()), fast, s + " " + d.variantLabel());
            }
        }
    }
}
