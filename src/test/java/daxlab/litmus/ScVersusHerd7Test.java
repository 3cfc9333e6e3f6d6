package daxlab.litmus;

import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-check of two truth sources: every final state our SC interleaving engine reaches must be
 * one herd7 found under the LKMM (SC is stronger than the LKMM, so SC ⊆ LKMM), and where herd7
 * says the condition is Never satisfied, SC must never satisfy it either.
 */
class ScVersusHerd7Test {
    private static final List<String> NOT_RUN = new ArrayList<>();
    private static final List<String> RAN = new ArrayList<>();

    @TestFactory
    Stream<DynamicNode> scStatesAreWithinHerd7LkmmStates() {
        return LitmusSuites.forEachTest(ScVersusHerd7Test::check);
    }

    private static void check(Path p) throws Exception {
        LitmusTest t = LitmusParser.parse(p);
        Herd7Result herd = Herd7Result.parse(LitmusSuites.Suite.herd7(p));
        Histogram sc;
        try {
            sc = LitmusEngines.byName("sc").run(t.program(), LitmusClassifier.of(t.program()), 1_000_000);
        } catch (RuntimeException e) {
            synchronized (NOT_RUN) {
                NOT_RUN.add(t.name() + ": " + e.getMessage());
            }
            throw e;
        }
        synchronized (RAN) {
            RAN.add(t.name());
        }
        Set<Outcome> lkmm = herd.outcomes();
        Set<Outcome> extra = new LinkedHashSet<>(sc.outcomes());
        extra.removeAll(lkmm);
        assertTrue(extra.isEmpty(), () -> t.name() + ": SC reaches states herd7's LKMM does not: " + extra);
        Herd7Result ours = Herd7Layout.result(t.program(), sc);
        assertEquals(herd.kind(), ours.kind());
        assertEquals(herd.condition(), ours.condition());
        if (herd.observation().equals("Never")) {
            assertEquals("Never", ours.observation(), t.name() + ": LKMM never satisfies the condition, SC must not either");
        }
        // SC only removes behaviours: a state SC reaches with the condition true is one LKMM reaches too.
        if (ours.obsPositive() > 0) {
            assertTrue(herd.obsPositive() > 0);
        }
        // SC reaches a final state exactly when herd7 has an execution (none when every one reads
        // a cell nothing writes, PTR+unwritten-cell).
        assertEquals(!herd.states().isEmpty(), sc.total().signum() > 0, "SC reaches a final state when herd7 does");
    }

    @AfterAll
    static void report() {
        System.out.println("SC vs herd7 LKMM: " + RAN.size() + " litmus tests run under SC, "
                + NOT_RUN.size() + " could not run" + (NOT_RUN.isEmpty() ? "" : ":"));
        NOT_RUN.forEach(s -> System.out.println("  not run: " + s));
    }
}
