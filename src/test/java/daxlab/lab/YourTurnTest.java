package daxlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import daxlab.dax.Accessors;
import daxlab.dax.KernelSource;
import daxlab.dax.OwnPut;
import daxlab.dax.OwnReader;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.verdict.Candidate;
import daxlab.verdict.Json;
import daxlab.verdict.Property;
import daxlab.verdict.Review;
import daxlab.verdict.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A participant's versions wherever a built-in goes: the verdict's rows (named, marked, never the
 * recommendation), the check that says "not yet" instead of failing, the report, the JSON, the
 * litmus export, stress (refused, saying why), and the helpers of the litmus exercise.
 */
class YourTurnTest {
    /** The early-return draft, written by hand: it warns falsely and leaks the reference. */
    static final OwnPut DRAFT = Lab.fix("check, then release", """
            if (READ_ONCE(dax_dev->holder_data) != holder)
            \treturn;
            WRITE_ONCE(dax_dev->holder_ops, NULL);
            WARN_ON(cmpxchg(&dax_dev->holder_data, holder, NULL) != holder);
            put_dax(dax_dev);
            """);
    static final Review V = Lab.verdict(DRAFT);

    static Map<String, List<String>> rows(Review v, Property p) {
        return v.matrix().layout(p).rows().stream().collect(Collectors.toMap(Rows.Row::label, Rows.Row::marks));
    }

    @Test
    void yourRowsComeAfterTheBuiltInOnesNamedAndMarked() {
        List<Candidate> yours = V.matrix().participants();
        assertEquals(Candidate.rowsFor(DRAFT), yours);
        assertEquals(Candidate.grid().size() + 4, V.matrix().candidates().size());
        Map<String, List<String>> warn = rows(V, Property.NO_FALSE_WARN);
        assertEquals(List.of("BAD", "BAD", "BAD", "race", "BAD"), warn.get("check, then release (yours)"));
        assertEquals(List.of("BAD", "BAD", "BAD", "BAD", "BAD"), warn.get("check, then release (yours) / acquire, marked"));
        // Written by hand, the draft is judged as the built-in draft is.
        assertEquals(warn.get("early-return draft*"), warn.get("check, then release (yours)"));
        assertEquals("Verdict with check, then release (yours): 8 claims x 5 models, 30 candidates", V.matrix().title());
        assertEquals(Candidate.grid().get(Candidate.grid().size() - 1), V.matrix().recommended().orElseThrow(),
                "the recommendation stays the thread's");
    }

    @Test
    void checkSaysNotYetAndWhereWithoutThrowing() {
        Check c = Lab.check(V, Property.STRANGER_HARMLESS, Property.RACE_FIXED, Property.NO_FALSE_WARN,
                Property.REFERENCE_DROPPED);
        assertFalse(c.holds());
        List<String> lines = c.text().lines().collect(Collectors.toList());
        assertEquals("check, then release (yours) / smp_load_acquire / marked", lines.get(0));
        assertEquals("  yes      stranger harmless  (sc, tso, armv8, lkmm, lkmm-once)", lines.get(1));
        assertEquals("  yes      race fixed         (sc, tso, armv8, lkmm, lkmm-once)", lines.get(2));
        assertEquals("  not yet  no false WARN      BAD under sc, tso, armv8, lkmm, lkmm-once", lines.get(3));
        assertTrue(lines.get(4).startsWith("           kill-vs-put under sc reaches "), lines.get(4));
        assertTrue(c.text().contains("(false WARN) in "), c.text());
        assertTrue(c.text().contains("(reference leaked) in "), c.text());
        assertEquals("  -> not yet: 2 of 4 claims hold", lines.get(lines.size() - 1));
        assertEquals("not yet: x", Lab.check(false, "x").text());
        assertEquals("yes: x", Lab.check(true, "x").toString());
    }

    @Test
    void theBuiltInFixWrittenByHandPassesEveryCheck() {
        OwnPut fixed = Lab.fix("check holder, by hand", KernelSource.fsPutDax(PutVariant.CHECK_HOLDER_SRCU));
        Check c = Lab.check(Lab.verdict(fixed));
        assertTrue(c.holds(), c.text());
        assertTrue(c.text().endsWith("  -> every claim holds"), c.text());
    }

    @Test
    void aReaderOfYoursIsJudgedWithThePutYouChoose() {
        OwnReader once = Lab.reader("read once", """
                const struct dax_holder_operations *ops = READ_ONCE(dax_dev->holder_ops);

                if (!ops)
                \treturn -EOPNOTSUPP;
                return ops->notify_failure(dax_dev, off, len, mf_flags);
                """);
        Review v = Lab.verdict(PutVariant.CHECK_HOLDER_SRCU, once);
        assertEquals(Candidate.rowsFor(PutVariant.CHECK_HOLDER_SRCU, once), v.matrix().participants());
        Check c = Lab.check(v, Property.NO_NULL_CALL, Property.CONTEXT_PUBLISHED);
        assertFalse(c.holds());
        assertTrue(c.text().contains("  yes      no NULL call"), c.text());
        assertTrue(c.text().contains("  not yet  context published  BAD under armv8, lkmm, lkmm-once"), c.text());
        // As the built-in READ_ONCE reader, in every row the reader decides.
        Map<String, List<String>> published = rows(v, Property.CONTEXT_PUBLISHED);
        assertEquals(Rows.Axis.READER, v.matrix().layout(Property.CONTEXT_PUBLISHED).axis(), published.toString());
        assertEquals(published.get("READ_ONCE reader"), published.get("read once (yours) reader"));
    }

