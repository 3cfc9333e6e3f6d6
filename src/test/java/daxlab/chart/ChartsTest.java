package daxlab.chart;

import daxlab.axiomatic.Execution;
import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Schedule;
import daxlab.interleave.Settings;
import daxlab.lab.Models;
import daxlab.outcome.Histogram;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    private static Histogram sc(Scenario s, PutVariant put) {
        DaxScenario d = Scenarios.build(s, put, ReaderVariant.DOUBLE_READ);
        return Interleavings.enumerate(d.program(), d.classifier(), Settings.defaults().withVariant(d.variantLabel()));
    }

    @Test
    void histogramBarsAreColouredByClassAndLabelledWithCountsAndShares() throws IOException {
        Histogram h = sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL);
        Picture p = Charts.histogram(h);
        String svg = p.svg();
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains(h.title()), "title in the SVG");
        // one FORBIDDEN bar (lost ops, 1 of 4) in red, two ACCEPTABLE bars in green
        assertTrue(svg.contains("rgb(214,39,40)") && svg.contains("rgb(44,160,44)"), "class colours");
        assertTrue(svg.contains("1 (25.0%)") && svg.contains("2 (50.0%)"), "count and share labels");
        assertTrue(svg.contains("[lost ops]"), "the rule's name beside the outcome");
        assertTrue(p.text().startsWith(h.title()) && p.text().contains("states 11"), p.text());
        assertFalse(p.text().contains(" ms"), "run time left out of the text: " + p.text());

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(p.png()));
        assertEquals(p.width(), png.getWidth());
        assertTrue(pixels(png, Palette.FORBIDDEN) > 1000, "a red bar in the PNG");
        assertTrue(pixels(png, Palette.ACCEPTABLE) > 2 * pixels(png, Palette.FORBIDDEN), "green bars: 3 of 4 interleavings");
    }

    @Test
    void svgIsTheSameFromRunToRun() {
        Histogram h = sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL);
        assertEquals(Charts.histogram(h).svg(), Charts.histogram(h).svg());
    }

    @Test
    void compareGroupsHistogramsOfOneScenarioAsSharesOfEachTotal() {
        Histogram original = sc(Scenario.PUT_VS_READER, PutVariant.ORIGINAL);
        Histogram patched = sc(Scenario.PUT_VS_READER, PutVariant.PATCH_V1);
        Picture p = Charts.compare(List.of(original, patched));
        assertTrue(p.title().contains("put=ORIGINAL reader=DOUBLE_READ vs put=PATCH_V1 reader=DOUBLE_READ"), p.title());
        String svg = p.svg();
        for (Histogram h : List.of(original, patched)) {
            for (Histogram.Entry e : h.entries()) {
                String share = new java.text.DecimalFormat("0.0").format(100 * h.fraction(e)) + "%";
                assertTrue(svg.contains(share), share + " of " + h.variant());
            }
        }
        assertTrue(p.text().contains("(total " + original.total() + " interleavings)"), p.text());
    }

    @Test
    void compareRefusesDifferentScenarios() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Charts.compare(sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL), sc(Scenario.PUT_VS_READER, PutVariant.ORIGINAL)));
        assertTrue(e.getMessage().contains("one scenario"), e.getMessage());
    }

    @Test
    void timelineHasALanePerThreadAndMarksTheStepThatCompletesTheOutcome() {
        Histogram h = sc(Scenario.PUT_VS_READER, PutVariant.PATCH_V1);
        Histogram.Entry nullCall = h.forbidden().stream()
                .filter(e -> e.grade().label().contains("NULL call")).findFirst().orElseThrow();
        Schedule s = (Schedule) nullCall.witness();
        Picture p = Charts.timeline(nullCall);
        String svg = p.svg();
        s.steps().forEach(step -> assertTrue(svg.contains(step.access().replace(">", "&gt;")), step.access()));
        assertTrue(svg.contains(">P0<") && svg.contains(">P1<"), "lane names");
        List<String> lines = p.text().lines().collect(java.util.stream.Collectors.toList());
        assertTrue(lines.get(lines.size() - 1).endsWith("<== marked"), p.text());
        assertTrue(lines.get(lines.size() - 1).contains("load(holder_ops) -> NULL"), p.text());
        assertEquals(1, lines.stream().filter(l -> l.endsWith("<== marked")).count(), p.text());
    }

    /** The reviewer's case under armv8: the witness execution, drawn. */
    @Test
    void witnessOfAnAxiomaticHistogramIsItsExecution() throws IOException {
        Histogram h = Models.run(Scenarios.build(Scenario.PUT_VS_OBSERVER, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ),
                "armv8");
        Picture p = Charts.witness(h);
        assertEquals("put-vs-observer [put=PATCH_V1 reader=DOUBLE_READ] under armv8: an execution reaching "
                + "holder_data=NULL; holder_ops=NULL; seen_data=NULL; seen_ops=opsA (released data with old ops)\n"
                + "  a: init: Winit holder_data=A  -rf-> d  -co-> e\n"
                + "  b: init: Winit holder_ops=opsA  -rf-> g  -co-> c\n"
                + "  c: P0 fs_put_dax: W[plain] holder_ops=NULL\n"
                + "  d: P0 fs_put_dax: R[full,rmw] holder_data=A  -fr-> e   <== read\n"
                + "  e: P0 fs_put_dax: W[full,rmw] holder_data=NULL  -rf-> f\n"
                + "  f: P1 observer: R[plain] holder_data=NULL   <== read\n"
                + "  g: P1 observer: R[plain] holder_ops=opsA  -fr-> c   <== read\n", p.text());
        assertEquals(p.title(), p.text().lines().findFirst().orElseThrow());
        String svg = p.svg();
        Execution x = (Execution) h.forbidden().get(0).witness();
        for (int i = 0; i < x.size(); i++) {
            assertTrue(svg.contains(x.event(i).label()), x.describe(i));
        }
        for (String s : List.of(">P0<", ">P1<", ">rf<", ">fr<", "rf a (initial)", "rf b (initial)", "co: the order of writes")) {
            assertTrue(svg.contains(s) || svg.contains(s.replace(">", "")), s);
        }
        assertTrue(svg.contains("c: fs_put_dax") && svg.contains("f: observer"), "event names with their function");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(p.png()));
        assertEquals(p.width(), png.getWidth());
        assertEquals(p.height(), png.getHeight());
        assertTrue(pixels(png, Palette.FORBIDDEN) > 200, "the reads in red");
        assertTrue(pixels(png, ExecutionPicture.RF) > 20 && pixels(png, ExecutionPicture.FR) > 20, "rf and fr arrows");
        assertEquals(svg, Charts.witness(h).svg(), "the same SVG from run to run");
    }

    /** Every axiomatic histogram with a reachable FORBIDDEN outcome draws; one without says so by name. */
    @Test
    void everyAxiomaticWitnessDrawsAndNoWitnessIsAClearError() {
        int drawn = 0;
        for (DaxScenario d : Scenarios.everyVariant()) {
            for (String model : List.of("armv8", "lkmm")) {
                Histogram h = Models.run(d, model);
                if (!h.anyForbidden()) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.witness(h));
                    assertTrue(e.getMessage().contains(h.title()), e.getMessage());
                    continue;
                }
                Picture p = Charts.witness(h);
                Execution x = (Execution) h.forbidden().stream().filter(e -> e.count().signum() > 0).findFirst()
                        .orElseThrow().witness();
                assertTrue(p.title().startsWith(h.scenario()) && p.title().contains(" under " + model + ": an execution "
                        + "reaching "), p.title());
                String svg = p.svg();
                for (int i = 0; i < x.size(); i++) {
                    assertTrue(svg.contains(x.event(i).label()), h.title() + ": " + x.describe(i));
                }
                assertEquals(x.size() + 1, p.text().lines().count(), p.text());
                drawn++;
            }
        }
        assertTrue(drawn > 100, "drawn " + drawn);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.witness(
                Models.run(Scenarios.build(Scenario.PUT_VS_GET, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ), "lkmm")));
        assertEquals("no reachable FORBIDDEN outcome with a witness in put-vs-get [put=PATCH_V1] under lkmm: executions "
                + "per outcome: nothing to draw", e.getMessage());
    }

    @Test
    void longTitlesWrapAfterAFieldSeparator() {
        assertEquals(List.of("put-vs-get [put=PATCH_V1] under lkmm:", "an execution reaching holder_data=B;",
                "holder_ops=NULL"), ExecutionPicture.wrap(
                "put-vs-get [put=PATCH_V1] under lkmm: an execution reaching holder_data=B; holder_ops=NULL", 40));
        assertEquals(List.of("short"), ExecutionPicture.wrap("short", 40));
    }

    @Test
    void pictureSizesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Picture("t", "t", 0, 10, g -> { }));
        assertFalse(Charts.histogram(sc(Scenario.PUT_VS_GET, PutVariant.PATCH_V1)).pngBase64().isEmpty());
    }

    static long pixels(BufferedImage image, Color c) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == c.getRGB()) {
                    n++;
                }
            }
        }
        return n;
    }
}
