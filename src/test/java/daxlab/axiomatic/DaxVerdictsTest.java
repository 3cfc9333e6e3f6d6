package daxlab.axiomatic;

import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.outcome.Histogram;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The review's first concern, counted by hand for put-vs-get (A holds the device; P0 runs
 * fs_put_dax(A), P1 runs fs_dax_get(B)). P1's cmpxchg either reads A (fails: EBUSY; 1
 * execution) or reads P0's NULL (succeeds), and then the two stores to holder_ops have two
 * coherence orders; the one with P0's NULL last is "lost ops". A model allows it exactly when
 * nothing orders P0's store to holder_ops before its release of holder_data.
 */
class DaxVerdictsTest {
    private static long[] counts(PutVariant put, Model m) {
        DaxScenario d = Scenarios.build(Scenario.PUT_VS_GET, put);
        Histogram h = Axiomatic.enumerate(d.program(), m, d.classifier());
        return new long[] {h.total().longValueExact(), h.forbidden().stream().map(Histogram.Entry::count)
                .reduce(BigInteger.ZERO, BigInteger::add).longValueExact()};
    }

    private static void expect(PutVariant put, long sc, long tso, long arm, long lkmm) {
        long[][] got = {counts(put, new Sc()), counts(put, new Tso()), counts(put, new Armv8()), counts(put, new Lkmm())};
        long[] lost = {sc, tso, arm, lkmm};
        for (int i = 0; i < 4; i++) {
            assertEquals(2 + lost[i], got[i][0], put + " executions under " + Model.all().get(i).name());
            assertEquals(lost[i], got[i][1], put + " lost-ops executions under " + Model.all().get(i).name());
        }
    }

    @Test
    void fullCmpxchgKeepsTheOrderEverywhere() {
        expect(PutVariant.PATCH_V1, 0, 0, 0, 0);
        expect(PutVariant.REVIEW_SUGGESTION, 0, 0, 0, 0);
    }

    @Test
    void relaxedCmpxchgLosesOpsOnWeakModelsOnly() {
        // x86's LOCK CMPXCHG is a full barrier whatever the suffix; arm64's LDXR/STXR is not.
        expect(PutVariant.PATCH_V1_RELAXED, 0, 0, 1, 1);
        // a release store orders what comes before it, not the cmpxchg after it.
        expect(PutVariant.REVIEW_SUGGESTION_RELAXED, 0, 0, 1, 1);
    }

    @Test
    void theOriginalLosesOpsEvenUnderSc() {
        // the late store of NULL after a successful release is an interleaving bug, not a weak-memory one.
        for (Model m : Model.all()) {
            assertEquals(1, counts(PutVariant.ORIGINAL, m)[1], m.name());
        }
    }
}
