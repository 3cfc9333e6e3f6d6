package daxlab.chart;

import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.outcome.OutcomeClass;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several histograms of one scenario side by side: one group of bars per outcome, one bar per
 * histogram. Bars show the share of each histogram's total, because totals are not comparable
 * (interleavings, executions and observations count different things). The outcome's name is
 * written in its class colour.
 */
final class CompareChart {
    private static final int WIDTH = 1000;

    private CompareChart() {
    }

    static Picture of(List<Histogram> hs) {
        if (hs.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one histogram");
        }
        Set<String> scenarios = new LinkedHashSet<>();
        hs.forEach(h -> scenarios.add(h.scenario()));
        if (scenarios.size() > 1) {
            throw new IllegalArgumentException("compare histograms of one scenario; got " + scenarios
                    + " (outcomes of different scenarios do not line up)");
        }
        String scenario = scenarios.iterator().next();
        List<String> series = seriesNames(hs);

        Map<Outcome, OutcomeClass> classes = new LinkedHashMap<>();
        Map<Outcome, String> categories = new LinkedHashMap<>();
        for (Histogram h : hs) {
            for (Histogram.Entry e : h.entries()) {
                OutcomeClass before = classes.get(e.outcome());
                if (before == null || e.outcomeClass().ordinal() > before.ordinal()) {
                    classes.put(e.outcome(), e.outcomeClass());
                }
                categories.putIfAbsent(e.outcome(), HistogramChart.categoryLabel(e));
            }
        }
        List<Outcome> outcomes = new ArrayList<>(categories.keySet());
        outcomes.sort(Outcome::compareTo);

        DefaultCategoryDataset data = new DefaultCategoryDataset();
        StringBuilder text = new StringBuilder(scenario).append(": share of each run's total\n");
        for (int i = 0; i < hs.size(); i++) {
            Histogram h = hs.get(i);
            text.append("  ").append(series.get(i)).append(" (total ").append(h.total()).append(' ')
                    .append(h.unit()).append(")\n");
            for (Outcome o : outcomes) {
                Histogram.Entry e = h.entries().stream().filter(x -> x.outcome().equals(o)).findFirst().orElse(null);
                double share = e == null ? 0 : 100 * h.fraction(e);
                data.addValue(share, series.get(i), categories.get(o));
                text.append(String.format("    %-60s %7.2f%%%n", categories.get(o), share));
            }
        }
        String title = scenario + ": " + String.join(" vs ", series);
        int height = 160 + outcomes.size() * (18 * hs.size() + 26);
        return new Picture(title, text.toString(), WIDTH, height, g -> {
            JFreeChart chart = chart(title, data, outcomes, categories, classes);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        });
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

    private static JFreeChart chart(String title, DefaultCategoryDataset data, List<Outcome> outcomes,
                                    Map<Outcome, String> categories, Map<Outcome, OutcomeClass> classes) {
        CategoryAxis axis = new CategoryAxis(null);
        axis.setTickLabelFont(Palette.LABEL);
        axis.setMaximumCategoryLabelWidthRatio(0.55f);
        for (Outcome o : outcomes) {
            axis.setTickLabelPaint(categories.get(o), Palette.of(classes.get(o)));
        }
        NumberAxis share = new NumberAxis("% of each run's total");
        share.setLabelFont(Palette.LABEL);
        share.setRange(0, 118);
        share.setTickLabelFont(Palette.SMALL);

        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            bars.setSeriesPaint(i, Palette.SERIES[i % Palette.SERIES.length]);
        }
        DecimalFormat pct = new DecimalFormat("0.0");
        bars.setDefaultItemLabelGenerator(new ItemLabels((dataset, row, column) ->
                pct.format(dataset.getValue(row, column).doubleValue()) + "%"));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(Palette.SMALL);
        bars.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));

        CategoryPlot plot = new CategoryPlot(data, axis, share, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlineVisible(false);

        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(new TextTitle("outcome names in red are FORBIDDEN, amber INTERESTING, green ACCEPTABLE",
                Palette.SMALL));
        return chart;
    }
}
