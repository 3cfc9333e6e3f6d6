package daxlab.lab;

import daxlab.engine.Engine;
import daxlab.dax.Accessors;
import daxlab.outcome.Histogram;
import daxlab.verdict.Candidate;
import daxlab.verdict.Cell;
import daxlab.verdict.Matrix;
import daxlab.verdict.Property;

import java.util.ArrayList;
import java.util.List;

/**
 * A check of a participant's answer that does not fail the cell: whether it holds, and what to
 * print (each claim with {@code yes} or {@code not yet}, and for a claim that does not hold yet,
 * where it breaks). The exercise notebooks print it; their solutions assert {@link #holds()} with
 * {@code claim(...)}.
 *
 * @param holds whether every claim checked holds
 * @param text  what to show
 */
public record Check(boolean holds, String text) {

    /** Your candidates in {@code m} against {@code claims}: the marked ones when there are any. */
    static Check of(Matrix m, List<Property> claims) {
        List<Candidate> yours = m.participants();
        if (yours.isEmpty()) {
            throw new IllegalArgumentException("check(v, ...) judges your rows of a verdict, and this one has none: "
                    + "make it with verdict(mine), verdict(yourReader) or verdict(put, reader)");
        }
        List<Candidate> marked = yours.stream().filter(c -> c.accessors() == Accessors.MARKED).toList();
        if (!marked.isEmpty()) {
            yours = marked;
        }
        StringBuilder sb = new StringBuilder();
        boolean all = true;
        int width = claims.stream().mapToInt(p -> p.title().length()).max().orElse(0);
        for (Candidate c : yours) {
            sb.append(c.name()).append('\n');
            int holding = 0;
            for (Property p : claims) {
                List<String> broken = new ArrayList<>();
                List<String> racy = new ArrayList<>();
                Cell first = null;
                for (Engine model : m.models()) {
                    Cell cell = m.cell(c, p, model);
                    if (!cell.outcomesOk()) {
                        broken.add(model.id());
                        first = first == null ? cell : first;
                    } else if (cell.race()) {
                        racy.add(model.id());
                        first = first == null ? cell : first;
                    }
                }
                String title = p.title() + " ".repeat(width - p.title().length());
                if (broken.isEmpty() && racy.isEmpty()) {
                    holding++;
                    sb.append("  yes      ").append(title).append("  (").append(m.models().stream().map(Engine::id).collect(java.util.stream.Collectors.joining(", ")))
                            .append(")\n");
                    continue;
                }
                sb.append("  not yet  ").append(title).append("  ");
                List<String> why = new ArrayList<>();
                if (!broken.isEmpty()) {
                    why.add("BAD under " + String.join(", ", broken));
                }
                if (!racy.isEmpty()) {
                    why.add("data race under " + String.join(", ", racy));
                }
                sb.append(String.join("; ", why)).append('\n').append(wrap(evidence(first), "           "));
            }
            all &= holding == claims.size();
            sb.append(holding == claims.size() ? "  -> every claim holds\n"
                    : "  -> not yet: " + holding + " of " + claims.size() + " claims hold\n");
        }
        return new Check(all, sb.toString().stripTrailing());
    }

    /** {@code text} in lines of at most 100 columns, each starting with {@code indent}. */
    private static String wrap(String text, String indent) {
        StringBuilder sb = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 100) {
                sb.append(line).append('\n');
                line = new StringBuilder(indent + "  ");
            }
            if (line.length() > indent.length() && !line.toString().endsWith("  ")) {
                line.append(' ');
            }
            line.append(word);
        }
        return sb.append(line).append('\n').toString();
    }

    /** What breaks a cell: the outcome a scenario reaches, or the first racing pair. */
    private static String evidence(Cell cell) {
        if (cell.firstBad() != null) {
            Histogram h = cell.firstBadRun().histogram();
            Histogram.Entry e = cell.firstBad();
            return h.scenario() + " under " + cell.model() + " reaches " + e.outcome().text() + " ("
                    + e.grade().label() + ") in " + e.count() + " of " + h.total() + " " + h.unit();
        }
        if (cell.error() != null) {
            return cell.model() + " could not run: " + cell.error();
        }
        return cell.races().isEmpty() ? "the LKMM flags a data race under " + cell.model()
                : "racing under " + cell.model() + ": " + cell.races().get(0);
    }

    @Override
    public String toString() {
        return text;
    }
}
