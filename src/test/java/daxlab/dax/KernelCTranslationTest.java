package daxlab.dax;

import daxlab.engine.Engine;
import daxlab.lab.Models;
import daxlab.outcome.Histogram;
import daxlab.outcome.Race;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof of the C translation: the kernel C of every built-in version ({@link KernelSource},
 * our abridged drivers/dax/super.c) read as a participant's {@link OwnPut} and {@link OwnReader}
 * gives exactly what the built-in gives, in every scenario with every version it uses (and the
 * marked fixes): the same SC outcomes with the same interleaving counts and grades, and the same
 * LKMM executions per outcome, grades, racy counts and racing pairs. The C and the Java of each
 * built-in are written separately, so a mistake in either shows here.
 */
class KernelCTranslationTest {

    /** What must agree: per outcome, its count, grade and racy count; then the races. */
    static String summary(Histogram h) {
        return summary(h, true);
    }

    /**
     * Every outcome with its class, grade and whether it races, and every racing pair; with
     * {@code counts}, how many executions (or interleavings) give each.
     */
    static String summary(Histogram h, boolean counts) {
        Map<String, String> rows = new TreeMap<>();
        for (Histogram.Entry e : h.entries()) {
            rows.put(e.outcome().text(), (counts ? e.count() + " " : "") + e.outcomeClass() + " " + e.grade().label()
                    + (counts ? " racy " + e.racy() : e.racy().signum() > 0 ? " racy" : ""));
        }
        List<String> races = h.races().stream().map(r -> r.location() + ": " + access(r.first()) + " vs "
                + access(r.second()) + (counts ? " in " + r.executions() : "")).sorted().collect(Collectors.toList());
        return rows.entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()).collect(Collectors.joining("\n"))
                + (counts ? "\nunit " + h.unit() + ", total " + h.total() : "") + "\nraces " + races;
    }

    /**
     * A racing access without the register its value went to: the translation names its
     * temporaries itself ({@code t1 = holder_ops} where the built-in has {@code ops1 = holder_ops}).
     */
    static String access(Race.Access a) {
        String code = a.op() == Race.Op.STORE ? a.code() : a.code().replaceFirst("^\\w+ = ", "");
        return a.thread() + " " + a.function().orElse("-") + ": " + code + " (" + (a.plain() ? "plain " : "marked ")
                + a.op().word() + ")";
    }

    static OwnPut own(PutVariant p) {
        return new OwnPut(p.label(), KernelSource.fsPutDax(p));
    }

    static OwnReader own(ReaderVariant r) {
        return new OwnReader(r.label(), KernelSource.notifyFailure(r));
    }

    static List<DaxScenario> builtIns() {
        return Scenarios.everyVariant();
    }

    @TestFactory
    Stream<DynamicTest> kernelSourceTranslatesToTheBuiltIn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DaxScenario b : builtIns()) {
            tests.add(DynamicTest.dynamicTest(b.scenario().id() + " " + b.variantLabel(), () -> {
                PutVersion put = own((PutVariant) b.put());
                ReaderVersion reader = own((ReaderVariant) b.reader());
                DaxScenario o = Scenarios.build(b.scenario(), put, reader, b.accessors());
                assertEquals(summary(Models.run(b, Engine.SC)), summary(Models.run(o, Engine.SC)),
                        b.scenario().id() + " " + b.variantLabel() + " under sc");
                // Under the LKMM the number of candidate executions depends on where the C puts
                // srcu_read_unlock(), which reads nothing but is a store to the srcu_struct: the
                // translation unlocks on each path before the return (goto out), the built-in
                // after the join, and herd7 7.58 counts 17 and 15 executions of kill-vs-get with
                // the READ_ONCE reader for them (litmus-diff/SRCU-unlock-placement*). What the
                // verdict reads, outcomes, grades and races, must be equal.
                assertEquals(summary(Models.run(b, Engine.LKMM), false), summary(Models.run(o, Engine.LKMM), false),
                        b.scenario().id() + " " + b.variantLabel() + " under lkmm");
                assertEquals(b.put().warns(), put.warns(), "WARN_ON bookkeeping");
                assertEquals(b.put().usesSrcu(), put.usesSrcu(), "grace period");
            }));
        }
        return tests.stream();
    }

    /** The observables are the built-in's, so nothing else (a lost warn field, a missing i_count) slips by. */
    @TestFactory
    Stream<DynamicTest> sameObservablesAndRules() {
        return Stream.of(PutVariant.values()).map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            for (Scenario s : Scenario.values()) {
                DaxScenario b = Scenarios.build(s, p, ReaderVariant.LOAD_ACQUIRE);
                DaxScenario o = Scenarios.build(s, own(p), own(ReaderVariant.LOAD_ACQUIRE));
                assertEquals(b.program().observables(), o.program().observables(), s.id());
                assertEquals(b.program().init(), o.program().init(), s.id());
                assertEquals(b.classifier(), o.classifier(), s.id());
            }
        }));
    }

    /** The comparison sees a change of one primitive, and of the order of two lines. */
    @TestFactory
    Stream<DynamicTest> theComparisonSeesADifference() {
        return Stream.of(DynamicTest.dynamicTest("cmpxchg_relaxed and the order of the stores", () -> {
            String v1 = KernelSource.fsPutDax(PutVariant.PATCH_V1);
            OwnPut relaxed = new OwnPut("relaxed", v1.replace("cmpxchg(", "cmpxchg_relaxed("));
            DaxScenario b = Scenarios.build(Scenario.PUT_VS_GET, PutVariant.PATCH_V1);
            DaxScenario o = Scenarios.build(Scenario.PUT_VS_GET, relaxed);
            assertEquals(summary(Models.run(b, Engine.SC)), summary(Models.run(o, Engine.SC)), "SC cannot tell them apart");
            assertNotEquals(summary(Models.run(b, Engine.LKMM)), summary(Models.run(o, Engine.LKMM)));
            OwnPut original = new OwnPut("swapped", KernelSource.fsPutDax(PutVariant.ORIGINAL));
            assertNotEquals(summary(Models.run(b, Engine.SC)),
                    summary(Models.run(Scenarios.build(Scenario.PUT_VS_GET, original), Engine.SC)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioIsCovered() {
        return Stream.of(DynamicTest.dynamicTest("every scenario, every put and reader it uses", () -> {
            for (Scenario s : Scenario.values()) {
                long n = builtIns().stream().filter(d -> d.scenario() == s).count();
                assertTrue(n >= Scenarios.putsOf(s).size() * Scenarios.readersOf(s).size(), s.id() + ": " + n);
            }
        }));
    }
}
