package daxlab.chart;

import daxlab.outcome.OutcomeClass;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars in groups, one group per outcome, laid out around their labels: the outcome's
 * name on the left, a value label after each bar, the value axis on top. The label column and the
 * room after the bars are measured first and the plot takes what is left (the canvas grows when
 * labels need it), so no label is cut off. A FORBIDDEN outcome is marked four ways: its group sits
 * on a red band, its bars are hatched, its name carries a hatched marker, and its value labels
 * say FORBIDDEN. A reached outcome's bar is never thinner than {@link #MIN_BAR} pixels.
 */
final class BarChart {
    /** The thinnest bar drawn for an outcome that was reached at all. */
    static final double MIN_BAR = 6;
    static final int MIN_WIDTH = 1000;
    private static final double PAD = 18;
    private static final double GAP = 10;
    private static final double MIN_PLOT = 480;
    private static final double MARKER = 11;
    /** Wider than this, an outcome's name puts its rule's name on a line of its own. */
    private static final double LONG_LABEL = 340;
    private static final Color BAND_FORBIDDEN = new Color(0xFC, 0xE4, 0xE4);
    private static final Color BAND_INTERESTING = new Color(0xFD, 0xF1, 0xD8);
    static final Color MUTED = new Color(0x70, 0x70, 0x70);
    /** The edge of a hatched bar: a darker red, so a thin bar stays red at its edges. */
    private static final Color OUTLINE_FORBIDDEN = new Color(0x9E, 0x1A, 0x1B);
    private static final Font ALARM = Palette.LABEL.deriveFont(Font.BOLD);

    /** One bar: its length in axis units, how it is filled, and the text after it. */
    record Bar(double value, Color fill, boolean hatched, String label, Emphasis emphasis) {
    }

    /** How a value label reads: plain, greyed (not reached), or bold red (a FORBIDDEN outcome reached). */
    enum Emphasis {
        PLAIN, MUTED, ALARM
    }

    /** One outcome: its name, its class (the band and marker), its bars top to bottom. */
    record Group(String label, OutcomeClass outcomeClass, List<Bar> bars) {
    }

    /** A legend entry. */
    record Key(Color fill, boolean hatched, String text) {
    }

    /** The value axis: its name and how it is divided. */
    sealed interface Axis permits Counts, Shares {
        String label();

        /** The axis end and its ticks, for a plot this wide. */
        Scale scale(double plotWidth);

        /** The widest tick label this axis can have. */
        double widestTick();
    }

    record Tick(double value, String text) {
    }

    record Scale(double max, List<Tick> ticks) {
    }

    /** Counts from 0 to a round number at or above {@code largest}, ticks as far apart as their labels need. */
    record Counts(BigInteger largest, String label) implements Axis {
        @Override
        public Scale scale(double plotWidth) {
            BigInteger top = largest.max(BigInteger.ONE);
            for (BigInteger step : steps(top)) {
                BigInteger n = top.add(step).subtract(BigInteger.ONE).divide(step);
                BigInteger max = n.multiply(step);
                double widest = Sketch.width(Numbers.count(max), Palette.SMALL);
                if (n.longValueExact() <= 10 && (n.longValueExact() + 1) * (widest + 20) <= plotWidth) {
                    List<Tick> ticks = new ArrayList<>();
                    for (long i = 0; i <= n.longValueExact(); i++) {
                        BigInteger v = step.multiply(BigInteger.valueOf(i));
                        ticks.add(new Tick(v.doubleValue(), Numbers.count(v)));
                    }
                    return new Scale(max.doubleValue(), ticks);
                }
            }
            // No division fits: the two ends only.
            return new Scale(top.doubleValue(), List.of(new Tick(0, "0"), new Tick(top.doubleValue(), Numbers.count(top))));
        }

        @Override
        public double widestTick() {
            return Sketch.width(Numbers.count(largest.max(BigInteger.ONE).shiftLeft(1)), Palette.SMALL);
        }

        /** 1, 2, 5, 10, 20, ... from the first that gives at most ten ticks up to {@code top}. */
        private static List<BigInteger> steps(BigInteger top) {
            List<BigInteger> out = new ArrayList<>();
            BigInteger decade = BigInteger.ONE;
            while (out.size() < 12) {
                for (int m : new int[]{1, 2, 5}) {
                    BigInteger step = decade.multiply(BigInteger.valueOf(m));
                    if (top.compareTo(step.multiply(BigInteger.TEN)) <= 0 || !out.isEmpty()) {
                        out.add(step);
                    }
                }
                decade = decade.multiply(BigInteger.TEN);
            }
            return out;
        }
    }

