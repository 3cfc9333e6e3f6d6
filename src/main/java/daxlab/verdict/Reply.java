package daxlab.verdict;

import daxlab.outcome.Flag;
import daxlab.engine.Engine;
import daxlab.dax.Accessors;
import daxlab.dax.KernelSource;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reply to the thread, as plain text within 72 columns that a reviewer pastes under the
 * quoted mail: what the patch fixes, what it introduces, an answer to each concern with its
 * evidence, the suggested code as a diff, and the litmus files to attach with their verdicts.
 * Every number comes from the review; every verdict on a file from herd7's recorded answer where
 * there is one, else from daxlab's LKMM, and the text says which.
 */
public final class Reply {
    private Reply() {
    }

    public static String text(Review r) {
        return text(r, Herd7Answers.NONE);
    }

    public static String text(Review r, Herd7Answers herd7) {
        Matrix m = r.matrix();
        Candidate before = Candidate.beforeThePatch();
        Candidate patch = Candidate.thePatch();
        Candidate rec = m.recommended().orElse(null);
        StringBuilder sb = new StringBuilder();
        Map<String, String> files = attachments(m, rec, herd7);
        boolean allHerd7 = files.values().stream().allMatch(v -> v.startsWith("herd7"));
        para(sb, "We ran the claims of this thread through daxlab: every interleaving under sequential consistency "
                + "(sc), and every execution that x86-TSO (tso), ARMv8 with Linux's arm64 mapping (armv8) and the "
                + "Linux kernel memory model (lkmm, as herd7 runs it) allow; lkmm-once is the LKMM on the same code "
                + "with every plain access marked. Counts are interleavings under sc and executions otherwise; "
                + "\"race\" means the LKMM flags a data race, where it promises nothing. The litmus files listed at "
                + "the end are attached" + (allHerd7 ? ", with herd7 7.58's verdict on each." : ", with verdicts."));

        head(sb, "What the patch fixes");
        Property fixed = Property.RACE_FIXED;
        para(sb, "A concurrent fs_dax_get() can no longer lose its freshly installed ops. Before the patch: "
                + perScenario(m.cell(before, fixed, Engine.SC), fixed) + " lose them. With PATCH v1: "
                + marks(m, patch, fixed) + ". fs_dax_get_by_bdev() has the same cmpxchg-then-store pattern and the same race before the "
                + "patch, so the Fixes: tag and stable backports should cover it too, not only fs_dax_get().");

        head(sb, "What the patch introduces");
        Property stranger = Property.STRANGER_HARMLESS;
        para(sb, "Concern #2 is right. Before the patch a wrong-holder fs_put_dax() changed nothing (" + marks(m, before,
                stranger) + "); with PATCH v1 it wipes the legitimate holder's ops: " + perScenario(
                m.cell(patch, stranger, Engine.SC), stranger) + "; " + marks(m, patch, stranger) + ". From then on every "
                + "dax_holder_notify_failure() for that holder returns -EOPNOTSUPP. This is the only claim the patch "
                + "turns from ok to BAD.");

        head(sb, "Concern #1, the writer side");
        Candidate relaxed = grid(PutVariant.PATCH_V1_RELAXED);
        Candidate reviewRelaxed = grid(PutVariant.REVIEW_SUGGESTION_RELAXED);
        para(sb, "A successful cmpxchg() is fully ordered, so PATCH v1's plain store of NULL cannot be reordered "
                + "after the release of holder_data: with PATCH v1 the race is fixed, " + marks(m, patch, fixed)
                + ". Only "
                + "with cmpxchg_relaxed() (nobody proposed it) does the order break: " + marks(m, relaxed, fixed)
                + ". smp_store_release() on the ops does not repair that (" + marks(m, reviewRelaxed, fixed) + "): a "
                + "release orders what comes before it, and the store that matters is the release itself. With the "
                + "full cmpxchg() the release adds nothing.");

        head(sb, "Concern #1, the reader side");
        Property nullCall = Property.NO_NULL_CALL;
        Property published = Property.CONTEXT_PUBLISHED;
        Candidate once = new Candidate(PutVariant.PATCH_V1, ReaderVariant.READ_ONCE, Accessors.MAINLINE);
        Candidate acquire = new Candidate(PutVariant.PATCH_V1, ReaderVariant.LOAD_ACQUIRE, Accessors.MAINLINE);
        para(sb, "The double read of holder_ops calls through NULL by interleaving alone, no weak memory needed: "
                + perScenario(m.cell(patch, nullCall, Engine.SC), nullCall) + ". It did before the patch too ("
                + perScenario(m.cell(before, nullCall, Engine.SC), nullCall) + "): " + Report.change(m, nullCall)
                + ". It is not tearing or a stale cache: caches are coherent and an "
                + "aligned pointer is not torn by the hardware. It is the re-load, which the compiler may also "
                + "split or merge; one READ_ONCE() into a local removes it (" + marks(m, once, nullCall) + ").");
        para(sb, "The ordering that matters on the read side is message passing: fs_dax_get() does cmpxchg() of "
                + "holder_data, then stores the ops; the reader loads the ops and calls them, and the callback "
                + "reads holder_data through dax_holder(). The call is only a control dependency, which arm64 "
                + "does not honour for a later load. With READ_ONCE(): " + perScenarioWorst(m, once, published)
                + "; with smp_load_acquire(): " + marks(m, acquire, published) + ". So the review's acquire is "
                + "needed, and READ_ONCE() is not enough. fs_dax_get()'s store of the ops needs no release (its "
                + "successful cmpxchg() already orders it), but it is a plain store racing with that load: with "
                + "WRITE_ONCE() there and READ_ONCE() in dax_holder(), the acquire reader is "
                + marks(m, new Candidate(PutVariant.CHECK_HOLDER, ReaderVariant.LOAD_ACQUIRE, Accessors.MARKED), published)
                + ".");
        para(sb, "\"This patch is what makes the ordering matter\" does not hold: before -> after, "
                + published.title() + ": " + Report.change(m, published) + "; " + nullCall.title() + ": "
                + Report.change(m, nullCall) + ". Both were there before the patch.");
        para(sb, "As written, the LKMM also flags data races on plain accesses, where it promises nothing: in "
                + String.join(", ", racingFunctions(m)) + ". kill_dax()'s stores are among them, as the review "
                + "says; the suggested code below marks every one, and its lkmm column then has no race.");

        head(sb, "In-flight readers and lifetime");
        Property inFlight = Property.IN_FLIGHT_SAFE;
        Property lifetime = Property.NO_CALLBACK_AFTER_PUT;
        para(sb, "The patch comment says an in-flight notify_failure() sees the old holder_data with NULL ops. It "
                + "does not hold even under sc: the reader loads the ops first and its callback reads holder_data "
                + "later, so it can run A's ops with NULL or with the next holder's data: "
                + perScenario(m.cell(patch, inFlight, Engine.SC), inFlight) + " with PATCH v1; before the patch "
                + perScenario(m.cell(before, inFlight, Engine.SC), inFlight) + ": the patch narrows the window, it "
                + "does not close it. Nor does anything stop a callback "
                + "from running after fs_put_dax() returned and the holder freed its data: "
                + perScenario(m.cell(patch, lifetime, Engine.SC), lifetime) + " with PATCH v1. Only a grace period in fs_put_dax(), "
                + "between clearing the ops and releasing holder_data, fixes both"
                + (rec == null ? "." : ": " + marks(m, rec, lifetime) + "."));

        head(sb, "The WARN_ON");
        Candidate draft = grid(PutVariant.CHECK_HOLDER_EARLY_RETURN);
        Candidate checked = grid(PutVariant.CHECK_HOLDER);
        Cell warn = m.cell(draft, Property.NO_FALSE_WARN, Engine.SC);
        Cell leak = m.cell(draft, Property.REFERENCE_DROPPED, Engine.SC);
        para(sb, "A fix that checks the holder must not WARN when kill_dax() released the device first (surprise "
                + "removal; with panic_on_warn that is a panic), and must still call put_dax(). With an early return "
                + "and WARN_ON(prev != holder), and today's reader in kill_dax()'s notification, kill-vs-put warns in " + bad(run(warn, Scenario.KILL_VS_PUT),
                Property.NO_FALSE_WARN) + " of " + run(warn, Scenario.KILL_VS_PUT).total() + " interleavings and leaks "
                + "the inode reference in " + bad(run(leak, Scenario.KILL_VS_PUT), Property.REFERENCE_DROPPED)
                + ". With WARN_ON(prev && prev != holder) and put_dax() always, no false WARN is "
                + marks(m, checked, Property.NO_FALSE_WARN) + ", and reference dropped is "
                + marks(m, checked, Property.REFERENCE_DROPPED) + ".");

        if (rec != null) {
            head(sb, "Suggested code");
            para(sb, "The only version that holds every claim under every model with no data race is "
                    + rec.name() + ". Its cost: one synchronize_srcu() per unmount, and fs_put_dax() must never be "
                    + "called inside dax_read_lock(), where it would wait for itself. Against the patch:");
            diff(sb, "fs_put_dax()", KernelSource.fsPutDax(PutVariant.PATCH_V1), KernelSource.fsPutDax(rec.put()));
            diff(sb, "dax_holder_notify_failure()", KernelSource.notifyFailure(ReaderVariant.DOUBLE_READ),
                    KernelSource.notifyFailure(rec.reader()));
            if (rec.accessors() == Accessors.MARKED) {
                diff(sb, "fs_dax_get()", KernelSource.fsDaxGet(Accessors.MAINLINE), KernelSource.fsDaxGet(Accessors.MARKED));
                diff(sb, "dax_holder()", KernelSource.daxHolder(Accessors.MAINLINE),
                        KernelSource.daxHolder(Accessors.MARKED));
                diff(sb, "kill_dax()", KernelSource.killDax(Accessors.MAINLINE), KernelSource.killDax(Accessors.MARKED));
            }
        }

        head(sb, "Attached litmus files (herd7 -conf linux-kernel.cfg FILE)");
        for (Map.Entry<String, String> e : files.entrySet()) {
            sb.append(Text.wrap("  " + e.getKey() + ": " + e.getValue(), Report.WIDTH, "      ")).append('\n');
        }
        sb.append('\n');
        para(sb, "Reproduce: bin/daxlab reply (this text), bin/daxlab report (every cell), bin/daxlab litmus "
                + "--export-dax DIR (every file).");
        return sb.toString();
    }

