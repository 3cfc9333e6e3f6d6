package daxlab.chart;

import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Schedule;
import daxlab.interleave.Settings;
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
