package daxlab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A picture as marks placed on a canvas of known size. Charts measure their labels first and
 * size the canvas and the plot area to them, so nothing is drawn past an edge or cut short;
 * tests read the marks to check that (every text inside the canvas, bars of a minimum width).
 *
 * @param width  canvas width in pixels
 * @param height canvas height in pixels
 * @param marks  painted in order (later on top)
 */
record Sketch(int width, int height, List<Mark> marks) {
    /** Java's measure of text, for PNG and SVG alike: antialiased, whole-pixel advances. */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    Sketch {
        marks = List.copyOf(marks);
    }

    /** One thing drawn; {@link #bounds()} is the area it covers. */
    sealed interface Mark permits Text, Box, Rule {
        Rectangle2D bounds();

        void paint(Graphics2D g);
    }

    /** A line of text whose baseline starts at ({@code x}, {@code baseline}). */
    record Text(String text, Font font, Color color, double x, double baseline) implements Mark {
        @Override
        public Rectangle2D bounds() {
            return new Rectangle2D.Double(x, baseline - ascent(font), width(text, font), ascent(font) + descent(font));
        }

        @Override
        public void paint(Graphics2D g) {
            g.setFont(font);
            g.setColor(color);
            g.drawString(text, (float) x, (float) baseline);
        }
    }

    /**
     * A filled rectangle; {@code hatched} lays white diagonal stripes over the fill (the mark of a
     * FORBIDDEN outcome that does not depend on seeing red); {@code outline} may be null.
     */
    record Box(Rectangle2D rect, Color fill, Color outline, boolean hatched) implements Mark {
        static final double STRIPE_GAP = 6;

        @Override
        public Rectangle2D bounds() {
            return rect;
        }

        @Override
        public void paint(Graphics2D g) {
            g.setColor(fill);
            g.fill(rect);
            if (hatched) {
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1.4f));
                stripes(rect).forEach(g::draw);
            }
            if (outline != null) {
                g.setColor(outline);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(rect);
            }
        }

        /**
         * Stripes rising to the right, cut to the rectangle by arithmetic rather than a clip, so
         * the SVG holds plain lines and no clip paths.
         */
        static List<Shape> stripes(Rectangle2D r) {
            List<Shape> out = new ArrayList<>();
            double x0 = r.getMinX();
            double x1 = r.getMaxX();
            double y0 = r.getMinY();
            double y1 = r.getMaxY();
            // Lines x - y = c, for c across the rectangle's range of x - y.
            for (double c = x0 - y1 + STRIPE_GAP / 2; c < x1 - y0; c += STRIPE_GAP) {
                double xa = Math.max(x0, c + y0);
                double xb = Math.min(x1, c + y1);
                if (xb - xa > 0.5) {
                    out.add(new Line2D.Double(xa, xa - c, xb, xb - c));
                }
            }
            return out;
        }
    }

    /** A straight line: axes, ticks, grid lines. */
    record Rule(double x1, double y1, double x2, double y2, Color color, float width) implements Mark {
        @Override
        public Rectangle2D bounds() {
            return new Line2D.Double(x1, y1, x2, y2).getBounds2D();
        }

        @Override
        public void paint(Graphics2D g) {
            g.setColor(color);
            g.setStroke(new BasicStroke(width));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }
    }

    void paint(Graphics2D g) {
        marks.forEach(m -> m.paint(g));
    }

    List<Text> texts() {
        return marks.stream().filter(m -> m instanceof Text).map(m -> (Text) m).collect(Collectors.toList());
    }

    List<Box> boxes() {
        return marks.stream().filter(m -> m instanceof Box).map(m -> (Box) m).collect(Collectors.toList());
    }

    Picture picture(String title, String text) {
        return new Picture(title, text, width, height, this::paint);
    }

    static double width(String s, Font f) {
        return s.isEmpty() ? 0 : f.getStringBounds(s, FRC).getWidth();
    }

    static double ascent(Font f) {
        return metrics(f).getAscent();
    }

    static double descent(Font f) {
        return metrics(f).getDescent();
    }

    /** Ascent, descent and leading: the distance from one baseline to the next. */
    static double lineHeight(Font f) {
        LineMetrics m = metrics(f);
        return Math.ceil(m.getAscent() + m.getDescent() + m.getLeading());
    }

    private static LineMetrics metrics(Font f) {
        return f.getLineMetrics("Hgjy", FRC);
    }

    /** {@code s} broken at spaces into lines no wider than {@code max} (a longer word gets a line of its own). */
    static List<String> wrap(String s, Font f, double max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(candidate, f) > max) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
