package daxlab.verdict;

import daxlab.outcome.Histogram;

import java.util.List;

/** The LKMM's data-race flag on a run, and the racing accesses it names. */
final class Races {
    static final String FLAG = "data-race";

    private Races() {
    }

    /** Whether an allowed execution of the run raised the LKMM's data-race flag. */
    static boolean flagged(Histogram h) {
        String flags = h.facts().get("flags");
        return flags != null && List.of(flags.split(", ")).contains(FLAG);
    }

    /** The racing pairs of accesses, as text: function and access of each side. */
    static List<String> named(Histogram h) {
        return List.of();
    }
}