    /** Percentages, 0 to 100 and no further. */
    record Shares(String label) implements Axis {
        @Override
        public Scale scale(double plotWidth) {
            double widest = widestTick();
            for (int step : new int[]{10, 20, 25, 50, 100}) {
                if ((100 / step + 1) * (widest + 20) <= plotWidth) {
                    List<Tick> ticks = new ArrayList<>();
                    for (int p = 0; p <= 100; p += step) {
                        ticks.add(new Tick(p, Numbers.tickPercent(p)));
                    }
                    return new Scale(100, ticks);
                }
            }
            return new Scale(100, List.of(new Tick(0, "0%"), new Tick(100, "100%")));
        }

        @Override
        public double widestTick() {
            return Sketch.width("100%", Palette.SMALL);
        }
    }

    /** Bar geometry: height of one bar, space between bars of a group, space between groups. */
    record Spacing(double bar, double between, double groups) {
    }

    private BarChart() {
    }

    static Sketch draw(String title, List<String> subtitle, List<Key> keys, Axis axis, List<Group> groups,
                       Spacing spacing) {
        double labelW = 0;
        double valueW = 0;
        for (Group g : groups) {
            for (String line : labelLines(g)) {
                labelW = Math.max(labelW, Sketch.width(line, labelFont(g)) + MARKER + 6);
            }
            for (Bar b : g.bars()) {
                valueW = Math.max(valueW, Sketch.width(b.label(), valueFont(b)));
            }
        }
        // Java's and a browser's text widths differ by a few percent: leave that much room.
        labelW = Math.ceil(labelW * 1.04 + 2);
        valueW = Math.ceil(valueW * 1.04 + 2);
        double right = Math.max(GAP + valueW, axis.widestTick() / 2 + 4);
        double width = Math.max(MIN_WIDTH, PAD + labelW + GAP + MIN_PLOT + right + PAD);
        width = Math.max(width, widestWord(title, Palette.TITLE) + 2 * PAD);
        width = Math.ceil(width);
        double plotX = PAD + labelW + GAP;
        double plotW = width - plotX - right - PAD;
        Scale scale = axis.scale(plotW);

        List<Sketch.Mark> back = new ArrayList<>();
        List<Sketch.Mark> front = new ArrayList<>();
        double y = PAD;
        y = lines(front, Sketch.wrap(title, Palette.TITLE, width - 2 * PAD), Palette.TITLE, Palette.INK, y);
        for (String s : subtitle) {
            y = lines(front, Sketch.wrap(s, Palette.SMALL, width - 2 * PAD), Palette.SMALL, Palette.INK, y + 2);
        }
        y = legend(front, keys, width, y + 6);

        // The axis on top: its name, tick labels, the line.
        y += 8;
        double axisName = Sketch.width(axis.label(), Palette.LABEL);
        front.add(new Sketch.Text(axis.label(), Palette.LABEL, Palette.INK, plotX + (plotW - axisName) / 2,
                y + Sketch.ascent(Palette.LABEL)));
        y += Sketch.lineHeight(Palette.LABEL) + 2;
        for (Tick t : scale.ticks()) {
            double x = plotX + plotW * t.value() / scale.max();
            double w = Sketch.width(t.text(), Palette.SMALL);
            front.add(new Sketch.Text(t.text(), Palette.SMALL, Palette.INK, x - w / 2, y + Sketch.ascent(Palette.SMALL)));
        }
        y += Sketch.lineHeight(Palette.SMALL) + 4;
        double axisY = y;
        y += 10;

        for (Group g : groups) {
            int n = g.bars().size();
            double h = n * spacing.bar() + (n - 1) * spacing.between();
            if (g.outcomeClass() != OutcomeClass.ACCEPTABLE) {
                back.add(new Sketch.Box(new Rectangle2D.Double(PAD / 2, y - 6, width - PAD, h + 12),
                        g.outcomeClass() == OutcomeClass.FORBIDDEN ? BAND_FORBIDDEN : BAND_INTERESTING, null, false));
            }
            Font lf = labelFont(g);
            List<String> lines = labelLines(g);
            double lh = Sketch.lineHeight(lf);
            double mid = y + h / 2;
            double first = mid - lh * (lines.size() - 1) / 2;
            for (int k = 0; k < lines.size(); k++) {
                double lw = Sketch.width(lines.get(k), lf);
                double baseline = first + k * lh + (Sketch.ascent(lf) - Sketch.descent(lf)) / 2;
                front.add(new Sketch.Text(lines.get(k), lf, labelColour(g), plotX - GAP - lw, baseline));
                if (k == 0 && g.outcomeClass() != OutcomeClass.ACCEPTABLE) {
                    front.add(new Sketch.Box(new Rectangle2D.Double(plotX - GAP - lw - 6 - MARKER, first - MARKER / 2,
                            MARKER, MARKER), Palette.of(g.outcomeClass()), Palette.INK,
                            g.outcomeClass() == OutcomeClass.FORBIDDEN));
                }
            }
            for (int i = 0; i < n; i++) {
                Bar b = g.bars().get(i);
                double top = y + i * (spacing.bar() + spacing.between());
                double w = b.value() <= 0 ? 0 : Math.max(MIN_BAR, plotW * b.value() / scale.max());
                if (w > 0) {
                    front.add(new Sketch.Box(new Rectangle2D.Double(plotX, top, w, spacing.bar()), b.fill(),
                            b.hatched() ? OUTLINE_FORBIDDEN : null, b.hatched()));
                }
                Font vf = valueFont(b);
                double vb = top + spacing.bar() / 2 + (Sketch.ascent(vf) - Sketch.descent(vf)) / 2;
                front.add(new Sketch.Text(b.label(), vf, valueColour(b), plotX + w + 6, vb));
            }
            y += h + spacing.groups();
        }
        double bottom = y - spacing.groups() + 8;
        for (Tick t : scale.ticks()) {
            double x = plotX + plotW * t.value() / scale.max();
            back.add(new Sketch.Rule(x, axisY, x, bottom, Palette.GRID, 1f));
            front.add(new Sketch.Rule(x, axisY - 4, x, axisY, Palette.INK, 1f));
        }
        front.add(new Sketch.Rule(plotX, axisY, plotX + plotW, axisY, Palette.INK, 1f));
        front.add(new Sketch.Rule(plotX, axisY, plotX, bottom, Palette.INK, 1f));

        List<Sketch.Mark> marks = new ArrayList<>(back);
        marks.addAll(front);
        return new Sketch((int) width, (int) Math.ceil(bottom + PAD), marks);
    }

