package daxlab.cat;

import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.CandidateExecutions;
import daxlab.axiomatic.Execution;
import daxlab.axiomatic.Lkmm;
import daxlab.axiomatic.ModelPropertiesTest;
import daxlab.axiomatic.Verdict;
import daxlab.dax.Scenarios;
import daxlab.litmus.Herd7Layout;
import daxlab.litmus.Herd7Result;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusSuites;
import daxlab.litmus.LitmusTest;
import daxlab.outcome.Classifier;
import daxlab.program.Program;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The LKMM as the kernel's files state it (daxlab/lkmm, run by the cat interpreter) and the
 * hand-written {@link Lkmm} are the same model, on every program the project has: the own
 * litmus suite (and the kernel's when {@code DAXLAB_KERNEL_LITMUS} names it), every dax scenario
 * and variant, the tests in {@code daxlab/cat/found}, and random programs (those of
 * {@link ModelPropertiesTest}; {@link KernelPrograms}, which add locks, RCU, SRCU,
 * dependencies and the void atomics; {@link ShapePrograms}, the classic shapes with random
 * accesses and links).
 * Two ways each:
 * <ul>
 * <li>the same allowed executions, each with the same flags: herd7's enumeration, where the
 *     model generates co and the lock relations itself, against daxlab's candidates checked by
 *     {@link Lkmm}; executions are compared by their full text (events, rf, co, dependencies);</li>
 * <li>the same verdict on each of daxlab's candidates: consistent or rejected by the same axiom,
 *     with the same flags.</li>
 * </ul>
 * A change to the kernel's cat file that {@link Lkmm} does not follow fails here.
 */
class CatLkmmEqualityTest {
    static final CatModel CAT = CatModel.lkmm();
    static final Lkmm LKMM = new Lkmm();
    static final long BUDGET = Axiomatic.DEFAULT_BUDGET;

    /** One allowed execution: its text and the flags it raised. */
    static String key(Execution x, Set<daxlab.outcome.Flag> flags) {
        return String.join("\n", x.lines()) + "\n  flags " + new TreeSet<>(flags);
    }

    /** Both enumerations give the same executions, the same number of times, with the same flags. */
    static void assertSameAllowedExecutions(CatModel cat, Program p) {
        Map<String, Integer> handWritten = new TreeMap<>();
        CandidateExecutions.forEach(p, BUDGET, x -> {
            Verdict v = LKMM.check(x);
            // Both sides keep what the test's filter keeps, as herd7 does before counting.
            if (v.isConsistent() && x.kept()) {
                handWritten.merge(key(x, v.flags()), 1, Integer::sum);
            }
        });
        Map<String, Integer> interpreted = new TreeMap<>();
        cat.forEachAllowed(p, BUDGET, (x, flags) -> interpreted.merge(key(x, flags), 1, Integer::sum));
        if (!handWritten.equals(interpreted)) {
            List<String> diffs = new ArrayList<>();
            handWritten.forEach((k, n) -> {
                if (!n.equals(interpreted.get(k))) {
                    diffs.add("Lkmm allows " + n + " time(s), the cat file " + interpreted.getOrDefault(k, 0) + ":\n" + k);
                }
            });
            interpreted.forEach((k, n) -> {
                if (!handWritten.containsKey(k)) {
                    diffs.add("the cat file allows " + n + " time(s), Lkmm never:\n" + k);
                }
            });
            fail(p.name() + ": " + diffs.size() + " difference(s), first:\n" + diffs.get(0) + "\nprogram:\n" + p);
        }
    }

    /** Each candidate of daxlab's enumeration gets the same verdict from both. */
    static void assertSameVerdicts(CatModel cat, Program p) {
        CandidateExecutions.forEach(p, BUDGET, x -> {
            Verdict hand = LKMM.check(x);
            Verdict file = cat.check(x);
            String h = hand.isConsistent() ? "consistent " + new TreeSet<>(hand.flags()) : "rejected by " + hand.axiom();
            String c = file.isConsistent() ? "consistent " + new TreeSet<>(file.flags()) : "rejected by " + file.axiom();
            assertEquals(h, c, () -> p.name() + ": Lkmm and the cat file disagree on\n" + x);
        });
    }

    static void assertSame(Program p) {
        assertSameAllowedExecutions(CAT, p);
        assertSameVerdicts(CAT, p);
    }

    @TestFactory
    Stream<DynamicNode> litmusSuites() {
        return LitmusSuites.forEachTest(f -> assertSame(LitmusParser.parse(f).program()));
    }

    @TestFactory
    Stream<DynamicTest> everyDaxScenario() {
        return Scenarios.everyVariant().stream().map(d -> DynamicTest.dynamicTest(
                d.scenario().id() + " " + d.variantLabel(), () -> assertSame(d.program())));
    }

    /** The interpreted model prints, test by test, exactly what herd7 printed (states, counts, flags). */
    @TestFactory
    Stream<DynamicNode> interpretedAnswersAsHerd7() {
        return LitmusSuites.forEachTest(f -> {
            LitmusTest t = LitmusParser.parse(f);
            Axiomatic.Result r = CAT.run(t.program(), Classifier.NONE, BUDGET, "");
            Herd7Result ours = Herd7Layout.result(t.program(), r.histogram());
            assertEquals(List.of(), ours.differencesFrom(Herd7Result.parse(LitmusSuites.Suite.herd7(f)), Herd7Result.Comparison.EXACT));
        });
    }

    /**
     * Tests the interpreter found where the hand-written model was wrong, with herd7 7.58's
     * answer beside each (src/test/resources/daxlab/cat/found): both models agree with herd7 now.
     */
    @TestFactory
    Stream<DynamicTest> foundByTheInterpreter() throws IOException, URISyntaxException {
        Path dir = Paths.get(getClass().getResource("/daxlab/cat/found").toURI());
        List<Path> tests;
        try (Stream<Path> s = Files.list(dir)) {
            tests = s.filter(f -> f.toString().endsWith(".litmus")).sorted().collect(Collectors.toList());
        }
        assertEquals(1, tests.size(), "found tests in " + dir);
        return tests.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            LitmusTest t = LitmusParser.parse(f);
            Herd7Result herd = Herd7Result.parse(LitmusSuites.Suite.herd7(f));
            Axiomatic.Result file = CAT.run(t.program(), Classifier.NONE, BUDGET, "");
            Axiomatic.Result hand = Axiomatic.run(t.program(), LKMM, Classifier.NONE, BUDGET, "");
            for (Axiomatic.Result r : List.of(file, hand)) {
                assertEquals(List.of(), Herd7Layout.result(t.program(), r.histogram())
                        .differencesFrom(herd, Herd7Result.Comparison.EXACT), r.histogram().model());
            }
            assertSame(t.program());
        }));
    }

    @Provide
    Arbitrary<List<List<ModelPropertiesTest.Op>>> modelPropertiesPrograms() {
        return new ModelPropertiesTest().programs();
    }

    @Property(tries = 200)
    void sameOnModelPropertiesPrograms(@ForAll("modelPropertiesPrograms") List<List<ModelPropertiesTest.Op>> spec) {
        assertSame(ModelPropertiesTest.build(spec));
    }

    @Provide
    Arbitrary<List<List<KernelPrograms.Step>>> kernelPrograms() {
        return KernelPrograms.programs();
    }

    @Property(tries = 200)
    void sameOnKernelPrograms(@ForAll("kernelPrograms") List<List<KernelPrograms.Step>> spec) {
        assertSame(KernelPrograms.build(spec));
    }

    @Provide
    Arbitrary<ShapePrograms.Spec> shapes() {
        return ShapePrograms.specs();
    }

    /** The classic shapes with random accesses and links: where the Noreturn difference was found. */
    @Property(tries = 400)
    void sameOnShapes(@ForAll("shapes") ShapePrograms.Spec spec) {
        assertSame(ShapePrograms.build(spec));
    }
}
