package daxlab.chart;

import daxlab.axiomatic.Event;
import daxlab.axiomatic.Execution;
import daxlab.axiomatic.Rel;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A witness execution of an axiomatic model as herd7 users draw one: a lane (column) per thread,
 * each thread's events in program order down its lane, labelled as {@link Execution#describe}
 * labels them. The communication edges are arrows: {@code rf} (which write each read reads),
 * {@code co} (the order of writes to a location, immediate edges only) and {@code fr} (a read to
 * the next write after the one it read, immediate edges only); an edge within a lane bends out to
 * the right. As in herd7's pictures the initial writes get no lane: they are listed under the
 * title, and a read of an initial value says so in its box. The reads, whose values make the
 * outcome what it is, are drawn in the FORBIDDEN colour.
 */
final class ExecutionPicture {
    private static final int ROW = 58;
    private static final int MARGIN = 30;
    /** Space between a box and the next lane, where arrows and their labels go. */
    private static final int GUTTER = 70;
    private static final int BOX_H = ROW - 18;
    /** Pixels per character of the 12pt monospaced labels, with room to spare. */
    private static final double MONO_CHAR = 7.6;
    private static final int LINE = 20;
    /** Title characters per pixel of width, for wrapping before anything is drawn (15pt bold sans). */
    private static final double TITLE_CHAR = 9.2;
    static final Color RF = new Color(0x94, 0x67, 0xBD);
    static final Color CO = new Color(0x1F, 0x77, 0xB4);
    static final Color FR = new Color(0xE0, 0x7B, 0x00);

    private ExecutionPicture() {
    }

    /** One drawn edge: {@code from -label-> to}. */
    record Arrow(int from, int to, String label, Color colour) {
    }

    /** Where an event sits: its lane and its row in that lane. */
    private record Place(int lane, int row) {
    }

    /** What to draw, laid out. */
    private record Layout(List<String> title, List<String> lanes, Place[] at, List<Integer> inits, int top,
                          int height, int boxW) {
        int lane() {
            return boxW + GUTTER;
        }
    }

    static Picture of(String title, Execution x) {
        List<Arrow> arrows = arrows(x);
        List<String> lanes = new ArrayList<>();
        List<Integer> inits = new ArrayList<>();
        Place[] at = new Place[x.size()];
        int[] rows = new int[x.size() + 1];
        for (int i = 0; i < x.size(); i++) {
            if (x.event(i).isInit()) {
                inits.add(i);
                continue;
            }
            String lane = x.threadName(i);
            if (!lanes.contains(lane)) {
                lanes.add(lane);
            }
            int l = lanes.indexOf(lane);
            at[i] = new Place(l, rows[l]++);
        }
        int maxRows = 1;
        for (int r : rows) {
            maxRows = Math.max(maxRows, r);
        }
        // every label fits its box: R[acquire,failed-rmw] holder_data=NULL is the longest kind
        int longest = 24;
        for (Event e : x.events()) {
            longest = Math.max(longest, e.label().length());
        }
        int boxW = Math.max(230, (int) Math.ceil(MONO_CHAR * longest) + 14);
        int width = Math.max(2 * MARGIN + (boxW + GUTTER) * lanes.size(), 900);
        List<String> titleLines = wrap(title, (int) ((width - 2 * MARGIN) / TITLE_CHAR));
        int top = 30 + LINE * titleLines.size() + (inits.isEmpty() ? 0 : LINE) + 40;
        int height = top + ROW * maxRows + 56;
        Layout layout = new Layout(titleLines, lanes, at, inits, top, height, boxW);
        return new Picture(title, text(title, x, arrows), width, height, g -> draw(g, x, layout, arrows));
    }

