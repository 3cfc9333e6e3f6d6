package daxlab.verdict;

import daxlab.outcome.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict as plain text, 72 columns, fit to paste into a reply on the list: the matrix, then
 * for each candidate the first claim it breaks with one witness, then what survives everywhere.
 * Every number in it comes from the matrix it is given.
 */
public final class Report {
    public static final int WIDTH = 72;

    private Report() {
    }

    /**
     * Which candidates survive everything; when only the as-written LKMM column stands in the
     * way while its marked twin passes, say so: that is a data race on a plain access, fixed by
     * marking, not a flaw of the algorithm.
     */
    static String summary(Matrix m) {
        List<String> sound = names(m.sound());
        if (!sound.isEmpty()) {
            return "Every property under every model: " + String.join("; ", sound) + ".";
        }
        if (m.models().contains("lkmm") && m.models().contains("lkmm-once")) {
            List<Candidate> marked = m.soundExcept(List.of("lkmm"));
            boolean racy = !marked.isEmpty() && m.cells().stream()
                    .filter(c -> marked.contains(c.candidate()) && c.model().equals("lkmm") && !c.holds())
                    .allMatch(c -> c.firstBadRun() != null
                            && c.firstBadRun().facts().getOrDefault("flags", "").contains("data-race"));
            if (racy) {
                return "No candidate has every property under every model as written. With every plain access "
                        + "marked (lkmm-once), and under sc, tso and armv8: " + String.join("; ", names(marked))
                        + ". As written, the LKMM flags a data race on a plain access in the runs where it fails.";
            }
        }
        return "No candidate has every property under every model.";
    }

    private static List<String> names(List<Candidate> cs) {
        List<String> out = new ArrayList<>();
        cs.forEach(c -> out.add(c.name()));
        return out;
    }

    public static String text(Matrix m) {
        StringBuilder sb = new StringBuilder();
        sb.append(Text.wrap("daxlab: the fs_put_dax() review, claim by claim. Each cell runs the "
                + "claim's scenarios under a model (sc: every interleaving; tso, armv8, lkmm: every "
                + "candidate execution the model allows) and says BAD when any reaches a "
                + "FORBIDDEN outcome.", WIDTH)).append("\n\n");
        sb.append(m.table(WIDTH));
        sb.append("First failure of each candidate, with a witness:\n\n");
        for (Candidate c : m.candidates()) {
            var failure = m.firstFailure(c);
            if (failure.isEmpty()) {
                sb.append(Text.wrap("* " + c.name() + " (" + c.put() + ", reader " + c.reader()
                        + "): no FORBIDDEN outcome in any scenario under " + String.join(", ", m.models()) + ".",
                        WIDTH, "  ")).append("\n\n");
                continue;
            }
            Cell cell = failure.get();
            Histogram h = cell.firstBadRun();
            Histogram.Entry e = cell.firstBad();
            sb.append(Text.wrap("* " + c.name() + " (" + c.put() + ", reader " + c.reader() + "): not "
                    + cell.property().title() + " under " + cell.model() + ". " + h.scenario() + " reaches "
                    + e.outcome().text() + " (" + e.grade().label() + ") in " + e.count() + " of " + h.total()
                    + " " + h.unit() + ":", WIDTH, "  ")).append('\n');
            if (e.witness() != null) {
                for (String line : e.witness().lines()) {
                    sb.append(Text.wrap("    " + line, WIDTH, "      ")).append('\n');
                }
            }
            sb.append('\n');
        }
        sb.append(Text.wrap(summary(m), WIDTH)).append("\n\n");
        sb.append(Text.wrap("Reproduce: bin/daxlab report --models " + String.join(",", m.models())
                + " (daxlab enumerate --scenario S --put P --reader R --model M for one cell).", WIDTH)).append('\n');
        return sb.toString();
    }
}
