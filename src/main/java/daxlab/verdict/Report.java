package daxlab.verdict;

import daxlab.engine.Engine;
import daxlab.dax.Accessors;
import daxlab.dax.Hazard;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.outcome.Histogram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verdict as plain text, 72 columns: the tables, the data races, what the patch fixes and
 * introduces, what lies outside fs_put_dax(), the recommendation, and the first failure of each
 * version the thread proposes with a witness. Every number in it comes from the review it is
 * given.
 */
public final class Report {
    public static final int WIDTH = 72;

    private Report() {
    }

    /** The versions the thread (and this project) propose, each with the reader it comes with. */
    static List<Candidate> proposed() {
        return List.of(Candidate.beforeThePatch(), Candidate.thePatch(),
                new Candidate(PutVariant.REVIEW_SUGGESTION, ReaderVariant.LOAD_ACQUIRE, Accessors.MAINLINE),
                new Candidate(PutVariant.CHECK_HOLDER, ReaderVariant.LOAD_ACQUIRE, Accessors.MARKED),
                new Candidate(PutVariant.CHECK_HOLDER_SRCU, ReaderVariant.LOAD_ACQUIRE, Accessors.MAINLINE),
                new Candidate(PutVariant.CHECK_HOLDER_SRCU, ReaderVariant.LOAD_ACQUIRE, Accessors.MARKED));
    }

    public static String text(Review r) {
        Matrix m = r.matrix();
        StringBuilder sb = new StringBuilder();
        para(sb, "daxlab: the fs_put_dax() review, claim by claim. Each claim is run on its scenarios for every "
                + "fs_put_dax() version with every reader, under each model: sc counts every interleaving; tso, "
                + "armv8, lkmm count every candidate execution the model allows; lkmm-once is the LKMM with every "
                + "plain access marked. A cell is BAD when some interleaving or allowed execution breaks the claim, "
                + "race when the LKMM flags a data race (herd7 then gives no guarantee at all).");
        sb.append(m.table(WIDTH)).append('\n');
        races(sb, m);
        beforeAfter(sb, m);
        outside(sb, r);
        recommendation(sb, m);
        failures(sb, m);
        yours(sb, m);
        para(sb, "Reproduce: bin/daxlab report --models " + m.models().stream().map(Engine::id).collect(Collectors.joining(",")) + " (--json for every cell "
                + "with its litmus file); one cell: bin/daxlab enumerate --scenario S --put P --reader R --model M.");
        return sb.toString();
    }

    private static void para(StringBuilder sb, String text) {
        sb.append(Text.wrap(text, WIDTH)).append("\n\n");
    }

    /** Which accesses the LKMM says race: each plain access once, with what it races with. */
    private static void races(StringBuilder sb, Matrix m) {
        List<Cell> racy = m.cells().stream().filter(Cell::race).collect(Collectors.toList());
        if (racy.isEmpty()) {
            return;
        }
        sb.append("Data races (the lkmm cells marked race):\n");
        long marked = racy.stream().filter(c -> c.candidate().accessors() == Accessors.MARKED).count();
        para(sb, "The LKMM flags a data race in " + racy.size() + " of "
                + m.cells().stream().filter(c -> c.model() == Engine.LKMM).count() + " lkmm cells"
                + (marked == 0 ? ", none of them with marked accessors" : "") + "; lkmm-once, the same code with "
                + "every plain access marked, has none. The plain accesses that race, and what with:");
        java.util.Map<String, Set<String>> sides = new java.util.TreeMap<>();
        for (Cell c : racy) {
            for (Cell.Run run : c.runs()) {
                Races.plainSides(run.histogram(), sides);
            }
        }
        sides.forEach((access, with) -> sb.append(Text.wrap("  - " + access + ", with " + String.join(", ", with),
                WIDTH, "    ")).append('\n'));
        sb.append('\n');
    }

