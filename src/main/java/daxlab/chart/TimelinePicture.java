package daxlab.chart;

import daxlab.interleave.Schedule;
import daxlab.interleave.Step;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A witness schedule as a sequence diagram: one lane (column) per thread, time running down, one
 * box per step in the lane of the thread that took it. Marked steps (the access that makes the
 * outcome bad) are drawn in the FORBIDDEN colour.
 */
final class TimelinePicture {
    private static final int LANE = 340;
    private static final int ROW = 44;
    private static final int TOP = 78;
    private static final int MARGIN = 36;

    private TimelinePicture() {
    }

    static Picture of(String title, Schedule schedule, Predicate<Step> marked) {
        List<Step> steps = schedule.steps();
        List<String> lanes = lanes(steps);
        int width = Math.max(2 * MARGIN + 40 + LANE * Math.max(1, lanes.size()), 2 * MARGIN + 9 * title.length());
        int height = TOP + ROW * Math.max(1, steps.size()) + 54;
        StringBuilder text = new StringBuilder(title).append('\n');
        for (int i = 0; i < steps.size(); i++) {
            text.append(String.format("%3d %s%s%n", i + 1, steps.get(i).line(),
                    marked.test(steps.get(i)) ? "   <== marked" : ""));
        }
        return new Picture(title, text.toString(), width, height, g -> draw(g, title, steps, lanes, marked, width, height));
    }

    private static List<String> lanes(List<Step> steps) {
        List<String> lanes = new ArrayList<>();
        steps.stream().sorted((a, b) -> Integer.compare(a.threadIndex(), b.threadIndex()))
                .forEach(s -> {
                    if (!lanes.contains(s.thread())) {
                        lanes.add(s.thread());
                    }
                });
        return lanes;
    }

    private static void draw(Graphics2D g, String title, List<Step> steps, List<String> lanes,
                             Predicate<Step> marked, int width, int height) {
        g.setColor(Palette.INK);
        g.setFont(Palette.TITLE);
        g.drawString(title, MARGIN, 28);
        int x0 = MARGIN + 40;
        g.setFont(Palette.LABEL);
        for (int l = 0; l < lanes.size(); l++) {
            int cx = x0 + l * LANE + LANE / 2;
            g.setColor(Palette.INK);
            String name = lanes.get(l);
            g.drawString(name, cx - g.getFontMetrics().stringWidth(name) / 2, TOP - 16);
            g.setColor(Palette.GRID);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 5f}, 0f));
            g.drawLine(cx, TOP - 8, cx, height - 40);
        }
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            int lane = lanes.indexOf(s.thread());
            int y = TOP + i * ROW;
            int x = x0 + lane * LANE + 8;
            boolean bad = marked.test(s);
            g.setFont(Palette.SMALL);
            g.setColor(Palette.INK);
            g.drawString(String.valueOf(i + 1), MARGIN, y + 20);
            g.setColor(bad ? new Color(0xFB, 0xE3, 0xE3) : new Color(0xEE, 0xF3, 0xFA));
            g.fillRoundRect(x, y + 3, LANE - 16, ROW - 8, 8, 8);
            g.setColor(bad ? Palette.FORBIDDEN : new Color(0x1F, 0x77, 0xB4));
            g.setStroke(new BasicStroke(bad ? 2.5f : 1.2f));
            g.drawRoundRect(x, y + 3, LANE - 16, ROW - 8, 8, 8);
            s.function().ifPresent(f -> {
                g.setFont(Palette.SMALL);
                g.setColor(Color.GRAY);
                g.drawString(Fitting.fit(g, f, LANE - 28), x + 6, y + 17);
            });
            g.setFont(Palette.MONO);
            g.setColor(bad ? Palette.FORBIDDEN : Palette.INK);
            g.drawString(Fitting.fit(g, s.access(), LANE - 28), x + 6, y + 33);
        }
        g.setFont(Palette.SMALL);
        g.setColor(Palette.FORBIDDEN);
        g.drawString("red: the marked access (by default the step that completes the outcome)", MARGIN, height - 16);
    }

}
