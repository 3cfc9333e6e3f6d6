package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import daxlab.chart.Palette;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline end to end: `daxlab notebooks` executes a notebook through nbclient with our
 * kernel and writes the site; the executed notebook carries PNG, SVG and text for each chart;
 * headless Chromium renders the page, and the chart is really there (its red and green bars).
 */
class SiteIT {
    private static final Path SITE = JupyterTools.ROOT.resolve("target/it-site");
    private static JupyterTools.Run pipeline;

    private static synchronized JupyterTools.Run pipeline() throws Exception {
        if (pipeline == null) {
            JupyterTools.jupyter();
            deleteTree(SITE);
            pipeline = JupyterTools.run(JupyterTools.daxlab("notebooks", "--root", JupyterTools.ROOT.toString(),
                    "--jar", JupyterTools.JAR.toString(), "--dir", "src/test/notebooks/site",
                    "--site", "target/it-site", "--no-save"), 300);
            System.out.println(pipeline.err());
        }
        return pipeline;
    }

    @Test
    void executesTheNotebookAndWritesTheSite() throws Exception {
        JupyterTools.Run run = pipeline();
        assertEquals(0, run.exit(), run.out() + run.err());
        String index = Files.readString(SITE.resolve("index.html"));
        assertTrue(index.contains("<a href=\"kernel-smoke.html\">kernel-smoke.ipynb</a>"), index);

        JsonNode nb = new ObjectMapper().readTree(SITE.resolve("kernel-smoke.ipynb").toFile());
        JsonNode first = nb.get("cells").get(1).get("outputs");
        assertEquals("stream", first.get(0).get("output_type").asText(), first.toString());
        assertEquals("total 4\n", text(first.get(0).get("text")));
        JsonNode display = first.get(1);
        assertEquals("display_data", display.get("output_type").asText());
        assertChart(display.get("data"));
        JsonNode result = nb.get("cells").get(2).get("outputs").get(0);
        assertEquals("execute_result", result.get("output_type").asText());
        assertChart(result.get("data"));

        String html = Files.readString(SITE.resolve("kernel-smoke.html"));
        // nbconvert's sanitizer would strip SVG shapes: the HTML must carry the PNGs
        assertEquals(2, html.split("<img src=\"data:image/png;base64,", -1).length - 1, "PNG images in the HTML");
    }

    private static void assertChart(JsonNode data) {
        assertTrue(data.has("image/png") && data.get("image/png").asText().startsWith("iVBORw0KGgo"), data.toString());
        String svg = text(data.get("image/svg+xml"));
        assertTrue(svg.startsWith("<svg") && svg.contains("rgb(214,39,40)") && svg.contains("rgb(44,160,44)"),
                "SVG with red and green bars: " + svg.substring(0, Math.min(300, svg.length())));
        String text = text(data.get("text/plain"));
        assertTrue(text.startsWith("put-vs-get [put=ORIGINAL] under sc: interleavings per outcome"), text);
    }

    /** nbformat stores text as a string or as a list of lines. */
    private static String text(JsonNode node) {
        if (!node.isArray()) {
            return node.asText();
        }
        StringBuilder sb = new StringBuilder();
        node.forEach(l -> sb.append(l.asText()));
        return sb.toString();
    }

    @Test
    void chromiumShowsTheChart() throws Exception {
        assertEquals(0, pipeline().exit(), pipeline().err());
        Path profile = Files.createTempDirectory("daxlab-chromium");
        Path shot = SITE.resolve("kernel-smoke.png");
        Files.deleteIfExists(shot);
        try {
            List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--virtual-time-budget=5000", "--user-data-dir=" + profile,
                    "--window-size=1200,1400", "--screenshot=" + shot, SITE.resolve("kernel-smoke.html").toUri().toString()));
            JupyterTools.Run run;
            try {
                run = JupyterTools.run(new ProcessBuilder(cmd), 120);
            } catch (IOException e) {
                throw new AssertionError("chromium is not installed: bash .ci/run, or apt-get install chromium", e);
            }
            assertEquals(0, run.exit(), run.err());
        } finally {
            deleteTree(profile);
        }
        BufferedImage image = ImageIO.read(shot.toFile());
        // The page is white text-and-code except the charts: count pixels in the bar colours.
        long red = count(image, Palette.FORBIDDEN);
        long green = count(image, Palette.ACCEPTABLE);
        System.out.printf("screenshot %s: %d red and %d green pixels%n", shot, red, green);
        assertTrue(red > 2_000, "no FORBIDDEN bar visible in " + shot + " (" + red + " red pixels)");
        assertTrue(green > 4_000, "no ACCEPTABLE bar visible in " + shot + " (" + green + " green pixels)");
    }

    private static long count(BufferedImage image, Color c) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color p = new Color(image.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                        + Math.abs(p.getBlue() - c.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
