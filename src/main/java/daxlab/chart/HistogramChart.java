package daxlab.chart;

import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One histogram as horizontal bars: a bar per outcome, coloured by its class, labelled with the
 * exact count and its share. Horizontal because outcome names are long
 * ({@code holder_data=B; holder_ops=NULL; get=OK}) and read best on the left.
 */
final class HistogramChart {
    private static final BarChart.Spacing SPACING = new BarChart.Spacing(24, 0, 18);

    private HistogramChart() {
    }

    static Picture of(Histogram h) {
        return sketch(h).picture(h.title(), reproducibleTable(h));
    }

    static Sketch sketch(Histogram h) {
        List<BarChart.Group> groups = new ArrayList<>();
        BigInteger largest = BigInteger.ZERO;
        for (Histogram.Entry e : h.entries()) {
            largest = largest.max(e.count());
            OutcomeClass c = e.outcomeClass();
            BarChart.Bar bar = new BarChart.Bar(e.count().doubleValue(), Palette.of(c), c == OutcomeClass.FORBIDDEN,
                    barLabel(h, e), e.count().signum() == 0 ? BarChart.Emphasis.MUTED
                    : c == OutcomeClass.FORBIDDEN ? BarChart.Emphasis.ALARM : BarChart.Emphasis.PLAIN);
            groups.add(new BarChart.Group(categoryLabel(e), c, List.of(bar)));
        }
        return BarChart.draw(h.title(), List.of(subtitle(h)), classKeys(h), new BarChart.Counts(largest, h.unit()),
                groups, SPACING);
    }

    /** The total, and how much of it is FORBIDDEN. */
    static String subtitle(Histogram h) {
        String total = "total " + Numbers.count(h.total()) + " " + h.unit();
        if (!h.anyForbidden()) {
            return total + "; no FORBIDDEN outcome reached";
        }
        long reached = h.forbidden().stream().filter(e -> e.count().signum() > 0).count();
        BigInteger bad = h.countWhere(e -> e.outcomeClass() == OutcomeClass.FORBIDDEN);
        return total + "; FORBIDDEN: " + reached + (reached == 1 ? " outcome" : " outcomes") + " reached, "
                + Numbers.count(bad) + " " + h.unit() + " (" + Numbers.percent(bad, h.total()) + ")";
    }

    /**
     * The histogram's table without the facts that change from run to run (time, CPU), so that an
     * executed notebook changes only when its results do.
     */
    static String reproducibleTable(Histogram h) {
        Map<String, String> facts = new LinkedHashMap<>(h.facts());
        facts.keySet().removeIf(k -> {
            String key = k.toLowerCase(java.util.Locale.ROOT);
            return key.contains("time") || key.contains("cpu") || key.contains("ms");
        });
        return new Histogram(h.scenario(), h.variant(), h.model(), h.unit(), h.entries(), facts).table();
    }

    /** {@code holder_data=B; holder_ops=NULL; get=OK}, with the rule's name for graded outcomes. */
    static String categoryLabel(Histogram.Entry e) {
        String label = e.outcome().text();
        return e.grade().label().isEmpty() ? label : label + "  [" + e.grade().label() + "]";
    }

    /**
     * {@code 6,182,649 (80.3%)}: the exact count and its share; an outcome that is not ACCEPTABLE
     * says its class as well, so the label alone tells a bad bar from a good one.
     */
    static String barLabel(Histogram h, Histogram.Entry e) {
        String label = Numbers.count(e.count()) + " (" + Numbers.percent(e.count(), h.total()) + ")";
        return e.outcomeClass() == OutcomeClass.ACCEPTABLE ? label : label + " " + e.outcomeClass().name();
    }

    /** A legend entry per class present, in the class order. */
    private static List<BarChart.Key> classKeys(Histogram h) {
        Set<OutcomeClass> present = EnumSet.noneOf(OutcomeClass.class);
        h.entries().forEach(e -> present.add(e.outcomeClass()));
        List<BarChart.Key> keys = new ArrayList<>();
        for (OutcomeClass c : present) {
            keys.add(new BarChart.Key(Palette.of(c), c == OutcomeClass.FORBIDDEN,
                    c == OutcomeClass.FORBIDDEN ? "FORBIDDEN (hatched, on a red band)" : c.name()));
        }
        return keys;
    }
}
