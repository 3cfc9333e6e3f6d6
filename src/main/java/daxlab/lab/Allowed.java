package daxlab.lab;

import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.outcome.OutcomeClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which outcomes each model allows, as a matrix: outcomes down, models across. A memory model
 * says whether an outcome is allowed, not how likely it is, so a cell is {@code allowed} or
 * {@code -}; the SC column adds the interleavings count, which is a count of schedules and
 * still not a probability. Rendered as text.
 *
 * @param title what ran
 * @param runs  one histogram per model, in column order
 */
public record Allowed(String title, List<Histogram> runs) {

    public Allowed {
        runs = List.copyOf(runs);
    }

    /** Outcome -> its class, over every run. */
    private Map<Outcome, String> outcomes() {
        Map<Outcome, String> out = new TreeMap<>();
        for (Histogram h : runs) {
            for (Histogram.Entry e : h.entries()) {
                if (e.count().signum() > 0) {
                    out.putIfAbsent(e.outcome(), e.outcomeClass() == OutcomeClass.ACCEPTABLE ? ""
                            : e.outcomeClass() + " " + e.grade().label());
                }
            }
        }
        return out;
    }

    /** Whether any model allows a FORBIDDEN outcome (in a race-free execution, or with a data race). */
    public boolean anyForbiddenAllowed() {
        return runs.stream().anyMatch(Histogram::anyForbidden);
    }

    /** The models that allow some FORBIDDEN outcome. */
    public List<String> modelsAllowingForbidden() {
        List<String> out = new ArrayList<>();
        runs.stream().filter(Histogram::anyForbidden).forEach(h -> out.add(h.model()));
        return out;
    }

    public String text() {
        Map<Outcome, String> outcomes = outcomes();
        List<String> header = new ArrayList<>(List.of("outcome"));
        runs.forEach(h -> header.add(h.model()));
        header.add("class");
        List<List<String>> rows = new ArrayList<>();
        outcomes.forEach((o, grade) -> {
            List<String> row = new ArrayList<>(List.of(o.text()));
            for (Histogram h : runs) {
                row.add(cell(h, o));
            }
            row.add(grade);
            rows.add(row);
        });
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder(title).append('\n');
        line(sb, header, w);
        rows.forEach(r -> line(sb, r, w));
        sb.append("  cells: interleavings reaching the outcome (sc); allowed by the model; race: reached only by\n"
                + "  executions with a data race, where the LKMM promises nothing; -: never\n");
        return sb.toString();
    }

    /**
     * {@code -} when no interleaving or allowed execution reaches the outcome; the interleavings
     * under sc; {@code allowed}; or {@code race} when only executions with a data race reach it
     * (the LKMM then promises nothing, so it is neither allowed nor forbidden).
     */
    private static String cell(Histogram h, Outcome o) {
        Histogram.Entry e = h.entries().stream().filter(x -> x.outcome().equals(o)).findFirst().orElse(null);
        if (e == null || e.count().signum() == 0) {
            return "-";
        }
        if (h.unit().equals("interleavings")) {
            return e.count().toString();
        }
        return e.raceFree().signum() > 0 ? "allowed" : "race";
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder(" ");
        for (int i = 0; i < cells.size(); i++) {
            l.append(' ').append(cells.get(i)).append(" ".repeat(w[i] - cells.get(i).length())).append(' ');
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    @Override
    public String toString() {
        return text();
    }
}
