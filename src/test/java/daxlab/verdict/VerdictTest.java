package daxlab.verdict;

import daxlab.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import daxlab.dax.Accessors;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.lab.Models;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict under every model: which candidate holds which claim, how rows are grouped, and
 * what the report, the reply and the JSON say. The whole review is computed once.
 */
class VerdictTest {
    static final Review REVIEW = Review.compute(Engine.VERDICT, Models::run);
    static final Matrix M = REVIEW.matrix();

    static Candidate c(PutVariant put, ReaderVariant reader) {
        return new Candidate(put, reader, Accessors.MAINLINE);
    }

    /** Row label -> marks, model by model, as the table prints them. */
    static Map<String, List<String>> rows(Property p) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Rows.Row r : M.layout(p).rows()) {
            out.put(r.label(), r.marks());
        }
        return out;
    }

    @Test
    void thePatchFixesTheRaceUnderEveryModelAndOnlyRelaxedVersionsBreakItOnWeakModels() {
        assertEquals(Rows.Axis.PUT, M.layout(Property.RACE_FIXED).axis());
        Map<String, List<String>> r = rows(Property.RACE_FIXED);
        assertEquals(List.of("BAD", "BAD", "BAD", "race", "BAD"), r.get("before the patch"));
        assertEquals(List.of("ok", "ok", "ok", "ok", "ok"), r.get("PATCH v1"));
        assertEquals(List.of("ok", "ok", "BAD", "race", "BAD"), r.get("PATCH v1 + relaxed*"));
        assertEquals(List.of("ok", "ok", "BAD", "race", "BAD"), r.get("review + relaxed*"));
        assertEquals(List.of("ok", "ok", "ok", "ok", "ok"), r.get("review suggestion"));
    }

    @Test
    void onlyThePatchAndTheReviewLetAStrangerWipeTheOps() {
        Map<String, List<String>> r = rows(Property.STRANGER_HARMLESS);
        for (PutVariant p : PutVariant.values()) {
            boolean wipes = p == PutVariant.PATCH_V1 || p == PutVariant.PATCH_V1_RELAXED
                    || p == PutVariant.REVIEW_SUGGESTION || p == PutVariant.REVIEW_SUGGESTION_RELAXED;
            List<String> marks = r.get(Rows.label(p));
            assertEquals(wipes, marks.contains("BAD"), p + ": " + marks);
        }
    }

    @Test
    void theEarlyReturnDraftWarnsFalselyAndLeaksTheReferenceOnSurpriseRemoval() {
        for (Property p : List.of(Property.NO_FALSE_WARN, Property.REFERENCE_DROPPED)) {
            assertEquals(Rows.Axis.PUT, M.layout(p).axis(), p.title());
            for (PutVariant put : PutVariant.values()) {
                Cell sc = M.cell(c(put, ReaderVariant.LOAD_ACQUIRE), p, Engine.SC);
                assertEquals(put == PutVariant.CHECK_HOLDER_EARLY_RETURN, !sc.outcomesOk(), put + " " + p.title());
            }
        }
        Cell warn = M.cell(c(PutVariant.CHECK_HOLDER_EARLY_RETURN, ReaderVariant.DOUBLE_READ), Property.NO_FALSE_WARN, Engine.SC);
        assertEquals("false WARN", warn.firstBad().grade().label());
        assertEquals(List.of("P1 fs_put_dax: READ_ONCE(holder_data) -> A"), warn.firstBad().witness().lines().stream()
                .filter(l -> l.startsWith("P1 fs_put_dax: READ_ONCE")).collect(Collectors.toList()));
    }

    @Test
    void theNullCallIsTheDoubleReadsWhateverThePut() {
        assertEquals(Rows.Axis.READER, M.layout(Property.NO_NULL_CALL).axis());
        Map<String, List<String>> r = rows(Property.NO_NULL_CALL);
        assertEquals(List.of("BAD", "BAD", "BAD", "race", "BAD"), r.get("double read reader"));
        assertEquals(List.of("ok", "ok", "ok", "race", "ok"), r.get("READ_ONCE reader"));
        assertEquals(List.of("ok", "ok", "ok", "race", "ok"), r.get("smp_load_acquire reader"));
    }

    /** Message passing: READ_ONCE() is not enough on arm64 or under the LKMM; acquire is. */
    @Test
    void publishingNeedsTheAcquireOnWeakModels() {
        Map<String, List<String>> r = rows(Property.CONTEXT_PUBLISHED);
        assertEquals(List.of("ok", "ok", "BAD", "race", "BAD"), r.get("READ_ONCE reader"));
        assertEquals(List.of("ok", "ok", "ok", "race", "ok"), r.get("smp_load_acquire reader"));
        Cell once = M.cell(c(PutVariant.PATCH_V1, ReaderVariant.READ_ONCE), Property.CONTEXT_PUBLISHED, Engine.ARMV8);
        assertEquals("holder_data=B; holder_ops=opsB; get=OK; reader=OK(opsB,NULL)", once.firstBad().outcome().text());
    }

    @Test
    void onlyTheGracePeriodKeepsCallbacksOffFreedData() {
        for (PutVariant p : PutVariant.values()) {
            Cell sc = M.cell(c(p, ReaderVariant.LOAD_ACQUIRE), Property.NO_CALLBACK_AFTER_PUT, Engine.SC);
            assertEquals(p == PutVariant.CHECK_HOLDER_SRCU, sc.outcomesOk(), p.toString());
        }
    }

    @Test
    void exactlyOneCandidateIsSoundAndItIsRecommended() {
        Candidate rec = new Candidate(PutVariant.CHECK_HOLDER_SRCU, ReaderVariant.LOAD_ACQUIRE, Accessors.MARKED);
        assertEquals(List.of(rec), M.sound());
        assertEquals(rec, M.recommended().orElseThrow());
        // The same code with mainline's plain accessors is flagged by the LKMM, and only there.
        Candidate plain = c(PutVariant.CHECK_HOLDER_SRCU, ReaderVariant.LOAD_ACQUIRE);
        List<Cell> failing = M.cells().stream().filter(x -> x.candidate().equals(plain) && !x.holds())
                .collect(Collectors.toList());
        assertFalse(failing.isEmpty());
        assertTrue(failing.stream().allMatch(x -> x.model() == Engine.LKMM && x.race()),
                failing.stream().map(x -> x.property() + "/" + x.model() + "=" + x.mark()).collect(Collectors.joining()));
    }

    /** Rows merge candidates only when every merged candidate has exactly the row's marks. */
    @Test
    void noRowHidesADifference() {
        for (Property p : M.properties()) {
            List<Candidate> seen = new ArrayList<>();
            for (Rows.Row r : M.layout(p).rows()) {
                for (Candidate c : r.members()) {
                    assertEquals(r.marks(), M.marks(c, p), p.title() + ": " + r.label() + " merges " + c);
                    seen.add(c);
                }
            }
            assertEquals(M.candidates().size(), seen.size(), p.title() + ": every candidate in exactly one row");
            assertTrue(seen.containsAll(M.candidates()));
        }
    }

    @Test
    void countsAreTheScenariosCounts() {
        Cell c = M.cell(Candidate.beforeThePatch(), Property.RACE_FIXED, Engine.SC);
        assertEquals("put-vs-get", c.runs().get(0).histogram().scenario());
        assertEquals(1, Reply.bad(c.runs().get(0).histogram(), Property.RACE_FIXED).intValueExact(),
                "1 of the 4 put-vs-get interleavings loses the ops");
        assertEquals(4, c.runs().get(0).histogram().total().intValueExact());
        assertEquals("lost ops", c.counterexample().orElseThrow().grade().label());
        assertEquals("dax-put-vs-get+ORIGINAL.litmus", c.litmus());
        assertEquals("dax-get-vs-reader+READ_ONCE+once.litmus",
                M.cell(c(PutVariant.PATCH_V1, ReaderVariant.READ_ONCE), Property.CONTEXT_PUBLISHED, Engine.LKMM_ONCE).litmus());
    }

    @Test
    void beforeAndAfterSeparateWhatThePatchFixesIntroducesAndInherits() {
        assertEquals("fixed by the patch (sc, tso, armv8, lkmm-once)", Report.change(M, Property.RACE_FIXED));
        assertEquals("introduced by the patch (sc, tso, armv8, lkmm-once)", Report.change(M, Property.STRANGER_HARMLESS));
        assertEquals("pre-existing, not fixed by the patch (sc, tso, armv8, lkmm-once)",
                Report.change(M, Property.NO_NULL_CALL));
        assertEquals("holds before and after (sc, tso); pre-existing, not fixed by the patch (armv8, lkmm-once)",
                Report.change(M, Property.CONTEXT_PUBLISHED));
    }

    @Test
    void reportAndReplyFitSeventyTwoColumns() {
        for (String text : List.of(Report.text(REVIEW), Reply.text(REVIEW))) {
            for (String line : text.split("\n")) {
                assertTrue(line.length() <= Report.WIDTH, "too wide: " + line);
                assertEquals(line.stripTrailing(), line, "trailing spaces: '" + line + "'");
                assertFalse(line.contains("\t"), "a tab: " + line);
            }
        }
    }

    @Test
    void theReplyAnswersEachConcernWithItsEvidence() {
        String reply = Reply.text(REVIEW);
        for (String heading : List.of("What the patch fixes", "What the patch introduces", "Concern #1, the writer side",
                "Concern #1, the reader side", "In-flight readers and lifetime", "The WARN_ON", "Suggested code",
                "Attached litmus files")) {
            assertTrue(reply.contains("\n" + heading + "\n") || reply.contains("\n" + heading + " ("), heading);
        }
        assertTrue(reply.contains("put-vs-get 1 of 4 interleavings"), reply);
        assertTrue(reply.contains("+        WARN_ON(prev && prev != holder);") || reply.contains("+                WARN_ON(prev && prev != holder);"), reply);
        assertTrue(reply.contains("+        ops = smp_load_acquire(&dax_dev->holder_ops);"), reply);
        assertTrue(reply.contains("dax-put-vs-get+CHECK_HOLDER_SRCU+marked.litmus"), reply);
    }

    @Test
    void jsonHasEveryCellAndExactlyOneRecommendation() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Json.of(REVIEW));
        List<JsonNode> recommended = new ArrayList<>();
        root.get("candidates").forEach(c -> {
            if (c.get("recommended").asBoolean()) {
                recommended.add(c);
            }
        });
        assertEquals(1, recommended.size());
        assertEquals("CHECK_HOLDER_SRCU", recommended.get(0).get("put").asText());
        assertEquals("LOAD_ACQUIRE", recommended.get(0).get("reader").asText());
        assertEquals(M.candidates().size() * Property.values().length * Engine.VERDICT.size(), root.get("cells").size());
        JsonNode cell = root.get("cells").get(0);
        for (String f : List.of("candidate", "property", "model", "verdict", "race", "litmus")) {
            assertTrue(cell.has(f), f);
        }
        root.get("cells").forEach(x -> assertTrue(List.of("ok", "BAD").contains(x.get("verdict").asText()), x.toString()));
    }

    /** herd7 can be run behind every cell: each names a file the litmus export writes. */
    @Test
    void everyCellNamesAnExportedLitmusFile() {
        java.util.Set<String> exported = new java.util.HashSet<>();
        for (var d : daxlab.dax.export.DaxExport.everyScenario()) {
            for (var f : daxlab.dax.export.DaxExport.Form.values()) {
                exported.add(daxlab.dax.export.DaxExport.testName(d, f) + ".litmus");
            }
        }
        for (Cell c : M.cells()) {
            assertTrue(exported.contains(c.litmus()), c.candidate() + " / " + c.property() + " / " + c.model()
                    + ": " + c.litmus());
            assertEquals(c.model() == Engine.LKMM_ONCE, c.litmus().endsWith("+once.litmus"), c.litmus());
        }
    }

    @Test
    void aModelThatFailsIsMarkedNotApplicable() {
        Matrix m = Matrix.compute(List.of(Candidate.beforeThePatch()), List.of(Property.RACE_FIXED),
                List.of(Engine.SC), (d, e) -> {
                    throw new IllegalStateException("no engine for " + d.program().name() + " under " + e);
                });
        Cell c = m.cells().get(0);
        assertEquals("n/a", c.mark());
        assertTrue(c.error().contains("no engine for put-vs-get under sc"), c.error());
    }

    @Test
    void theDiffShowsRemovedLinesBeforeAddedOnes() {
        assertEquals(List.of(" a", "-b", "+c", " d"), LineDiff.diff("a\nb\nd\n", "a\nc\nd\n"));
        assertEquals(List.of("@@ f() @@", " c", "-d", "+e", " f"),
                LineDiff.hunks("a\nb\nc\nd\nf\n", "a\nb\nc\ne\nf\n", 1, "f()"));
        assertEquals("-        x", Reply.expand("-\tx"));
        assertEquals(" ".repeat(17) + "y", Reply.expand(" \t\ty"));
        assertTrue(Arrays.asList(Property.values()).stream().allMatch(p -> !p.scenarios().isEmpty()));
    }
}
