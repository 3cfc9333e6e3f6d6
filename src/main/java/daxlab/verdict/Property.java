package daxlab.verdict;

import daxlab.dax.Hazard;
import daxlab.dax.Scenario;
import daxlab.outcome.Grade;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A column of the verdict: a claim the thread makes or needs, the scenarios that test it, and
 * the hazards that break it. A candidate has the property under a model when no scenario
 * reaches an outcome graded with one of them.
 */
public enum Property {
    /** The patch's own goal. */
    RACE_FIXED("race fixed",
            "a concurrent fs_dax_get() or fs_dax_get_by_bdev() keeps its freshly installed ops",
            List.of(Scenario.PUT_VS_GET, Scenario.PUT_VS_GET_BY_BDEV),
            EnumSet.of(Hazard.LOST_OPS, Hazard.STALE_OPS, Hazard.MIXED_HOLDER)),
    /** Concern #2. */
    STRANGER_HARMLESS("stranger harmless",
            "a wrong-holder fs_put_dax() leaves the legitimate holder's ops alone",
            List.of(Scenario.WRONG_HOLDER_PUT_SEQ, Scenario.WRONG_HOLDER_PUT, Scenario.WRONG_HOLDER_VS_GET),
            EnumSet.of(Hazard.OPS_WIPED_BY_STRANGER, Hazard.STALE_OPS, Hazard.MIXED_HOLDER)),
    /** A WARN_ON must not fire on a path the kernel supports: kill_dax() on surprise removal. */
    NO_FALSE_WARN("no false WARN",
            "fs_put_dax() does not WARN when kill_dax() released the device first (surprise removal)",
            List.of(Scenario.KILL_VS_PUT), EnumSet.of(Hazard.FALSE_WARN)),
    /** put_dax() at the end of fs_put_dax() drops the caller's inode reference, whatever happened before. */
    REFERENCE_DROPPED("reference dropped",
            "fs_put_dax() always drops the holder's inode reference (put_dax())",
            List.of(Scenario.KILL_VS_PUT, Scenario.PUT_VS_GET_BY_BDEV), EnumSet.of(Hazard.REFERENCE_LEAKED)),
    /** Concern #1, the double read. */
    NO_NULL_CALL("no NULL call",
            "dax_holder_notify_failure() never calls through a NULL holder_ops",
            List.of(Scenario.PUT_VS_READER, Scenario.PUT_VS_GET_VS_READER, Scenario.KILL_VS_PUT),
            EnumSet.of(Hazard.NULL_CALL)),
    /** Concern #1, the ordering that matters on the read side: message passing from fs_dax_get(). */
    CONTEXT_PUBLISHED("context published",
            "a callback reached through ops that fs_dax_get() just installed sees that holder's holder_data",
            List.of(Scenario.GET_VS_READER), EnumSet.of(Hazard.WRONG_CONTEXT)),
    /** The patch comment's claim about in-flight readers. */
    IN_FLIGHT_SAFE("in-flight reader safe",
            "a notification running across fs_put_dax() never calls the old ops with another holder's data or NULL",
            List.of(Scenario.PUT_VS_READER, Scenario.PUT_VS_GET_VS_READER, Scenario.KILL_VS_PUT),
            EnumSet.of(Hazard.WRONG_CONTEXT)),
    /** Lifetime: what synchronize_srcu() buys. */
    NO_CALLBACK_AFTER_PUT("no callback after put",
            "no notify_failure() callback reads its holder's data after that holder's fs_put_dax() returned",
            List.of(Scenario.UNMOUNT_VS_READER), EnumSet.of(Hazard.CALLBACK_AFTER_PUT));

    private final String title;
    private final String claim;
    private final List<Scenario> scenarios;
    private final Set<Hazard> breaking;

    Property(String title, String claim, List<Scenario> scenarios, Set<Hazard> breaking) {
        this.title = title;
        this.claim = claim;
        this.scenarios = scenarios;
        this.breaking = breaking;
    }

    public String title() {
        return title;
    }

    public String claim() {
        return claim;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Set<Hazard> breaking() {
        return breaking;
    }

    /** Whether an outcome with this grade breaks the property. */
    public boolean brokenBy(Grade g) {
        return breaking.stream().anyMatch(h -> g.has(h.label()));
    }

    /** The name {@code daxlab report --json} uses: {@code race-fixed}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