    /** Splits a long title after "; " or ": " (else at a space) into lines of at most {@code max} characters. */
    static List<String> wrap(String title, int max) {
        List<String> lines = new ArrayList<>();
        String rest = title;
        while (rest.length() > max) {
            int cut = Math.max(rest.lastIndexOf("; ", max), rest.lastIndexOf(": ", max));
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut <= 0) {
                break;
            }
            lines.add(rest.substring(0, cut + 1).trim());
            rest = rest.substring(cut + 1).trim();
        }
        lines.add(rest);
        return lines;
    }

    /** rf (every read's source), the immediate co edges, and the immediate fr edges, in that order. */
    static List<Arrow> arrows(Execution x) {
        List<Arrow> out = new ArrayList<>();
        add(out, x.rf(), "rf", RF);
        add(out, x.co().minus(x.co().seq(x.co())), "co", CO);
        add(out, x.fr().minus(x.fr().seq(x.co())), "fr", FR);
        return out;
    }

    private static void add(List<Arrow> out, Rel r, String label, Color colour) {
        for (int[] p : r.pairs()) {
            out.add(new Arrow(p[0], p[1], label, colour));
        }
    }

    /**
     * The text form: the title, then one line per event (initial writes first, then thread by
     * thread in program order) with the arrows that leave it, the reads marked.
     */
    static String text(String title, Execution x, List<Arrow> arrows) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        for (int i = 0; i < x.size(); i++) {
            sb.append("  ").append(x.describe(i));
            for (Arrow a : arrows) {
                if (a.from() == i) {
                    sb.append("  -").append(a.label()).append("-> ").append(Execution.name(a.to()));
                }
            }
            if (x.event(i).isRead()) {
                sb.append("   <== read");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int boxX(Layout l, Place p) {
        return MARGIN + p.lane() * l.lane() + 10;
    }

    private static int boxY(Layout l, Place p) {
        return l.top() + p.row() * ROW;
    }

    private static void draw(Graphics2D g, Execution x, Layout l, List<Arrow> arrows) {
        g.setColor(Palette.INK);
        g.setFont(Palette.TITLE);
        int y = 28;
        for (String line : l.title()) {
            g.drawString(line, MARGIN, y);
            y += LINE;
        }
        if (!l.inits().isEmpty()) {
            g.setFont(Palette.MONO);
            g.setColor(Color.GRAY);
            List<String> inits = new ArrayList<>();
            l.inits().forEach(i -> inits.add(Execution.name(i) + ": " + x.event(i).label()));
            g.drawString("initially  " + String.join("   ", inits), MARGIN, y + 4);
        }
        g.setFont(Palette.LABEL);
        for (int k = 0; k < l.lanes().size(); k++) {
            int cx = MARGIN + k * l.lane() + 10 + l.boxW() / 2;
            g.setColor(Palette.INK);
            String name = l.lanes().get(k);
            g.drawString(name, cx - g.getFontMetrics().stringWidth(name) / 2, l.top() - 18);
            g.setColor(Palette.GRID);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
            g.drawLine(cx, l.top() - 10, cx, l.height() - 46);
        }
        for (int i = 0; i < x.size(); i++) {
            if (l.at()[i] != null) {
                box(g, x, i, l);
            }
        }
        java.util.List<java.awt.Rectangle> labels = new java.util.ArrayList<>();
        for (Arrow a : arrows) {
            // edges from the initial writes are told in the reading box (rf) or go without saying (co)
            if (l.at()[a.from()] != null) {
                arrow(g, a, l, l.at()[a.from()], l.at()[a.to()], labels);
            }
        }
        g.setFont(Palette.SMALL);
        int ly = l.height() - 18;
        int lx = MARGIN;
        lx = legend(g, lx, ly, RF, "rf: the write a read reads from");
        lx = legend(g, lx, ly, CO, "co: the order of writes to a location");
        lx = legend(g, lx, ly, FR, "fr: a read before the next write");
        legend(g, lx, ly, Palette.FORBIDDEN, "red: the reads that give the outcome");
    }

    private static int legend(Graphics2D g, int x, int y, Color c, String text) {
        g.setColor(c);
        g.fillRect(x, y - 9, 10, 10);
        g.setColor(Palette.INK);
        g.drawString(text, x + 14, y);
        return x + 24 + g.getFontMetrics().stringWidth(text);
    }

    private static void box(Graphics2D g, Execution x, int i, Layout l) {
        Event e = x.event(i);
        Place p = l.at()[i];
        boolean read = e.isRead();
        int bx = boxX(l, p);
        int by = boxY(l, p);
        g.setColor(read ? new Color(0xFB, 0xE3, 0xE3) : e.isMemory() ? new Color(0xEE, 0xF3, 0xFA) : new Color(0xF2, 0xF2, 0xF2));
        g.fillRoundRect(bx, by, l.boxW(), BOX_H, 8, 8);
        g.setColor(read ? Palette.FORBIDDEN : e.isMemory() ? CO : Color.GRAY);
        g.setStroke(new BasicStroke(read ? 2.5f : 1.2f));
        g.drawRoundRect(bx, by, l.boxW(), BOX_H, 8, 8);
        g.setFont(Palette.SMALL);
        long fromInit = x.rf().inverse().row(i) & x.inits();
        int noteWidth = 0;
        if (fromInit != 0) {
            String note = "rf " + Execution.name(Long.numberOfTrailingZeros(fromInit)) + " (initial)";
            noteWidth = g.getFontMetrics().stringWidth(note) + 8;
            g.setColor(RF);
            g.drawString(note, bx + l.boxW() - 6 - g.getFontMetrics().stringWidth(note), by + 15);
        }
        g.setColor(Color.GRAY);
        String head = Execution.name(i) + e.function().map(f -> ": " + f).orElse("");
        g.drawString(Fitting.fit(g, head, l.boxW() - 12 - noteWidth),
                bx + 6, by + 15);
        g.setFont(Palette.MONO);
        g.setColor(read ? Palette.FORBIDDEN : Palette.INK);
        g.drawString(Fitting.fit(g, e.label(), l.boxW() - 12), bx + 6, by + 32);
    }

    /**
     * An arrow between two boxes: straight from side to side across lanes, bent out to the right
     * within a lane; labelled at its middle.
     */
    private static void arrow(Graphics2D g, Arrow a, Layout l, Place from, Place to,
                              java.util.List<java.awt.Rectangle> labels) {
        double x1;
        double y1 = boxY(l, from) + BOX_H / 2.0;
        double x2;
        double y2 = boxY(l, to) + BOX_H / 2.0;
        double cx;
        double cy;
        if (from.lane() == to.lane()) {
            x1 = boxX(l, from) + l.boxW();
            x2 = boxX(l, to) + l.boxW();
            double bend = 22 + 10 * Math.abs(to.row() - from.row());
            cx = x1 + bend;
            cy = (y1 + y2) / 2;
        } else {
            boolean right = to.lane() > from.lane();
            x1 = boxX(l, from) + (right ? l.boxW() : 0);
            x2 = boxX(l, to) + (right ? 0 : l.boxW());
            cx = (x1 + x2) / 2;
            cy = (y1 + y2) / 2;
        }
        g.setColor(a.colour());
        g.setStroke(new BasicStroke(1.6f));
        g.draw(new QuadCurve2D.Double(x1, y1, cx, cy, x2, y2));
        // the head points along the curve's last tangent (control point to end)
        double angle = Math.atan2(y2 - cy, x2 - cx);
        Path2D head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - 9 * Math.cos(angle - 0.4), y2 - 9 * Math.sin(angle - 0.4));
        head.lineTo(x2 - 9 * Math.cos(angle + 0.4), y2 - 9 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
        // The label sits on the curve, B(t) = (1-t)^2 P0 + 2(1-t)t C + t^2 P1: at its middle, or, when
        // another arrow's label is there already (crossing arrows share a middle), further along.
        g.setFont(Palette.SMALL);
        String label = a.label();
        int w = g.getFontMetrics().stringWidth(label);
        java.awt.Rectangle box = null;
        for (double t : new double[] {0.5, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85}) {
            double mx = (1 - t) * (1 - t) * x1 + 2 * (1 - t) * t * cx + t * t * x2;
            double my = (1 - t) * (1 - t) * y1 + 2 * (1 - t) * t * cy + t * t * y2;
            java.awt.Rectangle r = new java.awt.Rectangle((int) mx - w / 2 - 2, (int) my - 10, w + 4, 13);
            if (box == null) {
                box = r;
            }
            if (labels.stream().noneMatch(r::intersects)) {
                box = r;
                break;
            }
        }
        labels.add(box);
        g.setColor(Color.WHITE);
        g.fillRect(box.x, box.y, box.width, box.height);
        g.setColor(a.colour());
        g.drawString(label, box.x + 2, box.y + 10);
    }

}
