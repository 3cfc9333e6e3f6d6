package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium for the site tests: loads a page as a reader's browser would (a fresh profile,
 * no network), measures it with {@code page-check.js}, and takes screenshots.
 */
final class Chromium {
    static final int WIDTH = 1280;
    /** Chromium refuses larger windows; taller pages are shot in their first this-many pixels. */
    static final int MAX_HEIGHT = 16_000;
    private static final Pattern RESULT = Pattern.compile("<pre id=\"daxlab-check\">(.*?)</pre>", Pattern.DOTALL);

    private Chromium() {
    }

    /**
     * What page-check.js finds on {@code page} at {@link #WIDTH} px: a copy of the page with the
     * script added goes to {@code scratch}, its links still resolving against the page's directory.
     */
    static JsonNode inspect(Path page, Path scratch) throws IOException, InterruptedException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String base = "<base href=\"" + page.toAbsolutePath().getParent().toUri() + "\">";
        int head = html.indexOf("<head>");
        html = head < 0 ? base + html : html.substring(0, head + 6) + base + html.substring(head + 6);
        int end = html.lastIndexOf("</body>");
        String script = "<script>\n" + resource("page-check.js") + "\n</script>\n";
        html = end < 0 ? html + script : html.substring(0, end) + script + html.substring(end);
        Files.createDirectories(scratch);
        Path copy = scratch.resolve(page.getFileName().toString().replace(".html", ".check.html"));
        Files.writeString(copy, html, StandardCharsets.UTF_8);
        JupyterTools.Run run = run(List.of("--window-size=" + WIDTH + ",900", "--dump-dom", copy.toUri().toString()));
        // The last match: the page's own text may quote the element.
        Matcher m = RESULT.matcher(run.out());
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        if (found == null) {
            fail("page-check.js reported nothing for " + page + " (Chromium exit " + run.exit() + ")\n" + run.err());
        }
        String json = found.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    /** A screenshot of {@code page}'s first {@code height} pixels at {@link #WIDTH} px wide. */
    static Path screenshot(Path page, int height, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        int h = Math.max(200, Math.min(height, MAX_HEIGHT));
        run(List.of("--window-size=" + WIDTH + "," + h, "--screenshot=" + png.toAbsolutePath(),
                "--hide-scrollbars", page.toUri().toString()));
        if (!Files.isRegularFile(png)) {
            fail("Chromium wrote no screenshot of " + page);
        }
        return png;
    }

    private static JupyterTools.Run run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("daxlab-chromium");
        try {
            List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--virtual-time-budget=10000", "--user-data-dir=" + profile));
            cmd.addAll(args);
            JupyterTools.Run run;
            try {
                run = JupyterTools.run(new ProcessBuilder(cmd), 180);
            } catch (IOException e) {
                throw new AssertionError("chromium is not installed: bash .ci/run, or apt-get install chromium", e);
            }
            assertEquals(0, run.exit(), "chromium " + args + "\n" + run.err());
            return run;
        } finally {
            deleteTree(profile);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Chromium.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource daxlab/kernel/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
