package daxlab.dax.export;

import daxlab.dax.DaxScenario;
import daxlab.litmus.LitmusEngine;
import daxlab.litmus.LitmusEngines;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusTest;
import daxlab.interleave.Interleavings;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Walk;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dax scenario exported to litmus, in both forms, parses back with our parser, and the SC
 * enumeration of the re-parsed program gives the original's outcomes with the same counts once
 * its integers and field names are read through the legend; its exists clause holds in exactly
 * the outcomes the scenario grades FORBIDDEN.
 */
class DaxExportTest {

    @TestFactory
    Stream<DynamicTest> exportsRunLikeTheScenarios() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DaxScenario s : DaxExport.everyScenario()) {
            for (DaxExport.Form f : DaxExport.Form.values()) {
                tests.add(DynamicTest.dynamicTest(DaxExport.testName(s, f), () -> check(s, f)));
            }
        }
        return tests.stream();
    }

    private static void check(DaxScenario s, DaxExport.Form form) {
        DaxExport.Export e = DaxExport.export(s, form);
        LitmusTest t = LitmusParser.parse(e.text(), e.fileName());
        assertEquals(e.fileName(), t.name() + ".litmus");
        Histogram original = Interleavings.enumerate(s.program(), s.classifier());
        Histogram exported = Interleavings.enumerate(t.program(), Classifier.NONE);
        Map<Outcome, BigInteger> decoded = new LinkedHashMap<>();
        for (Histogram.Entry en : exported.entries()) {
            decoded.merge(e.legend().decode(en.outcome()), en.count(), BigInteger::add);
        }
        Map<Outcome, BigInteger> expected = new LinkedHashMap<>();
        original.entries().forEach(en -> expected.put(en.outcome(), en.count()));
        assertEquals(expected, decoded, () -> "SC outcomes differ; exported:\n" + e.text());
        // The exists clause is the FORBIDDEN rules.
        var cond = t.program().finalCondition().orElseThrow();
        for (Histogram.Entry en : exported.entries()) {
            Outcome dax = e.legend().decode(en.outcome());
            boolean forbidden = s.classifier().grade(dax).outcomeClass() == daxlab.outcome.OutcomeClass.FORBIDDEN;
            assertEquals(forbidden, cond.holdsIn(f -> en.outcome().fields().get(f)), dax::toString);
        }
        // The +once form has no plain access left; the plain form keeps the kernel's.
        List<Mode> modes = accessModes(t.program());
        if (form == DaxExport.Form.ONCE) {
            assertFalse(modes.contains(Mode.PLAIN), "+once leaves no plain access");
        } else {
            assertEquals(accessModes(s.program()), modes, "the plain form keeps the kernel code's access modes");
        }
        assertTrue(e.text().contains("Values: NULL=0"), "the legend is in the header");
        // Only C that herd7's parser reads: no '!', '&&', '||' in the code (the header comment aside).
        String code = e.text().substring(e.text().indexOf("*)"));
        assertFalse(code.matches("(?s).*(![^=]|&&|\\|\\|).*"), code);
    }

    /**
     * The verdict runs the scenarios, herd7 their exports: under the LKMM the two give the same
     * executions per outcome and the same flags, so herd7's answer on a file (RecordedHerd7Test)
     * is the answer for the verdict's cell that cites it. The +once file is the verdict's
     * {@code lkmm-once}; axiomatic SC is checked on the plain form.
     */
    @TestFactory
    Stream<DynamicTest> exportsRunLikeTheScenariosUnderTheAxiomaticModels() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DaxExport.Export e : DaxExport.all()) {
            List<String> models = e.form() == DaxExport.Form.PLAIN ? List.of("lkmm", "sc-axiomatic") : List.of("lkmm");
            for (String m : models) {
                daxlab.engine.Engine verdictModel = daxlab.engine.Engine.byName(e.form() == DaxExport.Form.ONCE ? "lkmm-once" : m);
                tests.add(DynamicTest.dynamicTest(e.fileName() + " " + m, () -> {
                    LitmusTest t = LitmusParser.parse(e.text(), e.fileName());
                    Histogram file = LitmusEngines.byName(m).run(t.program(), Classifier.NONE, LitmusEngine.DEFAULT_BUDGET);
                    Histogram scenario = daxlab.lab.Models.run(e.scenario(), verdictModel);
                    Map<Outcome, BigInteger> decoded = new LinkedHashMap<>();
                    for (Histogram.Entry en : file.entries()) {
                        decoded.merge(e.legend().decode(en.outcome()), en.count(), BigInteger::add);
                    }
                    Map<Outcome, BigInteger> expected = new LinkedHashMap<>();
                    scenario.entries().forEach(en -> expected.put(en.outcome(), en.count()));
                    assertEquals(expected, decoded, verdictModel + " on the scenario, " + m + " on " + e.fileName());
                    assertEquals(scenario.flags().keySet(), file.flags().keySet(), "flags");
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void fileNamesAreStableAndDistinct() {
        List<String> names = DaxExport.all().stream().map(DaxExport.Export::fileName).toList();
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), "one file per scenario, variants and form");
        DaxScenario s = daxlab.dax.Scenarios.build(daxlab.dax.Scenario.PUT_VS_GET, daxlab.dax.PutVariant.ORIGINAL);
        assertEquals("dax-put-vs-get+ORIGINAL.litmus", DaxExport.fileName(s, DaxExport.Form.PLAIN));
        assertEquals("dax-put-vs-get+ORIGINAL+once.litmus", DaxExport.fileName(s, DaxExport.Form.ONCE));
        DaxScenario r = daxlab.dax.Scenarios.build(daxlab.dax.Scenario.PUT_VS_READER, daxlab.dax.PutVariant.PATCH_V1,
                daxlab.dax.ReaderVariant.READ_ONCE);
        assertEquals("dax-put-vs-reader+PATCH_V1+READ_ONCE+once.litmus", DaxExport.fileName(r, DaxExport.Form.ONCE));
        for (DaxExport.Export e : DaxExport.all()) {
            assertEquals(DaxExport.fileName(e.scenario(), e.form()), e.fileName());
        }
    }

    @Test
    void writesEveryScenarioInBothForms(@TempDir Path dir) throws IOException {
        List<Path> files = DaxExport.writeAll(dir);
        assertEquals(2 * DaxExport.everyScenario().size(), files.size());
        for (Path p : files) {
            assertTrue(Files.exists(p));
            LitmusParser.parse(p);
        }
    }

    /** The mode of every load and store, in program order. */
    private static List<Mode> accessModes(daxlab.program.Program p) {
        List<Mode> modes = new ArrayList<>();
        p.threads().forEach(th -> Walk.each(th.body(), i -> {
            if (i instanceof Instr.Load) {
                modes.add(((Instr.Load) i).mode());
            } else if (i instanceof Instr.Store) {
                modes.add(((Instr.Store) i).mode());
            }
        }));
        return modes;
    }
}
