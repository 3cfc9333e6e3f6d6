package daxlab.chart;

import daxlab.verdict.Matrix;
import daxlab.verdict.Property;
import daxlab.verdict.Rows;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/**
 * The verdict as one panel per claim, stacked: each panel has the claim, what its rows stand
 * for (fs_put_dax() versions, readers, or both), then a row per group of candidates with equal
 * marks and a column per model. A cell says its mark in words (ok, BAD, race) on green, red or
 * amber, so the colour is never the only signal. The text form is {@link Matrix#table(int)}.
 */
final class MatrixPicture {
    private static final int NAME_W = 300;
    private static final int CELL_W = 86;
    private static final int ROW_H = 22;
    private static final int LINE_H = 15;
    private static final int GAP = 16;
    private static final int TOP = 64;

    private MatrixPicture() {
    }

    static Picture of(Matrix m) {
        int width = NAME_W + CELL_W * m.models().size() + 20;
        int height = TOP;
        for (Property p : m.properties()) {
            height += head(m, p) + m.layout(p).rows().size() * ROW_H + GAP;
        }
        String title = m.title() + " (BAD: some interleaving or allowed execution "
                + "breaks the claim; race: the LKMM flags a data race)";
        return new Picture(title, m.table(100), width, height + 10, g -> paint(g, m));
    }

    private static void paint(Graphics2D g, Matrix m) {
        g.setColor(Palette.INK);
        g.setFont(Palette.TITLE);
        String heading = m.participants().isEmpty() ? "Verdict: each claim under each model"
                : m.title().substring(0, m.title().indexOf(':')) + ": each claim under each model";
        g.drawString(Fitting.fit(g, heading, NAME_W + CELL_W * m.models().size()), 10, 22);
        g.setFont(Palette.SMALL);
        g.drawString("ok: no interleaving or allowed execution breaks the claim; BAD: some does;", 10, 40);
        g.drawString("race: the LKMM flags a data race (no guarantee at all); * hypothetical: nobody proposed it"
                + (m.participants().isEmpty() ? "" : "; (yours): written in a notebook cell"), 10, 55);
        int y = TOP;
        for (Property p : m.properties()) {
            Rows.Layout layout = m.layout(p);
            g.setColor(Palette.INK);
            g.setFont(Palette.LABEL.deriveFont(java.awt.Font.BOLD));
            int line = y + LINE_H;
            g.drawString(p.title(), 10, line);
            g.setFont(Palette.SMALL);
            for (String l : wrap(m, p.claim())) {
                line += LINE_H;
                g.drawString(l, 10, line);
            }
            line += LINE_H;
            g.drawString(layout.legend(), 10, line);
            int top = y + head(m, p);
            for (int k = 0; k < m.models().size(); k++) {
                centered(g, m.models().get(k).id(), NAME_W + k * CELL_W, CELL_W, top - 5);
            }
            for (int r = 0; r < layout.rows().size(); r++) {
                Rows.Row row = layout.rows().get(r);
                int ry = top + r * ROW_H;
                g.setColor(Palette.INK);
                g.setFont(Palette.LABEL);
                g.drawString(Fitting.fit(g, row.label(), NAME_W - 16), 10, ry + ROW_H - 6);
                for (int k = 0; k < m.models().size(); k++) {
                    String mark = row.marks().get(k);
                    int x = NAME_W + k * CELL_W;
                    g.setColor(colour(mark));
                    g.fillRect(x + 1, ry + 1, CELL_W - 2, ROW_H - 2);
                    g.setColor(mark.equals("race") ? Palette.INK : Color.WHITE);
                    g.setFont(Palette.LABEL.deriveFont(mark.equals("ok") ? java.awt.Font.PLAIN : java.awt.Font.BOLD));
                    centered(g, mark, x, CELL_W, ry + ROW_H - 6);
                }
            }
            g.setColor(Palette.INK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(NAME_W, top, CELL_W * m.models().size(), layout.rows().size() * ROW_H);
            y = top + layout.rows().size() * ROW_H + GAP;
        }
    }

    /** The height of a panel's head: title, the claim's lines, the axis line, the model names. */
    private static int head(Matrix m, Property p) {
        return LINE_H * (3 + wrap(m, p.claim()).size()) + 6;
    }

    /** The claim in lines that fit the panel, measured in the font it is drawn in. */
    private static java.util.List<String> wrap(Matrix m, String text) {
        Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            FontMetrics fm = g.getFontMetrics(Palette.SMALL);
            int width = NAME_W + CELL_W * m.models().size() - 10;
            java.util.List<String> out = new java.util.ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String next = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && fm.stringWidth(next) > width) {
                    out.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(next);
                }
            }
            out.add(line.toString());
            return out;
        } finally {
            g.dispose();
        }
    }

    private static Color colour(String mark) {
        switch (mark) {
            case "ok":
                return Palette.ACCEPTABLE;
            case "BAD":
                return Palette.FORBIDDEN;
            case "race":
                return Palette.INTERESTING;
            default:
                return Palette.GRID;
        }
    }


    private static void centered(Graphics2D g, String s, int x, int w, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x + (w - fm.stringWidth(s)) / 2, baseline);
    }
}