    /** The functions with a plain access that races, in the lkmm cells with mainline's accessors. */
    private static List<String> racingFunctions(Matrix m) {
        Map<String, java.util.Set<String>> sides = new java.util.TreeMap<>();
        m.cells().stream().filter(c -> c.race() && c.candidate().accessors() == Accessors.MAINLINE)
                .forEach(c -> c.runs().forEach(r -> Races.plainSides(r.histogram(), sides)));
        return sides.keySet().stream().map(k -> k.substring(0, k.indexOf(": "))).distinct().collect(Collectors.toList());
    }

    private static Candidate grid(PutVariant put) {
        return new Candidate(put, ReaderVariant.DOUBLE_READ, Accessors.MAINLINE);
    }

    private static void head(StringBuilder sb, String title) {
        sb.append(title).append('\n');
    }

    private static void para(StringBuilder sb, String text) {
        sb.append(Text.wrap(text, Report.WIDTH)).append("\n\n");
    }

    private static void diff(StringBuilder sb, String function, String before, String after) {
        for (String line : LineDiff.hunks(before, after, 3, function)) {
            // Tabs as eight columns, so that the 72-column check and the mail see the same width.
            sb.append(expand(line).stripTrailing()).append('\n');
        }
        sb.append('\n');
    }

    static String expand(String line) {
        StringBuilder out = new StringBuilder();
        for (char ch : line.toCharArray()) {
            if (ch == '\t') {
                // The diff marker takes column 0: tab stops count from column 1.
                do {
                    out.append(' ');
                } while ((out.length() - 1) % 8 != 0);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** {@code BAD under sc, tso, armv8; race under lkmm; ok under lkmm-once}, grouping models by mark. */
    static String marks(Matrix m, Candidate c, Property p) {
        Map<String, List<Engine>> byMark = new LinkedHashMap<>();
        for (Engine model : m.models()) {
            byMark.computeIfAbsent(m.cell(c, p, model).mark(), k -> new ArrayList<>()).add(model);
        }
        if (byMark.size() == 1) {
            return byMark.keySet().iterator().next() + " under every model";
        }
        return byMark.entrySet().stream().map(e -> e.getKey() + " under " + Text.names(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** The histogram of one scenario of a cell. */
    private static Histogram run(Cell c, Scenario s) {
        return c.runs().stream().filter(r -> r.scenario().scenario() == s).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(c.property() + " has no scenario " + s)).histogram();
    }

    /** {@code put-vs-get: 1 of 4 interleavings, put-vs-get-by-bdev: 2 of 9 interleavings}. */
    static String perScenario(Cell c, Property p) {
        List<String> parts = new ArrayList<>();
        for (Cell.Run run : c.runs()) {
            Histogram h = run.histogram();
            parts.add(h.scenario() + " " + bad(h, p) + " of " + h.total() + " " + h.unit());
        }
        return String.join(", ", parts);
    }

    /** The models where a cell is BAD, with the run's counts. */
    private static String perScenarioWorst(Matrix m, Candidate c, Property p) {
        List<String> parts = new ArrayList<>();
        for (Engine model : m.models()) {
            Cell cell = m.cell(c, p, model);
            if (cell.bad().signum() > 0 && !cell.race()) {
                parts.add(model + " " + cell.bad() + " of " + cell.total() + " " + cell.runs().get(0).histogram().unit());
            }
        }
        return parts.isEmpty() ? "no model breaks it" : "wrong context under " + String.join(", ", parts);
    }

    static BigInteger bad(Histogram h, Property p) {
        return h.countWhere(e -> e.count().signum() > 0 && p.brokenBy(e.grade()));
    }

    /**
     * The files to attach: for each claim, the file behind the lkmm cell of the code before the
     * patch, of the patch, and of the recommended code; then the message-passing file with
     * READ_ONCE(). Each with its verdict.
     */
    static Map<String, String> attachments(Matrix m, Candidate rec, Herd7Answers herd7) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Candidate> who = new ArrayList<>(List.of(Candidate.beforeThePatch(), Candidate.thePatch()));
        if (rec != null) {
            who.add(rec);
        }
        for (Property p : m.properties()) {
            for (Candidate c : who) {
                attach(out, m, m.cell(c, p, Engine.LKMM), herd7);
            }
        }
        attach(out, m, m.cell(new Candidate(PutVariant.PATCH_V1, ReaderVariant.READ_ONCE, Accessors.MAINLINE),
                Property.CONTEXT_PUBLISHED, Engine.LKMM_ONCE), herd7);
        return out;
    }

    private static void attach(Map<String, String> out, Matrix m, Cell cell, Herd7Answers herd7) {
        if (cell.error() != null || out.containsKey(cell.litmus())) {
            return;
        }
        Cell.Run run = cell.runs().stream().filter(x -> Matrix.litmus(x.scenario(), cell.model()).equals(cell.litmus()))
                .findFirst().orElse(cell.runs().get(0));
        Optional<String> recorded = herd7.apply(cell.litmus());
        out.put(cell.litmus(), recorded.map(v -> "herd7: " + v).orElse("daxlab " + cell.model() + ": "
                + verdictOf(run.histogram()) + " (no herd7 answer recorded)"));
    }

    /** herd7's word for the exists clause (the scenario's FORBIDDEN outcomes), with its flag. */
    static String verdictOf(Histogram h) {
        BigInteger bad = h.countWhere(e -> e.outcomeClass() == OutcomeClass.FORBIDDEN);
        String v = bad.signum() == 0 ? "Never" : bad.equals(h.total()) ? "Always" : "Sometimes";
        return v + (Races.flagged(h) ? ", " + Flag.DATA_RACE.herd7() : "");
    }
}
