package daxlab.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;

/** Text cut to a width, for the pictures that draw into boxes of a fixed size. */
final class Fitting {
    private Fitting() {
    }

    /** {@code s}, or as much of it as fits {@code width} pixels in the current font followed by "...". */
    static String fit(Graphics2D g, String s, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }
}
