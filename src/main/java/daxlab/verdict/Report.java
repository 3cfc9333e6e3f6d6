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
        List<String> sound = new ArrayList<>();
        m.sound().forEach(c -> sound.add(c.name()));
        sb.append(Text.wrap(sound.isEmpty() ? "No candidate has every property under every model."
                : "Every property under every model: " + String.join("; ", sound) + ".", WIDTH)).append("\n\n");
        sb.append(Text.wrap("Reproduce: bin/daxlab report --models " + String.join(",", m.models())
                + " (daxlab enumerate --scenario S --put P --reader R --model M for one cell).", WIDTH)).append('\n');
        return sb.toString();
    }
}