    /** The patch against the code before it, with today's reader and accessors, claim by claim. */
    private static void beforeAfter(StringBuilder sb, Matrix m) {
        Candidate before = Candidate.beforeThePatch();
        Candidate after = Candidate.thePatch();
        sb.append("What the patch changes (fs_put_dax() before -> PATCH v1; today's\n"
                + "double read and mainline accessors on both sides):\n");
        for (Property p : m.properties()) {
            List<String> steps = new ArrayList<>();
            for (Engine model : m.models()) {
                steps.add(model + " " + m.cell(before, p, model).mark() + "->" + m.cell(after, p, model).mark());
            }
            String counts = m.models().contains(Engine.SC) ? "; sc: " + counts(m.cell(before, p, Engine.SC)) + " -> "
                    + counts(m.cell(after, p, Engine.SC)) : "";
            sb.append(Text.wrap("  " + p.title() + ": " + change(m, p) + counts + " (" + String.join(", ", steps) + ")",
                    WIDTH, "    ")).append('\n');
        }
        sb.append('\n');
    }

    /**
     * What the patch did to a claim, model by model, on the cells without a data race:
     * {@code fixed by the patch (sc, tso, armv8, lkmm-once)}, {@code introduced by the patch (...)},
     * {@code pre-existing, not fixed (...)}, {@code holds before and after (...)}.
     */
    static String change(Matrix m, Property p) {
        Candidate before = Candidate.beforeThePatch();
        Candidate after = Candidate.thePatch();
        java.util.Map<String, List<Engine>> kinds = new java.util.LinkedHashMap<>();
        for (Engine model : m.models()) {
            Cell b = m.cell(before, p, model);
            Cell a = m.cell(after, p, model);
            if (b.race() || a.race() || b.error() != null || a.error() != null) {
                continue;
            }
            String kind = b.outcomesOk() ? (a.outcomesOk() ? "holds before and after" : "introduced by the patch")
                    : (a.outcomesOk() ? "fixed by the patch" : "pre-existing, not fixed by the patch");
            kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(model);
        }
        if (kinds.isEmpty()) {
            return "no race-free model to compare";
        }
        return kinds.entrySet().stream().map(e -> e.getKey() + " (" + Text.names(e.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    /** {@code 1 of 4 interleavings}. */
    static String counts(Cell c) {
        if (c.error() != null) {
            return "n/a";
        }
        String unit = c.runs().isEmpty() ? "" : " " + c.runs().get(0).histogram().unit();
        return c.bad() + " of " + c.total() + unit;
    }

    /** What came up outside fs_put_dax(): kill_dax() against fs_dax_get(), and fs_dax_get_by_bdev()'s reference. */
    private static void outside(StringBuilder sb, Review r) {
        sb.append("Outside fs_put_dax(), pre-existing (no candidate changes them):\n");
        for (Cell.Run run : r.outside()) {
            Histogram h = run.histogram();
            for (Hazard hz : List.of(Hazard.CLAIMED_DURING_KILL, Hazard.CLAIM_WIPED_BY_KILL)) {
                BigInteger n = h.countWhere(e -> e.grade().has(hz.label()));
                sb.append(Text.wrap("  - " + h.scenario() + " under " + h.model() + ": " + hz.label() + " in " + n
                        + " of " + h.total() + " " + h.unit() + ".", WIDTH, "    ")).append('\n');
            }
        }
        Matrix m = r.matrix();
        if (m.models().contains(Engine.SC) && m.properties().contains(Property.RACE_FIXED)) {
            // Reached with the patch, and checked with every other fs_put_dax() version.
            boolean everyPut = true;
            for (PutVariant put : PutVariant.values()) {
                Candidate c = new Candidate(put, ReaderVariant.DOUBLE_READ, Accessors.MAINLINE);
                if (m.candidates().contains(c)) {
                    everyPut &= m.cell(c, Property.RACE_FIXED, Engine.SC).runs().stream().anyMatch(run -> run.histogram()
                            .countWhere(e -> e.grade().has(Hazard.REFERENCE_KEPT_ON_EBUSY.label())).signum() > 0);
                }
            }
            for (Cell.Run run : m.cell(Candidate.thePatch(), Property.RACE_FIXED, Engine.SC).runs()) {
                Histogram h = run.histogram();
                BigInteger n = h.countWhere(e -> e.grade().has(Hazard.REFERENCE_KEPT_ON_EBUSY.label()));
                if (n.signum() > 0) {
                    sb.append(Text.wrap("  - " + h.scenario() + " under sc: fs_dax_get_by_bdev() returns NULL after "
                            + "losing the cmpxchg and keeps its igrab() reference (" + Hazard.REFERENCE_KEPT_ON_EBUSY
                            + ") in " + n + " of " + h.total() + " " + h.unit() + " with PATCH v1"
                            + (everyPut ? ", and with every other fs_put_dax() version." : "."), WIDTH, "    "))
                            .append('\n');
                }
            }
        }
        sb.append('\n');
    }

    private static void recommendation(StringBuilder sb, Matrix m) {
        var rec = m.recommended();
        if (rec.isEmpty()) {
            para(sb, "No candidate holds every claim under every model without a data race.");
            return;
        }
        Candidate c = rec.get();
        String which = m.sound().size() == 1 ? "It is the only candidate that holds"
                : "It is the first of " + m.sound().size() + " candidates that hold";
        para(sb, "Recommended: " + c.name() + ". " + which + " every claim under every model with no data race ("
                + m.candidates().size() + " judged). fs_put_dax(): "
                + c.put().summary() + ". Reader: " + c.reader().summary() + ". Accessors: " + c.accessors().summary()
                + "." + (c.put().usesSrcu() ? " The grace period costs one synchronize_srcu() per unmount, and "
                + "fs_put_dax() must then never be called inside dax_read_lock() (from a notify_failure() "
                + "callback, say): it would wait for itself." : ""));
    }

    /** For each version the thread proposes: the first claim it breaks, with a witness. */
    private static void failures(StringBuilder sb, Matrix m) {
        sb.append("First failure of each proposed version, with a witness:\n\n");
        for (Candidate c : proposed()) {
            if (m.candidates().contains(c)) {
                firstFailure(sb, m, c);
            }
        }
    }

    /** The participant's candidates, each with its first failure, after the thread's. */
    private static void yours(StringBuilder sb, Matrix m) {
        if (m.participants().isEmpty()) {
            return;
        }
        sb.append("Yours (written in a notebook cell), first failure of each, with a witness:\n\n");
        for (Candidate c : m.participants()) {
            firstFailure(sb, m, c);
        }
    }

    private static void firstFailure(StringBuilder sb, Matrix m, Candidate c) {
        var failure = m.firstFailure(c);
        if (failure.isEmpty()) {
            sb.append(Text.wrap("* " + c.name() + ": every claim holds under " + Text.names(m.models())
                    + ".", WIDTH, "  ")).append("\n\n");
            return;
        }
        Cell cell = failure.get();
        if (cell.firstBad() == null) {
            sb.append(Text.wrap("* " + c.name() + ": breaks \"" + cell.property().title() + "\" under "
                    + cell.model() + ": the LKMM flags a data race (" + cell.litmus() + ").", WIDTH, "  "))
                    .append("\n\n");
            return;
        }
        Histogram h = cell.firstBadRun().histogram();
        Histogram.Entry e = cell.firstBad();
        sb.append(Text.wrap("* " + c.name() + ": breaks \"" + cell.property().title() + "\" under " + cell.model() + ". "
                + h.scenario() + " reaches " + e.outcome().text() + " (" + e.grade().label() + ") in " + e.count()
                + " of " + h.total() + " " + h.unit() + " (" + cell.litmus() + "):", WIDTH, "  ")).append('\n');
        if (e.witness() != null) {
            for (String line : e.witness().lines()) {
                sb.append(Text.wrap("    " + line, WIDTH, "      ")).append('\n');
            }
        }
        sb.append('\n');
    }
}
