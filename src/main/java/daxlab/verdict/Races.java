package daxlab.verdict;

import daxlab.outcome.Flag;
import daxlab.outcome.Histogram;
import daxlab.outcome.Race;

import java.util.List;
import java.util.stream.Collectors;

/** The LKMM's data-race flag on a run, and the racing accesses it names. */
final class Races {
    private Races() {
    }

    /** Whether an allowed execution of the run raised the LKMM's data-race flag. */
    static boolean flagged(Histogram h) {
        return !h.races().isEmpty() || h.flags().containsKey(Flag.DATA_RACE);
    }

    /**
     * The racing pairs of accesses, as text: location, then thread, function and access of each
     * side ({@code holder_ops: P1 fs_dax_get: holder_ops = opsB (plain store) vs ...}), without
     * the execution counts, so that the same pair in several runs reads as one.
     */
    static List<String> named(Histogram h) {
        return h.races().stream().map(Races::pair).collect(Collectors.toList());
    }

    /**
     * The plain side of each race, as {@code function(): code}, with the functions it races
     * with: what marking would remove. A race of two plain accesses lists both.
     */
    static void plainSides(Histogram h, java.util.Map<String, java.util.Set<String>> into) {
        for (Race r : h.races()) {
            add(r.first(), r.second(), into);
            add(r.second(), r.first(), into);
        }
    }

    private static void add(Race.Access plain, Race.Access other, java.util.Map<String, java.util.Set<String>> into) {
        if (plain.plain()) {
            into.computeIfAbsent(called(plain) + ": " + plain.code(), k -> new java.util.TreeSet<>())
                    .add(called(other));
        }
    }

    /** {@code fs_put_dax()}; an access at a thread's top level (no function) is named by its thread. */
    private static String called(Race.Access a) {
        return a.function().map(f -> f + "()").orElse(a.thread());
    }

    static String pair(Race r) {
        return r.location() + ": " + side(r.first()) + " vs " + side(r.second());
    }

    private static String side(Race.Access a) {
        return a.function().orElse(a.thread()) + ": " + a.code() + " (" + (a.plain() ? "plain" : "marked") + " "
                + a.op().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
