package daxlab.chart;

import daxlab.engine.Engine;
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
import daxlab.outcome.OutcomeClass;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
        assertTrue(svg.contains("1 (25.0%) FORBIDDEN") && svg.contains("2 (50.0%)"), "count and share labels");
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
                Engine.ARMV8);
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
            for (Engine model : List.of(Engine.ARMV8, Engine.LKMM)) {
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
                Models.run(Scenarios.build(Scenario.PUT_VS_GET, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ), Engine.LKMM)));
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

    /** Every scenario and variant under SC, and each scenario's models and variants compared. */
    private static List<Sketch> everyChart() {
        List<Sketch> out = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            List<Histogram> variants = new ArrayList<>();
            for (PutVariant put : PutVariant.values()) {
                Histogram h = sc(s, put);
                variants.add(h);
                out.add(HistogramChart.sketch(h));
            }
            out.add(sketchOf(variants));
        }
        out.add(HistogramChart.sketch(stressLike()));
        out.add(sketchOf(List.of(sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL), stressLike())));
        return out;
    }

    private static Sketch sketchOf(List<Histogram> hs) {
        return CompareChart.sketch(hs);
    }

    /**
     * A jcstress-sized run where the FORBIDDEN outcome is rare: 2,582 of 7.7 million, as a
     * workshop run found it (drawn as an invisible 0.0% bar before).
     */
    static Histogram stressLike() {
        Histogram sc = sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL);
        long[] counts = {2_582, 6_182_649, 1_514_769};
        List<Histogram.Entry> entries = new ArrayList<>();
        for (int i = 0; i < sc.entries().size(); i++) {
            Histogram.Entry e = sc.entries().get(i);
            entries.add(new Histogram.Entry(e.outcome(), BigInteger.valueOf(counts[i]), e.grade(), null));
        }
        assertEquals(OutcomeClass.FORBIDDEN, entries.get(0).outcomeClass(), "lost ops sorts first");
        return new Histogram("put-vs-get", "put=ORIGINAL", "stress", "observations", entries, Map.of());
    }

    @Test
    void everyTextLiesInsideItsPictureWholeAndClearOfTheOthers() {
        for (Sketch sk : everyChart()) {
            Rectangle2D canvas = new Rectangle2D.Double(0, 0, sk.width(), sk.height());
            List<Sketch.Text> texts = sk.texts();
            for (Sketch.Text t : texts) {
                assertTrue(canvas.contains(t.bounds()), "'" + t.text() + "' " + t.bounds() + " outside " + canvas);
                assertFalse(t.text().endsWith("...") || t.text().endsWith("\u2026"), "cut short: " + t.text());
            }
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    Rectangle2D a = texts.get(i).bounds();
                    Rectangle2D b = texts.get(j).bounds();
                    Rectangle2D both = a.createIntersection(b);
                    assertFalse(both.getWidth() > 1 && both.getHeight() > 1,
                            "'" + texts.get(i).text() + "' overlaps '" + texts.get(j).text() + "'");
                }
            }
            for (Sketch.Box b : sk.boxes()) {
                assertTrue(canvas.contains(b.bounds()), "box " + b.bounds() + " outside " + canvas);
            }
        }
    }

    @Test
    void aRareForbiddenOutcomeGetsAVisibleHatchedBarAndItsExactCount() throws IOException {
        Histogram h = stressLike();
        Sketch sk = HistogramChart.sketch(h);
        List<Sketch.Box> hatched = sk.boxes().stream()
                .filter(b -> b.hatched() && b.fill().equals(Palette.FORBIDDEN) && b.rect().getHeight() > 20)
                .collect(Collectors.toList());
        assertEquals(1, hatched.size(), "one FORBIDDEN bar");
        assertTrue(hatched.get(0).rect().getWidth() >= BarChart.MIN_BAR, "bar width " + hatched.get(0).rect());
        assertFalse(Sketch.Box.stripes(hatched.get(0).rect()).isEmpty(), "stripes even on the thinnest bar");
        List<String> texts = sk.texts().stream().map(Sketch.Text::text).collect(Collectors.toList());
        assertTrue(texts.contains("2,582 (0.034%) FORBIDDEN"), texts.toString());
        assertTrue(texts.contains("6,182,649 (80.3%)"), texts.toString());
        assertTrue(texts.contains("total 7,700,000 observations; FORBIDDEN: 1 outcome reached, 2,582 observations (0.034%)"),
                texts.toString());
        // the bar is really there in the pixels: red in the row of the FORBIDDEN label
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Charts.histogram(h).png()));
        Rectangle2D r = hatched.get(0).rect();
        long red = 0;
        for (int y = (int) r.getMinY() + 2; y < r.getMaxY() - 2; y++) {
            for (int x = (int) r.getMinX(); x < r.getMaxX(); x++) {
                red += near(new Color(png.getRGB(x, y)), Palette.FORBIDDEN) ? 1 : 0;
            }
        }
        assertTrue(red >= 20, red + " red pixels in the FORBIDDEN bar");

        // in a comparison too: the stress run's share of lost ops is a bar, not "0.0%"
        Sketch compared = CompareChart.sketch(List.of(sc(Scenario.PUT_VS_GET, PutVariant.PATCH_V1), h));
        List<String> labels = compared.texts().stream().map(Sketch.Text::text).collect(Collectors.toList());
        assertTrue(labels.contains("0.034% (2,582)"), labels.toString());
        assertTrue(labels.contains("not reached"), "PATCH_V1 never loses the ops: " + labels);
        assertTrue(compared.boxes().stream().anyMatch(b -> b.hatched() && b.rect().getWidth() >= BarChart.MIN_BAR
                && b.rect().getHeight() > 10), "a hatched bar for the stress run's lost ops");
    }

    @Test
    void shareAxesEndAtOneHundredPercent() {
        for (List<Histogram> hs : List.of(List.of(sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL)),
                List.of(sc(Scenario.PUT_VS_READER, PutVariant.ORIGINAL), sc(Scenario.PUT_VS_READER, PutVariant.PATCH_V1)))) {
            Sketch sk = CompareChart.sketch(hs);
            List<String> ticks = sk.texts().stream().map(Sketch.Text::text).filter(t -> t.matches("\\d+%"))
                    .collect(Collectors.toList());
            assertEquals("0%", ticks.get(0), ticks.toString());
            assertEquals("100%", ticks.get(ticks.size() - 1), ticks.toString());
            assertTrue(ticks.stream().mapToInt(t -> Integer.parseInt(t.replace("%", ""))).max().getAsInt() == 100,
                    ticks.toString());
        }
    }

    @Test
    void numbersCarryThousandsSeparatorsOnAxesAndBars() {
        Pattern bare = Pattern.compile("\\d{4,}");
        for (Sketch sk : List.of(HistogramChart.sketch(stressLike()),
                CompareChart.sketch(List.of(sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL), stressLike())))) {
            List<String> numeric = sk.texts().stream().map(Sketch.Text::text).filter(t -> !t.contains("="))
                    .collect(Collectors.toList());
            numeric.forEach(t -> assertFalse(bare.matcher(t).find(), "a number without separators: " + t));
            assertTrue(numeric.stream().anyMatch(t -> t.matches(".*\\d{1,3}(,\\d{3})+.*")), "a separated number: " + numeric);
        }
    }

    @Test
    void theBadOutcomeIsMarkedByMoreThanColour() {
        Sketch sk = HistogramChart.sketch(sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL));
        // hatched bars, a hatched marker by the name, and its class in words, none of them only red
        assertEquals(3, sk.boxes().stream().filter(Sketch.Box::hatched).count(), "bar, name marker, legend swatch");
        assertTrue(sk.texts().stream().anyMatch(t -> t.text().equals("1 (25.0%) FORBIDDEN")));
        assertTrue(sk.texts().stream().anyMatch(t -> t.text().startsWith("FORBIDDEN (hatched")));
        Sketch ok = HistogramChart.sketch(sc(Scenario.PUT_VS_GET, PutVariant.PATCH_V1));
        assertEquals(0, ok.boxes().stream().filter(Sketch.Box::hatched).count(), "nothing hatched without FORBIDDEN");
    }

    @Test
    void titlesNameScenarioVariantModelAndWhatTheBarsCount() {
        Histogram h = sc(Scenario.PUT_VS_GET, PutVariant.ORIGINAL);
        String title = HistogramChart.sketch(h).texts().get(0).text();
        assertEquals("put-vs-get [put=ORIGINAL] under sc: interleavings per outcome", title);
        List<Histogram> models = List.of(h, stressLike());
        Sketch c = CompareChart.sketch(models);
        String joined = c.texts().stream().map(Sketch.Text::text).limit(3).collect(Collectors.joining(" "));
        assertTrue(joined.startsWith("put-vs-get") && joined.contains("sc") && joined.contains("stress")
                && joined.contains("% of each run's total"), joined);
        List<String> texts = c.texts().stream().map(Sketch.Text::text).collect(Collectors.toList());
        assertTrue(texts.contains("sc: 4 interleavings"), texts.toString());
        assertTrue(texts.contains("stress: 7,700,000 observations"), texts.toString());
    }

    @Test
    void sharesNeverReadAsZeroOrAllWhenTheyAreNot() {
        assertEquals("25.0%", Numbers.percent(BigInteger.ONE, BigInteger.valueOf(4)));
        assertEquals("0.034%", Numbers.percent(BigInteger.valueOf(2_582), BigInteger.valueOf(7_700_000)));
        assertEquals("0.0001%", Numbers.percent(BigInteger.ONE, BigInteger.valueOf(1_000_000)));
        assertEquals(">99.9%", Numbers.percent(BigInteger.valueOf(999_999), BigInteger.valueOf(1_000_000)));
        assertEquals("100.0%", Numbers.percent(BigInteger.TEN, BigInteger.TEN));
        assertEquals("0%", Numbers.percent(BigInteger.ZERO, BigInteger.TEN));
        assertEquals("-", Numbers.percent(BigInteger.ZERO, BigInteger.ZERO));
        assertEquals("19,000,000,000,000,000", Numbers.count(new BigInteger("19000000000000000")));
    }

    @Test
    void countAxesEndAtARoundNumberAtOrAboveTheLargestBarWithSeparatedTicks() {
        BarChart.Scale s = new BarChart.Counts(BigInteger.valueOf(6_182_649), "observations").scale(500);
        assertTrue(s.max() >= 6_182_649 && s.max() <= 10_000_000, "axis end " + s.max());
        assertEquals("0", s.ticks().get(0).text());
        assertEquals(s.max(), s.ticks().get(s.ticks().size() - 1).value());
        s.ticks().forEach(t -> assertTrue(t.text().matches("\\d{1,3}(,\\d{3})*"), t.text()));
        BarChart.Scale huge = new BarChart.Counts(new BigInteger("18900000000000000"), "interleavings").scale(480);
        assertTrue(huge.ticks().size() >= 2, huge.toString());
        EnumSet.allOf(OutcomeClass.class).forEach(c -> assertTrue(Palette.of(c) != null));
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) < 40;
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
