package daxlab.dax;

import daxlab.interleave.Interleavings;
import daxlab.interleave.Replay;
import daxlab.interleave.Schedule;
import daxlab.outcome.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thread's claims under sequential consistency, with counts checked by hand where the
 * programs are small enough to list every schedule.
 */
class ScenariosTest {

    static Histogram sc(Scenario s, PutVariant put, ReaderVariant reader) {
        DaxScenario d = Scenarios.build(s, put, reader);
        return Interleavings.enumerate(d.program(), d.classifier());
    }

    static Map<String, String> byOutcome(Histogram h) {
        return h.entries().stream().collect(Collectors.toMap(e -> e.outcome().text(),
                e -> e.count() + " " + e.outcomeClass() + (e.grade().label().isEmpty() ? "" : " " + e.grade().label()),
                (a, b) -> a, TreeMap::new));
    }

    /**
     * ORIGINAL: P0 = [cmpxchg A->NULL, ops = NULL], P1 = [cmpxchg NULL->B, ops = opsB when it won].
     * If P1 goes first it fails: 1 schedule. Otherwise P0's cmpxchg is first and P1's two steps
     * interleave with P0's store in 3 ways; in one, P0's store comes last and wipes opsB.
     */
    @Test
    void originalLosesTheNewHoldersOpsInOneOfFourInterleavings() {
        Histogram h = sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ);
        assertEquals(Map.of(
                "holder_data=B; holder_ops=NULL; get=OK", "1 FORBIDDEN lost ops",
                "holder_data=B; holder_ops=opsB; get=OK", "2 ACCEPTABLE",
                "holder_data=NULL; holder_ops=NULL; get=EBUSY", "1 ACCEPTABLE"), byOutcome(h));
        assertEquals(BigInteger.valueOf(4), h.total());
        List<String> witness = h.forbidden().get(0).witness().lines();
        assertEquals(List.of(
                "P0 fs_put_dax: cmpxchg(holder_data, A, NULL) -> A",
                "P1 fs_dax_get: cmpxchg(holder_data, NULL, B) -> NULL",
                "P1 fs_dax_get: holder_ops = opsB",
                "P0 fs_put_dax: holder_ops = NULL"), witness);
    }

    /**
     * PATCH_V1: P0 = [ops = NULL, cmpxchg A->NULL]. P1's cmpxchg can only win after P0's, which is
     * P0's last step: then P1 runs alone (1 schedule). Before it, P1 fails in either gap (2).
     */
    @Test
    void patchV1HasThreeInterleavingsAndLosesNone() {
        Histogram h = sc(Scenario.PUT_VS_GET, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ);
        assertEquals(Map.of(
                "holder_data=B; holder_ops=opsB; get=OK", "1 ACCEPTABLE",
                "holder_data=NULL; holder_ops=NULL; get=EBUSY", "2 ACCEPTABLE"), byOutcome(h));
        assertFalse(h.anyForbidden());
    }

    /** The reader's second load of holder_ops can see the NULL that PATCH_V1 stores first. */
    @Test
    void doubleReadCallsThroughNullUnderPatchV1() {
        Histogram h = sc(Scenario.PUT_VS_READER, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ);
        assertTrue(h.forbidden().stream().anyMatch(e -> e.outcome().get(Scenarios.READER).equals(Dax.NULL_CALL)));
        Histogram once = sc(Scenario.PUT_VS_READER, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE);
        assertTrue(once.entries().stream().noneMatch(e -> e.outcome().get(Scenarios.READER).equals(Dax.NULL_CALL)));
    }

    /**
     * The patch comment says an in-flight reader "will see the old holder_data with NULL ops".
     * Even with a single READ_ONCE of the ops, the callback's own read of holder_data can come
     * after the release: ops of A called with holder_data NULL.
     */
    @Test
    void singleReadStillRunsTheCallbackWithTheWrongContext() {
        Histogram h = sc(Scenario.PUT_VS_READER, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE);
        assertTrue(h.forbidden().stream().anyMatch(e -> e.outcome().get(Scenarios.READER)
                .equals(Scenarios.okValue(Dax.A, Dax.NULL))), h.table());
    }

    @Test
    void strangerWipesTheHoldersOpsUnderPatchV1Only() {
        Histogram v1 = sc(Scenario.WRONG_HOLDER_PUT_SEQ, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ);
        assertEquals(Map.of("holder_data=A; holder_ops=NULL; reader=EOPNOTSUPP", "1 FORBIDDEN ops wiped by a stranger"),
                byOutcome(v1));
        Histogram original = sc(Scenario.WRONG_HOLDER_PUT_SEQ, PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ);
        assertEquals(Map.of("holder_data=A; holder_ops=opsA; reader=OK(opsA,A)", "1 ACCEPTABLE"), byOutcome(original));
    }

    /** Which put versions can reach a FORBIDDEN final holder state, scenario by scenario, under SC. */
    @Test
    void finalStateVerdictsUnderSc() {
        Map<Scenario, Set<PutVariant>> broken = Map.of(
                Scenario.PUT_VS_GET, Set.of(PutVariant.ORIGINAL),
                Scenario.WRONG_HOLDER_PUT, Set.of(PutVariant.PATCH_V1, PutVariant.PATCH_V1_RELAXED,
                        PutVariant.REVIEW_SUGGESTION, PutVariant.REVIEW_SUGGESTION_RELAXED),
                Scenario.WRONG_HOLDER_VS_GET, Set.of(PutVariant.PATCH_V1, PutVariant.PATCH_V1_RELAXED,
                        PutVariant.REVIEW_SUGGESTION, PutVariant.REVIEW_SUGGESTION_RELAXED));
        for (Map.Entry<Scenario, Set<PutVariant>> e : broken.entrySet()) {
            for (PutVariant p : PutVariant.values()) {
                Histogram h = sc(e.getKey(), p, ReaderVariant.READ_ONCE);
                boolean badFinal = h.forbidden().stream().anyMatch(x -> !x.grade().label().equals("wrong context")
                        && !x.grade().label().equals("NULL call"));
                assertEquals(e.getValue().contains(p), badFinal, e.getKey() + " with " + p + "\n" + h.table());
            }
        }
    }

    /** SRCU: a reader inside dax_read_lock() is waited for, one after it sees the device dead. */
    @Test
    void killDaxNeverPullsOpsFromUnderAReader() {
        Histogram h = sc(Scenario.KILL_VS_READER, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ);
        Set<String> reader = h.entries().stream().map(e -> e.outcome().get(Scenarios.READER).toString())
                .collect(Collectors.toSet());
        assertEquals(Set.of("OK(opsA,A)", "ENXIO"), reader);
    }

    @Test
    void checkHolderFixKeepsEveryScenarioClean() {
        for (PutVariant fix : List.of(PutVariant.CHECK_HOLDER, PutVariant.CHECK_HOLDER_SRCU)) {
            for (Scenario s : List.of(Scenario.PUT_VS_GET, Scenario.WRONG_HOLDER_PUT_SEQ, Scenario.WRONG_HOLDER_PUT,
                    Scenario.WRONG_HOLDER_VS_GET)) {
                Histogram h = sc(s, fix, ReaderVariant.READ_ONCE);
                assertFalse(h.anyForbidden(), h.table());
                assertTrue(h.entries().stream().allMatch(e -> e.outcome().get(Scenarios.WARN).toString().equals("0")),
                        "no WARN_ON fires: " + h.table());
            }
        }
    }

    /**
     * With a grace period between clearing the ops and releasing the device, a reader that
     * loaded the old ops (once) finishes its callback before holder_data changes: no wrong
     * context, no NULL call, in any scenario with a reader.
     */
    @Test
    void graceperiodInPutMakesTheSingleReadReaderSafe() {
        for (Scenario s : List.of(Scenario.PUT_VS_READER, Scenario.PUT_VS_GET_VS_READER, Scenario.WRONG_HOLDER_PUT)) {
            Histogram h = sc(s, PutVariant.CHECK_HOLDER_SRCU, ReaderVariant.READ_ONCE);
            assertFalse(h.anyForbidden(), h.table());
        }
        // The double read still calls through NULL: the grace period waits for it, but its
        // second load can come after the NULL store.
        Histogram twice = sc(Scenario.PUT_VS_READER, PutVariant.CHECK_HOLDER_SRCU, ReaderVariant.DOUBLE_READ);
        assertTrue(twice.forbidden().stream().anyMatch(e -> e.grade().label().equals("NULL call")), twice.table());
    }

    /** Under SC, clearing ops before releasing data means an observer never sees released data with old ops. */
    @Test
    void observerSeesReleasedDataWithOldOpsOnlyWhenDataIsReleasedFirst() {
        for (PutVariant p : PutVariant.values()) {
            Histogram h = sc(Scenario.PUT_VS_OBSERVER, p, ReaderVariant.READ_ONCE);
            assertEquals(p == PutVariant.ORIGINAL, h.anyForbidden(), p + "\n" + h.table());
        }
    }

    /**
     * get-vs-reader, READ_ONCE: P0 = [cmpxchg NULL->B, ops = opsB], P1 = [load ops, then (if
     * non-NULL) dax_holder()'s load]. P1's first load comes before P0's store in 2 of the 3
     * schedules (EOPNOTSUPP); after it, the callback must see B: under SC the publication is safe.
     */
    @Test
    void publicationIsSafeUnderSc() {
        Histogram h = sc(Scenario.GET_VS_READER, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE);
        assertEquals(Map.of(
                "holder_data=B; holder_ops=opsB; get=OK; reader=EOPNOTSUPP", "2 ACCEPTABLE",
                "holder_data=B; holder_ops=opsB; get=OK; reader=OK(opsB,B)", "1 ACCEPTABLE"), byOutcome(h));
    }

    /**
     * put-vs-get-by-bdev: the same lost-ops race as fs_dax_get() before the patch, none after; and
     * fs_dax_get_by_bdev() keeps its reference whenever it loses the cmpxchg. ORIGINAL: P1 loses
     * exactly when its cmpxchg (its 4th step) precedes P0's (P0's first): P1's 4 steps, then P0's 3
     * steps interleaved with P1's unlock, C(4,1) = 4 schedules.
     */
    @Test
    void getByBdevHasTheSameRaceAndKeepsItsReferenceOnEbusy() {
        Histogram original = sc(Scenario.PUT_VS_GET_BY_BDEV, PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ);
        assertEquals(Map.of(
                "holder_data=B; holder_ops=NULL; get=OK; i_count=1", "12 FORBIDDEN lost ops",
                "holder_data=B; holder_ops=opsB; get=OK; i_count=1", "62 ACCEPTABLE",
                "holder_data=NULL; holder_ops=NULL; get=EBUSY; i_count=1", "4 INTERESTING reference kept on EBUSY"),
                byOutcome(original));
        Histogram patched = sc(Scenario.PUT_VS_GET_BY_BDEV, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ);
        assertEquals(Map.of(
                "holder_data=B; holder_ops=opsB; get=OK; i_count=1", "50 ACCEPTABLE",
                "holder_data=NULL; holder_ops=NULL; get=EBUSY; i_count=1", "16 INTERESTING reference kept on EBUSY"),
                byOutcome(patched));
    }

    /** kill_dax() against fs_dax_get(): the claim outside the read section reaches a dying device. */
    @Test
    void killDaxAndFsDaxGetRaceBeforeAnyPatch() {
        Histogram h = sc(Scenario.KILL_VS_GET, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE);
        assertEquals(Map.of(
                "holder_data=B; holder_ops=opsB; get=OK; kill_notify=SKIPPED", "10 INTERESTING dead device claimed",
                "holder_data=NULL; holder_ops=NULL; get=ENODEV; kill_notify=SKIPPED", "29 ACCEPTABLE",
                "holder_data=NULL; holder_ops=NULL; get=OK; kill_notify=EOPNOTSUPP", "5 INTERESTING claim wiped, holder not told",
                "holder_data=NULL; holder_ops=NULL; get=OK; kill_notify=OK(opsB,B)", "4 ACCEPTABLE",
                "holder_data=NULL; holder_ops=NULL; get=OK; kill_notify=SKIPPED", "67 INTERESTING claim wiped, holder not told",
                "holder_data=NULL; holder_ops=opsB; get=OK; kill_notify=EOPNOTSUPP", "2 INTERESTING claim wiped, holder not told",
                "holder_data=NULL; holder_ops=opsB; get=OK; kill_notify=SKIPPED", "82 INTERESTING claim wiped, holder not told"),
                byOutcome(h));
    }

    /** A callback can read its holder's freed data unless fs_put_dax() waits for readers. */
    @Test
    void onlyTheGracePeriodKeepsCallbacksOffFreedData() {
        Histogram v1 = sc(Scenario.UNMOUNT_VS_READER, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE);
        assertEquals(Map.of(
                "holder_data=NULL; holder_ops=NULL; read_freed=0; reader=EOPNOTSUPP", "31 ACCEPTABLE",
                "holder_data=NULL; holder_ops=NULL; read_freed=0; reader=OK(opsA,A)", "14 ACCEPTABLE",
                "holder_data=NULL; holder_ops=NULL; read_freed=0; reader=OK(opsA,NULL)", "3 FORBIDDEN wrong context",
                "holder_data=NULL; holder_ops=NULL; read_freed=1; reader=OK(opsA,A)", "2 FORBIDDEN callback after put"),
                byOutcome(v1));
        Histogram srcu = sc(Scenario.UNMOUNT_VS_READER, PutVariant.CHECK_HOLDER_SRCU, ReaderVariant.READ_ONCE);
        assertFalse(srcu.anyForbidden(), srcu.table());
    }

    /**
     * Surprise removal: kill_dax() clears holder_data, then A's fs_put_dax() finds NULL. The
     * early-return draft warns and (when it finds NULL before its check) skips put_dax(); the
     * fix warns only on another holder and always drops the reference.
     */
    @Test
    void surpriseRemovalNeitherWarnsNorLeaksWithTheFix() {
        Histogram draft = sc(Scenario.KILL_VS_PUT, PutVariant.CHECK_HOLDER_EARLY_RETURN, ReaderVariant.LOAD_ACQUIRE);
        assertEquals(BigInteger.valueOf(77), draft.countWhere(e -> e.grade().has(Hazard.FALSE_WARN.label())));
        assertEquals(BigInteger.ONE, draft.countWhere(e -> e.grade().has(Hazard.REFERENCE_LEAKED.label())));
        assertEquals(BigInteger.valueOf(1261), draft.total());
        for (PutVariant fix : List.of(PutVariant.CHECK_HOLDER, PutVariant.CHECK_HOLDER_SRCU)) {
            Histogram h = sc(Scenario.KILL_VS_PUT, fix, ReaderVariant.LOAD_ACQUIRE);
            assertTrue(h.entries().stream().noneMatch(e -> e.grade().has(Hazard.FALSE_WARN.label())
                    || e.grade().has(Hazard.REFERENCE_LEAKED.label())), h.table());
            assertTrue(h.entries().stream().allMatch(e -> e.outcome().get(Dax.I_COUNT).equals(daxlab.program.Value.of(0))));
        }
    }

    /** Every witness, replayed by the reference interpreter, reaches the outcome it stands for. */
    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyWitnessReplaysToItsOutcome(Scenario s) {
        List<String> checked = new ArrayList<>();
        for (PutVariant p : PutVariant.values()) {
            for (ReaderVariant r : ReaderVariant.values()) {
                DaxScenario d = Scenarios.build(s, p, r);
                Histogram h = Interleavings.enumerate(d.program(), d.classifier());
                for (Histogram.Entry e : h.entries()) {
                    Schedule w = (Schedule) e.witness();
                    assertEquals(e.outcome(), Replay.run(d.program(), w.threadOrder()).outcome(),
                            s + " " + d.variantLabel() + ":\n" + w);
                    checked.add(e.outcome().text());
                }
            }
        }
        assertFalse(checked.isEmpty());
    }
}