    @Test
    void aVerdictWithoutYoursHasNothingToCheck() {
        Review builtIn = Review.compute(List.of(), List.of(daxlab.engine.Engine.SC), Models::run);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lab.check(builtIn));
        assertTrue(e.getMessage().contains("make it with verdict(mine)"), e.getMessage());
    }

    @Test
    void theReportAndTheJsonNameYours() throws Exception {
        String report = Lab.report(V);
        assertTrue(report.contains("Yours (written in a notebook cell), first failure of each, with a witness:"), report);
        String flat = report.replaceAll("\\s+", " ");
        assertTrue(flat.contains("* check, then release (yours) / double read: breaks \"no false WARN\" under sc."),
                report);
        assertTrue(flat.contains("Recommended: check holder + srcu / smp_load_acquire / marked."), report);
        JsonNode json = new ObjectMapper().readTree(Json.of(V));
        long yours = 0;
        for (JsonNode c : json.get("candidates")) {
            if (c.get("participant").asBoolean()) {
                yours++;
                assertEquals("yours-check-then-release", c.get("put").asText());
                assertFalse(c.get("recommended").asBoolean());
            }
        }
        assertEquals(4, yours);
    }

    @Test
    void stressSaysWhyYoursHasNoTwin() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lab.stress(Scenario.PUT_VS_GET, DRAFT, ReaderVariant.DOUBLE_READ, "1ms"));
        assertTrue(e.getMessage().startsWith("stress(...) runs jcstress on the Java twin of a built-in version"),
                e.getMessage());
        assertTrue(e.getMessage().contains("check, then release (yours) has none"), e.getMessage());
    }

    @Test
    void theLitmusExportCarriesYourName(@TempDir Path dir) throws Exception {
        List<Path> files = Lab.exportLitmus(dir, DRAFT);
        long expected = 0;
        for (Scenario s : Scenario.values()) {
            expected += s.usesPut() ? 2L * Scenarios.readersOf(s).size() : 0;
        }
        assertEquals(expected, files.size());
        assertTrue(files.contains(dir.resolve("dax-put-vs-get+yours-check-then-release.litmus")), files.toString());
        assertTrue(files.contains(dir.resolve("dax-kill-vs-put+yours-check-then-release+LOAD_ACQUIRE+once.litmus")),
                files.toString());
        String text = Files.readString(dir.resolve("dax-put-vs-get+yours-check-then-release.litmus"));
        assertTrue(text.startsWith("C dax-put-vs-get+yours-check-then-release\n"), text);
        assertTrue(text.contains("[put=yours-check-then-release]"), text);
        // What the file says is what the scenario says: re-read, it runs to the same outcomes.
        LitmusResult again = Lab.litmus(text, "sc");
        assertEquals(Lab.enumerate(Scenario.PUT_VS_GET, DRAFT).anyForbidden(), !again.modelsAllowing().isEmpty());
    }

    @Test
    void theLitmusExerciseHelpers() {
        assertEquals(List.of("P0: rmw holder_data, store holder_ops", "P1: load holder_ops, load holder_data"),
                Lab.accesses(Lab.scenario(Scenario.GET_VS_READER, PutVariant.PATCH_V1, ReaderVariant.LOAD_ACQUIRE)));
        LitmusResult r = Lab.litmus("""
                C yours-mp
                {}
                P0(int *holder_data, int *holder_ops)
                {
                	int r0 = cmpxchg(holder_data, 0, 1);

                	if (r0 == 0)
                		WRITE_ONCE(*holder_ops, 1);
                }
                P1(int *holder_data, int *holder_ops)
                {
                	int r1;
                	int r0 = READ_ONCE(*holder_ops);

                	if (r0)
                		r1 = READ_ONCE(*holder_data);
                }
                exists (1:r0=1 /\\ 1:r1=0)
                """, "sc", "tso", "armv8", "lkmm");
        assertEquals(Lab.accesses(Lab.scenario(Scenario.GET_VS_READER, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE)),
                Lab.accesses(r));
        List<String> scenario = Lab.allowed(Scenario.GET_VS_READER, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE,
                Accessors.MARKED).modelsAllowingForbidden();
        assertEquals(List.of("armv8", "lkmm"), r.modelsAllowing());
        assertEquals(List.of("armv8", "lkmm", "lkmm-once"), scenario);
        assertEquals(r, Lab.litmusRun("yours-mp"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lab.litmusRun("nope"));
        assertTrue(e.getMessage().startsWith("no litmus test named 'nope' ran in this session; these did: "),
                e.getMessage());
    }
}
