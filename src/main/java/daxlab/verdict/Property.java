package daxlab.verdict;

import daxlab.dax.Scenario;

import java.util.List;
import java.util.Set;

/**
 * A column of the verdict matrix: a claim from the thread, the scenarios that test it, and the
 * FORBIDDEN labels that break it. A candidate has the property under a model when no scenario
 * reaches one of those labels.
 */
public enum Property {
    /** The patch's own goal: a concurrent fs_dax_get() keeps its ops. */
    RACE_FIXED("race fixed", "a concurrent fs_dax_get() cannot lose its freshly installed ops",
            List.of(Scenario.PUT_VS_GET), Set.of("lost ops", "stale ops", "mixed holder")),
    /** Concern #1: a reader of holder_data then holder_ops never sees the release with the old ops. */
    ORDERING_SAFE("ordering safe", "a reader never observes holder_data released while still seeing the old holder_ops",
            List.of(Scenario.PUT_VS_OBSERVER), Set.of("released data with old ops")),
    /** Concern #1, the reader: dax_holder_notify_failure() never calls through NULL or with another holder's data. */
    READER_SAFE("reader safe", "dax_holder_notify_failure() never calls through NULL or with the wrong holder_data",
            List.of(Scenario.PUT_VS_READER, Scenario.PUT_VS_GET_VS_READER), Set.of("NULL call", "wrong context")),
    /** Concern #2: a wrong-holder fs_put_dax() changes nothing. */
    STRANGER_HARMLESS("stranger harmless", "a wrong-holder fs_put_dax() leaves the legitimate holder's ops alone",
            List.of(Scenario.WRONG_HOLDER_PUT, Scenario.WRONG_HOLDER_VS_GET),
            Set.of("ops wiped by a stranger", "stale ops", "mixed holder"));

    private final String title;
    private final String claim;
    private final List<Scenario> scenarios;
    private final Set<String> badLabels;

    Property(String title, String claim, List<Scenario> scenarios, Set<String> badLabels) {
        this.title = title;
        this.claim = claim;
        this.scenarios = scenarios;
        this.badLabels = badLabels;
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

    /** Whether an outcome graded with {@code label} (comma-separated rule labels) breaks this property. */
    public boolean brokenBy(String label) {
        for (String l : label.split(", ")) {
            if (badLabels.contains(l)) {
                return true;
            }
        }
        return false;
    }
}
