package daxlab.chart;

import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.outcome.OutcomeClass;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several histograms of one scenario side by side: one group of bars per outcome, one bar per
 * histogram. Bars show the share of each histogram's total, because totals are not comparable
 * (interleavings, executions and observations count different things); each bar's label gives the
 * exact count as well, and "not reached" where a run never saw the outcome.
 */
final class CompareChart {
    private static final BarChart.Spacing SPACING = new BarChart.Spacing(15, 3, 16);

    private CompareChart() {
    }

    static Picture of(List<Histogram> hs) {
        Sketch sketch = sketch(hs);
        return sketch.picture(title(hs), text(hs));
    }

    /** The title: scenario, what all runs share (variant, model), the runs, and what the bars count. */
    static String title(List<Histogram> hs) {
        return title(scenario(hs), hs, seriesNames(hs));
    }

    private static String scenario(List<Histogram> hs) {
        if (hs.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one histogram");
        }
        Set<String> scenarios = new LinkedHashSet<>();
        hs.forEach(h -> scenarios.add(h.scenario()));
        if (scenarios.size() > 1) {
            throw new IllegalArgumentException("compare histograms of one scenario; got " + scenarios
                    + " (outcomes of different scenarios do not line up)");
        }
        return scenarios.iterator().next();
    }

    /** What the runs reached, outcome by outcome, in outcome order. */
    private static List<Outcome> outcomes(List<Histogram> hs) {
        List<Outcome> outcomes = new ArrayList<>(categories(hs).keySet());
        outcomes.sort(Outcome::compareTo);
        return outcomes;
    }

    private static Map<Outcome, String> categories(List<Histogram> hs) {
        Map<Outcome, String> categories = new LinkedHashMap<>();
        hs.forEach(h -> h.entries().forEach(e -> categories.putIfAbsent(e.outcome(), HistogramChart.categoryLabel(e))));
        return categories;
    }

    /**
     * The text form. It stays as it was when the charts were drawn by another library: executed
     * notebooks are compared with the committed ones by it.
     */
    static String text(List<Histogram> hs) {
        String scenario = scenario(hs);
        List<String> series = seriesNames(hs);
        Map<Outcome, String> categories = categories(hs);
        List<Outcome> outcomes = outcomes(hs);
        StringBuilder text = new StringBuilder(scenario).append(": share of each run's total\n");
        for (int i = 0; i < hs.size(); i++) {
            Histogram h = hs.get(i);
            text.append("  ").append(series.get(i)).append(" (total ").append(h.total()).append(' ')
                    .append(h.unit()).append(")\n");
            for (Outcome o : outcomes) {
                Histogram.Entry e = entry(h, o);
                double share = e == null ? 0 : 100 * h.fraction(e);
                text.append(String.format("    %-60s %7.2f%%%n", categories.get(o), share));
            }
        }
        return text.toString();
    }

    static Sketch sketch(List<Histogram> hs) {
        String scenario = scenario(hs);
        List<String> series = seriesNames(hs);
        Map<Outcome, OutcomeClass> classes = new LinkedHashMap<>();
        for (Histogram h : hs) {
            for (Histogram.Entry e : h.entries()) {
                OutcomeClass before = classes.get(e.outcome());
                if (before == null || e.outcomeClass().ordinal() > before.ordinal()) {
                    classes.put(e.outcome(), e.outcomeClass());
                }
            }
        }
        Map<Outcome, String> categories = categories(hs);
        List<Outcome> outcomes = outcomes(hs);

        List<BarChart.Group> groups = new ArrayList<>();
        for (Outcome o : outcomes) {
            OutcomeClass c = classes.get(o);
            List<BarChart.Bar> bars = new ArrayList<>();
            for (int i = 0; i < hs.size(); i++) {
                Histogram h = hs.get(i);
                Histogram.Entry e = entry(h, o);
                BigInteger count = e == null ? BigInteger.ZERO : e.count();
                boolean reached = count.signum() > 0;
                String label = reached ? Numbers.percent(count, h.total()) + " (" + Numbers.count(count) + ")"
                        : "not reached";
                bars.add(new BarChart.Bar(reached ? 100 * h.fraction(e) : 0, series(i), c == OutcomeClass.FORBIDDEN,
                        label, !reached ? BarChart.Emphasis.MUTED
                        : c == OutcomeClass.FORBIDDEN ? BarChart.Emphasis.ALARM : BarChart.Emphasis.PLAIN));
            }
            groups.add(new BarChart.Group(categories.get(o), c, bars));
        }

        String title = title(scenario, hs, series);
        List<BarChart.Key> keys = new ArrayList<>();
        for (int i = 0; i < hs.size(); i++) {
            keys.add(new BarChart.Key(series(i), false, legend(series.get(i), hs.get(i))));
        }
        if (classes.containsValue(OutcomeClass.FORBIDDEN)) {
            keys.add(new BarChart.Key(Palette.FORBIDDEN, true, "FORBIDDEN outcome: hatched bars on a red band"));
        }
        if (classes.containsValue(OutcomeClass.INTERESTING)) {
            keys.add(new BarChart.Key(Palette.INTERESTING, false, "INTERESTING outcome: amber band"));
        }
        return BarChart.draw(title, List.of(), keys, new BarChart.Shares("% of each run's total"), groups, SPACING);
    }

    /** Scenario, what all runs share (variant, model), the runs, and what the bars count. */
    private static String title(String scenario, List<Histogram> hs, List<String> series) {
        Set<String> variants = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        hs.forEach(h -> {
            variants.add(h.variant());
            models.add(h.model());
        });
        String common = (variants.size() == 1 && !variants.iterator().next().isEmpty()
                ? " [" + variants.iterator().next() + "]" : "")
                + (models.size() == 1 ? " under " + models.iterator().next() : "");
        return scenario + common + ": " + String.join(" vs ", series) + ", % of each run's total";
    }

    /** {@code sc: 6 interleavings}: a run's name and total, its unit said once. */
    private static String legend(String name, Histogram h) {
        String suffix = " (" + h.unit() + ")";
        String shortName = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
        return shortName + ": " + Numbers.count(h.total()) + " " + h.unit();
    }

    private static Histogram.Entry entry(Histogram h, Outcome o) {
        return h.entries().stream().filter(x -> x.outcome().equals(o)).findFirst().orElse(null);
    }

    private static java.awt.Color series(int i) {
        return Palette.SERIES[i % Palette.SERIES.length];
    }

    /** What tells the histograms apart: the model, the variant, or both. */
    static List<String> seriesNames(List<Histogram> hs) {
        Set<String> models = new LinkedHashSet<>();
        Set<String> variants = new LinkedHashSet<>();
        hs.forEach(h -> {
            models.add(h.model());
            variants.add(h.variant());
        });
        List<String> names = new ArrayList<>();
        for (Histogram h : hs) {
            String name;
            if (models.size() > 1 && variants.size() > 1) {
                name = h.variant() + " / " + h.model();
            } else if (models.size() > 1) {
                name = h.model() + " (" + h.unit() + ")";
            } else {
                name = h.variant().isEmpty() ? h.model() : h.variant();
            }
            String unique = name;
            for (int n = 2; names.contains(unique); n++) {
                unique = name + " #" + n;
            }
            names.add(unique);
        }
        return names;
    }
}
