package daxlab.lab;

import daxlab.engine.Engine;
import daxlab.axiomatic.Explanation;
import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.interleave.Schedule;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.outcome.OutcomeClass;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code explain} and {@code enumerate} tell one story: for every dax scenario and variant and
 * every model name, the FORBIDDEN outcomes an explanation calls allowed are exactly the FORBIDDEN
 * bars of the histogram under the same name, with the same counts, racy counts and witness.
 */
class ExplainAgreesWithEnumerateTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioVariantAndModel() {
        List<DaxScenario> all = Scenarios.everyVariant();
        // As many as the exports herd7 answered (as written), so none is left out.
        assertEquals(daxlab.herd7.Recording.class.getResource("/" + daxlab.herd7.Recording.RESOURCE_DIR) == null ? -1
                : (int) java.util.Arrays.stream(new java.io.File(daxlab.herd7.Recording.class.getResource("/"
                        + daxlab.herd7.Recording.RESOURCE_DIR).getFile()).list())
                .filter(f -> f.endsWith(".lkmm.herd7") && !f.contains("+once")).count(), all.size());
        return all.stream().map(d -> DynamicTest.dynamicTest(d.program().name() + " " + d.variantLabel(), () -> {
            for (Engine model : Engine.values()) {
                check(d, model);
            }
        }));
    }

    private static void check(DaxScenario d, Engine model) {
        Histogram h = Models.run(d, model);
        List<Explanation> es = Models.explain(d, model);
        String where = h.title();
        Map<Outcome, Histogram.Entry> reached = h.entriesOf(OutcomeClass.FORBIDDEN).stream()
                .filter(e -> e.count().signum() > 0).collect(Collectors.toMap(Histogram.Entry::outcome, Function.identity()));
        Set<Outcome> allowed = es.stream().filter(e -> !e.forbidden()).map(Explanation::outcome)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(reached.keySet()), allowed, where + ": allowed FORBIDDEN outcomes");
        for (Explanation e : es) {
            assertEquals(model.id(), e.model(), where);
            assertEquals(OutcomeClass.FORBIDDEN, d.classifier().grade(e.outcome()).outcomeClass(), where);
            assertTrue(e.candidates() > 0, where + ": only outcomes some candidate gives");
            if (e.forbidden()) {
                assertFalse(e.reasons().isEmpty(), where + ": a forbidden outcome names its axiom\n" + e.text());
                assertTrue(e.text().contains("forbidden: all " + e.candidates() + " candidate executions are rejected"),
                        e.text());
                continue;
            }
            Histogram.Entry en = reached.get(e.outcome());
            assertEquals(en.count(), e.reached().count(), where + ": " + e.outcome());
            assertEquals(en.witness().lines(), e.reached().witness().lines(), where + ": the same witness");
            assertEquals(en.racy(), BigInteger.valueOf(e.racy()), where + ": racy executions");
            assertTrue(e.reasons().isEmpty());
            if (model == Engine.SC) {
                assertInstanceOf(Schedule.class, e.reached().witness(), where);
            } else {
                assertEquals(en.count(), BigInteger.valueOf(e.allowed()), where + ": allowed = counted");
            }
            assertTrue(e.text().contains("allowed by " + e.allowed() + " of " + e.candidates()
                    + " candidate executions"), e.text());
            assertTrue(e.text().contains("; no axiom of " + model + " rejects"), e.text());
        }
    }

    /** The reviewer's case: the outcome enumerate reaches, explained with its witness. */
    @Test
    void putVsObserverPatchV1UnderArmv8ShowsTheExecutionNoAxiomRejects() {
        String text = Lab.explain(Scenario.PUT_VS_OBSERVER, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ, "armv8");
        assertEquals("holder_data=NULL; holder_ops=NULL; seen_data=NULL; seen_ops=opsA under armv8: allowed by 1 of 1 "
                + "candidate executions; no axiom of armv8 rejects it; a witness execution:\n"
                + "    a: init: Winit holder_data=A  -rf-> d  -co-> e\n"
                + "    b: init: Winit holder_ops=opsA  -rf-> g  -co-> c\n"
                + "    c: P0 fs_put_dax: W[plain] holder_ops=NULL\n"
                + "    d: P0 fs_put_dax: R[full,rmw] holder_data=A  -rmw-> e\n"
                + "    e: P0 fs_put_dax: W[full,rmw] holder_data=NULL  -rf-> f\n"
                + "    f: P1 observer: R[plain] holder_data=NULL\n"
                + "    g: P1 observer: R[plain] holder_ops=opsA\n", text);
        assertTrue(Lab.enumerate(Scenario.PUT_VS_OBSERVER, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ, "armv8")
                .anyForbidden());
        // Under TSO the same candidate is rejected, and the cycle says why.
        String tso = Lab.explain(Scenario.PUT_VS_OBSERVER, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ, "tso");
        assertEquals("holder_data=NULL; holder_ops=NULL; seen_data=NULL; seen_ops=opsA under tso: forbidden: all 1 "
                + "candidate executions are rejected\n"
                + "  1 by tso, e.g. cycle c -ppo-> e -rfe-> f -ppo-> g -fr-> c\n"
                + "    c: P0 fs_put_dax: W[plain] holder_ops=NULL\n"
                + "    e: P0 fs_put_dax: W[full,rmw] holder_data=NULL\n"
                + "    f: P1 observer: R[plain] holder_data=NULL\n"
                + "    g: P1 observer: R[plain] holder_ops=opsA\n", tso);
    }

    /** Under sc a reached outcome gets its schedule; one no interleaving reaches gets sc-axiomatic's cycle. */
    @Test
    void scGivesTheScheduleOrTheScAxiomsCycle() {
        String original = Lab.explain(Scenario.PUT_VS_GET, PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ, "sc");
        assertTrue(original.startsWith("holder_data=B; holder_ops=NULL; get=OK under sc: allowed by 1 of 1 candidate "
                + "executions; no axiom of sc rejects it; reached by 1 interleaving, e.g.:\n"
                + "    P0 fs_put_dax: cmpxchg(holder_data, A, NULL) -> A\n"
                + "    P1 fs_dax_get: cmpxchg(holder_data, NULL, B) -> NULL\n"
                + "    P1 fs_dax_get: holder_ops = opsB\n"
                + "    P0 fs_put_dax: holder_ops = NULL\n"), original);
        List<Explanation> patched = Lab.explanations(Scenario.PUT_VS_GET, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ,
                "sc");
        assertFalse(patched.isEmpty());
        for (Explanation e : patched) {
            assertTrue(e.forbidden(), e.text());
            assertEquals("sc", e.model());
            e.reasons().forEach(r -> assertTrue(Set.of("sc", "atomic", "grace-period").contains(r.axiom()), e.text()));
        }
        // the same outcomes and verdicts as sc-axiomatic, whose executions the sc explanation uses
        List<Explanation> axiomatic = Lab.explanations(Scenario.PUT_VS_GET, PutVariant.PATCH_V1,
                ReaderVariant.DOUBLE_READ, "sc-axiomatic");
        assertEquals(axiomatic.stream().map(Explanation::outcome).collect(Collectors.toList()),
                patched.stream().map(Explanation::outcome).collect(Collectors.toList()));
    }

    @Test
    void noCandidateWithAForbiddenOutcomeIsSaid() {
        assertEquals("no candidate execution of wrong-holder-put-seq [put=ORIGINAL reader=DOUBLE_READ] gives a FORBIDDEN "
                + "outcome", Lab.explain(Scenario.WRONG_HOLDER_PUT_SEQ, PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ,
                "lkmm"));
    }

    @Test
    void unknownModelNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lab.explain(Scenario.PUT_VS_GET, PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ, "power"));
        assertEquals("unknown model 'power'; valid models: sc, sc-axiomatic, tso, armv8, lkmm, lkmm-once", e.getMessage());
    }
}
