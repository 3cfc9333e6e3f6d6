package daxlab.chart;

import daxlab.verdict.Candidate;
import daxlab.verdict.Cell;
import daxlab.verdict.Matrix;
import daxlab.verdict.Property;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/**
 * The verdict matrix as a grid: one block of columns per property (a column per model), one row
 * per candidate; a cell is green when the property holds, red when some run reaches a FORBIDDEN
 * outcome, grey when the model could not run. The text form is {@link Matrix#table(int)}.
 */
final class MatrixPicture {
    private static final int NAME_W = 190;
    private static final int CELL_W = 58;
    private static final int ROW_H = 26;
    private static final int GAP = 14;
    private static final int TOP = 78;

    private MatrixPicture() {
    }

    static Picture of(Matrix m) {
        int blockW = CELL_W * m.models().size();
        int width = NAME_W + m.properties().size() * (blockW + GAP) + 10;
        int height = TOP + m.candidates().size() * ROW_H + 40;
        String title = "Verdict: " + m.candidates().size() + " candidates x " + m.properties().size()
                + " claims x " + m.models().size() + " models (cell = BAD if any interleaving/execution breaks the claim)";
        return new Picture(title, m.table(100), width, height, g -> paint(g, m, title, blockW));
    }

    private static void paint(Graphics2D g, Matrix m, String title, int blockW) {
        g.setColor(Palette.INK);
        g.setFont(Palette.TITLE);
        g.drawString(title.substring(0, title.indexOf(" (")), 10, 22);
        g.setFont(Palette.SMALL);
        g.drawString("green: holds; red: some interleaving or allowed execution reaches a FORBIDDEN outcome; grey: n/a",
                10, 40);
        for (int p = 0; p < m.properties().size(); p++) {
            Property prop = m.properties().get(p);
            int x0 = NAME_W + p * (blockW + GAP);
            g.setFont(Palette.LABEL);
            g.setColor(Palette.INK);
            g.drawString(prop.title(), x0, TOP - 24);
            g.setFont(Palette.SMALL);
            for (int k = 0; k < m.models().size(); k++) {
                centered(g, m.models().get(k), x0 + k * CELL_W, CELL_W, TOP - 6);
            }
            for (int r = 0; r < m.candidates().size(); r++) {
                Candidate c = m.candidates().get(r);
                for (int k = 0; k < m.models().size(); k++) {
                    Cell cell = m.cell(c, prop, m.models().get(k));
                    int x = x0 + k * CELL_W;
                    int y = TOP + r * ROW_H;
                    g.setColor(cell.error() != null ? Palette.GRID : cell.holds() ? Palette.ACCEPTABLE : Palette.FORBIDDEN);
                    g.fillRect(x + 1, y + 1, CELL_W - 2, ROW_H - 2);
                    g.setColor(Color.WHITE);
                    centered(g, cell.mark(), x, CELL_W, y + ROW_H - 8);
                }
            }
            g.setColor(Palette.INK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(x0, TOP, blockW, m.candidates().size() * ROW_H);
        }
        g.setFont(Palette.LABEL);
        g.setColor(Palette.INK);
        for (int r = 0; r < m.candidates().size(); r++) {
            g.drawString(m.candidates().get(r).name(), 10, TOP + r * ROW_H + ROW_H - 8);
        }
    }

    private static void centered(Graphics2D g, String s, int x, int w, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x + (w - fm.stringWidth(s)) / 2, baseline);
    }
}
