package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import daxlab.chart.Palette;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline end to end on two small notebooks: `daxlab notebooks` executes them through
 * nbclient with our kernel and writes the site; the executed notebooks carry PNG, SVG and text
 * for each chart; the index names each notebook and what it settles; headless Chromium renders
 * every page whole, and the charts are really there (red and green bars, a rare FORBIDDEN
 * outcome's bar and count).
 */
class SiteIT {
    private static final Path SITE = JupyterTools.ROOT.resolve("target/it-site");
    private static JupyterTools.Run pipeline;

    private static synchronized JupyterTools.Run pipeline() throws Exception {
        if (pipeline == null) {
            JupyterTools.jupyter();
            Chromium.deleteTree(SITE);
            pipeline = JupyterTools.run(JupyterTools.daxlab("notebooks", "--root", JupyterTools.ROOT.toString(),
                    "--jar", JupyterTools.JAR.toString(), "--dir", "src/test/notebooks/site",
                    "--site", "target/it-site"), 300);
            System.out.println(pipeline.err());
        }
        return pipeline;
    }

    @Test
    void executesTheNotebooksAndWritesTheSite() throws Exception {
        JupyterTools.Run run = pipeline();
        assertEquals(0, run.exit(), run.out() + run.err());

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
        // and nothing fetched from elsewhere: the site works offline
        assertFalse(html.matches("(?s).*<script[^>]*src=\"https?:.*"), "a script from the network");
    }

    @Test
    void theIndexNamesEachNotebookAndWhatItSettles() throws Exception {
        assertEquals(0, pipeline().exit(), pipeline().err());
        String index = Files.readString(SITE.resolve("index.html"));
        // the first heading as the title; what it settles from the notebook's metadata (daxlab.settles) ...
        assertTrue(index.contains("<a href=\"rare-forbidden.html\">A rare FORBIDDEN outcome</a>"), index);
        assertTrue(index.contains("that a FORBIDDEN outcome seen 2,582 times in 7.7 million still gets a bar,"
                + " its count and its share"), index);
        // ... or, without it, the first statement of the first markdown cell
        assertTrue(index.contains("<a href=\"kernel-smoke.html\">Kernel smoke test</a>"), index);
        assertTrue(index.contains("A histogram shown with <code>display()</code>, one returned as the cell's value,"
                + " and text."), index);
        assertTrue(index.contains("<a href=\"kernel-smoke.ipynb\" download>executed notebook</a>"), index);
        assertTrue(index.contains("2 notebooks, all ran."), index);
    }

    @Test
    void chromiumShowsEveryPageWholeAndTheChartsInIt() throws Exception {
        assertEquals(0, pipeline().exit(), pipeline().err());
        SiteCheck.Report r = SiteCheck.check(SITE, JupyterTools.ROOT.resolve("target/it-site-check"));
        System.out.println("site check: " + r.summary());
        assertEquals(3, r.pages(), "index and two notebooks");
        assertEquals(4, r.images(), "two charts per notebook");
        assertEquals(4, r.svgs(), "the same charts as SVG");
        assertTrue(r.problems().isEmpty(), String.join("\n", r.problems()));

        BufferedImage image = ImageIO.read(r.screenshots().stream()
                .filter(p -> p.getFileName().toString().equals("kernel-smoke.png")).findFirst().orElseThrow().toFile());
        assertEquals(Chromium.WIDTH, image.getWidth());
        // The page is white text-and-code except the charts: count pixels in the bar colours.
        long red = count(image, Palette.FORBIDDEN);
        long green = count(image, Palette.ACCEPTABLE);
        System.out.printf("kernel-smoke screenshot: %d red and %d green pixels%n", red, green);
        assertTrue(red > 2_000, "no FORBIDDEN bar visible (" + red + " red pixels)");
        assertTrue(green > 4_000, "no ACCEPTABLE bar visible (" + green + " green pixels)");
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
}