    /**
     * An outcome's name on one line, or, when it is long and graded, the rule's name
     * ({@code [released data with old ops]}) on a second line, so that the names do not take
     * the width the bars need.
     */
    static List<String> labelLines(Group g) {
        String s = g.label();
        int at = s.indexOf("  [");
        if (at > 0 && Sketch.width(s, labelFont(g)) > LONG_LABEL) {
            return List.of(s.substring(0, at), s.substring(at + 2));
        }
        return List.of(s);
    }

    /** Lines of text from {@code y} down; returns the y below them. */
    private static double lines(List<Sketch.Mark> out, List<String> lines, Font f, Color c, double y) {
        for (String line : lines) {
            out.add(new Sketch.Text(line, f, c, PAD, y + Sketch.ascent(f)));
            y += Sketch.lineHeight(f);
        }
        return y;
    }

    /** Swatches with their text, left to right, wrapping; returns the y below them. */
    private static double legend(List<Sketch.Mark> out, List<Key> keys, double width, double y) {
        double row = Math.max(Sketch.lineHeight(Palette.SMALL), 14) + 4;
        double x = PAD;
        for (Key k : keys) {
            double w = 14 + 5 + Sketch.width(k.text(), Palette.SMALL) * 1.04 + 2;
            if (x > PAD && x + w > width - PAD) {
                x = PAD;
                y += row;
            }
            out.add(new Sketch.Box(new Rectangle2D.Double(x, y + 1, 14, 12), k.fill(),
                    k.hatched() ? Palette.INK : null, k.hatched()));
            out.add(new Sketch.Text(k.text(), Palette.SMALL, Palette.INK, x + 19,
                    y + 7 + (Sketch.ascent(Palette.SMALL) - Sketch.descent(Palette.SMALL)) / 2));
            x += w + 18;
        }
        return keys.isEmpty() ? y : y + row;
    }

    private static double widestWord(String s, Font f) {
        double w = 0;
        for (String word : s.split(" ")) {
            w = Math.max(w, Sketch.width(word, f));
        }
        return w;
    }

    private static Font labelFont(Group g) {
        return g.outcomeClass() == OutcomeClass.FORBIDDEN ? ALARM : Palette.LABEL;
    }

    private static Color labelColour(Group g) {
        return g.outcomeClass() == OutcomeClass.FORBIDDEN ? Palette.FORBIDDEN : Palette.INK;
    }

    private static Font valueFont(Bar b) {
        return b.emphasis() == Emphasis.ALARM ? ALARM : Palette.LABEL;
    }

    private static Color valueColour(Bar b) {
        switch (b.emphasis()) {
            case ALARM:
                return Palette.FORBIDDEN;
            case MUTED:
                return MUTED;
            default:
                return Palette.INK;
        }
    }
}
