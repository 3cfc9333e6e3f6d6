package daxlab.chart;

import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
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

import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One histogram as a horizontal bar chart: a bar per outcome, coloured by its class, labelled
 * with the exact count and its share. Horizontal because outcome names are long
 * ({@code holder_data=B; holder_ops=NULL; get=OK}) and read best on the left.
 */
final class HistogramChart {
    private static final int WIDTH = 1000;

    private HistogramChart() {
    }

    static Picture of(Histogram h) {
        List<Histogram.Entry> entries = h.entries();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = new ArrayList<>();
        for (Histogram.Entry e : entries) {
            String category = categoryLabel(e);
            labels.add(category);
            data.addValue(e.count().doubleValue(), h.unit(), category);
        }
        int height = 140 + 46 * Math.max(1, entries.size());
        String subtitle = "total " + h.total() + " " + h.unit()
                + (h.anyForbidden() ? "; FORBIDDEN outcomes reached: " + h.forbidden().size() : "; no FORBIDDEN outcome");
        return new Picture(h.title(), h.table(), WIDTH, height, g -> {
            JFreeChart chart = chart(h, entries, data, subtitle);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        });
    }

    private static JFreeChart chart(Histogram h, List<Histogram.Entry> entries, DefaultCategoryDataset data,
                                    String subtitle) {
        CategoryAxis outcomes = new CategoryAxis(null);
        outcomes.setTickLabelFont(Palette.LABEL);
        outcomes.setMaximumCategoryLabelWidthRatio(0.55f);
        outcomes.setCategoryMargin(0.25);
        NumberAxis counts = new NumberAxis(h.unit());
        counts.setLabelFont(Palette.LABEL);
        counts.setTickLabelFont(Palette.SMALL);
        counts.setUpperMargin(0.22); // room for the labels at the end of the bars
        if (h.total().bitLength() < 31) {
            counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }

        BarRenderer bars = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return Palette.of(entries.get(column).outcomeClass());
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.6);
        bars.setDefaultItemLabelGenerator(new ItemLabels((dataset, row, column) -> barLabel(h, entries.get(column))));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(Palette.LABEL);
        bars.setDefaultItemLabelPaint(Palette.INK);
        bars.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));

        CategoryPlot plot = new CategoryPlot(data, outcomes, counts, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlineVisible(false);
        plot.setFixedLegendItems(classLegend(entries));

        JFreeChart chart = new JFreeChart(h.title(), Palette.TITLE, plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(Palette.SMALL);
        TextTitle sub = new TextTitle(subtitle, Palette.SMALL);
        chart.addSubtitle(sub);
        return chart;
    }

    /** {@code holder_data=B; holder_ops=NULL; get=OK}, with the rule's name for graded outcomes. */
    static String categoryLabel(Histogram.Entry e) {
        String label = e.outcome().text();
        return e.grade().label().isEmpty() ? label : label + "  [" + e.grade().label() + "]";
    }

    /** {@code 1 (25.0%)}: the exact count and its share (the colour and the legend give the class). */
    static String barLabel(Histogram h, Histogram.Entry e) {
        return e.count() + " (" + percent(h, e) + ")";
    }

    static String percent(Histogram h, Histogram.Entry e) {
        if (h.total().signum() == 0) {
            return "-";
        }
        BigDecimal p = new BigDecimal(e.count()).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(h.total()), 1, RoundingMode.HALF_EVEN);
        return p.toPlainString() + "%";
    }

    private static LegendItemCollection classLegend(List<Histogram.Entry> entries) {
        Set<OutcomeClass> present = EnumSet.noneOf(OutcomeClass.class);
        entries.forEach(e -> present.add(e.outcomeClass()));
        LegendItemCollection items = new LegendItemCollection();
        for (OutcomeClass c : OutcomeClass.values()) {
            if (present.contains(c)) {
                items.add(new LegendItem(c.name(), Palette.of(c)));
            }
        }
        return items;
    }
}
