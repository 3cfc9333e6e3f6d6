package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every page of a site in headless Chromium at 1280 px: a screenshot of each, and what a reader
 * would trip over. The HTML pages carry the charts as PNG (their images are checked for blank
 * pictures and ink on the border, the mark of text cut off at an edge); the executed notebooks
 * beside them carry the same charts as SVG, laid out by the browser on a check page each, where
 * every text's box must lie inside its picture, whole (no ellipsis) and clear of the others.
 */
final class SiteCheck {
    /** What was checked and what was wrong. */
    record Report(int pages, int images, int svgs, int texts, List<Path> screenshots, List<String> problems) {
        String summary() {
            return String.format("%d pages, %d images, %d SVG pictures with %d texts, %d screenshots: %d problem(s)",
                    pages, images, svgs, texts, screenshots.size(), problems.size());
        }
    }

    private SiteCheck() {
    }

    static Report check(Path site, Path scratch) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        List<Path> shots = new ArrayList<>();
        int pages = 0;
        int images = 0;
        int svgs = 0;
        int texts = 0;
        List<Path> html;
        try (Stream<Path> s = Files.list(site)) {
            html = s.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().collect(Collectors.toList());
        }
        java.util.Map<String, JsonNode> links = new java.util.LinkedHashMap<>();
        for (Path page : html) {
            pages++;
            String name = page.getFileName().toString();
            JsonNode r = Chromium.inspect(page, scratch);
            links.put(name, r.get("links"));
            if (r.get("scrollWidth").asInt() > r.get("viewportWidth").asInt()) {
                problems.add(name + ": the page scrolls sideways at " + Chromium.WIDTH + " px ("
                        + r.get("scrollWidth").asInt() + " px wide)");
            }
            for (JsonNode img : r.get("images")) {
                images++;
                String what = name + " image " + (img.get("index").asInt() + 1);
                if (!img.get("loaded").asBoolean()) {
                    problems.add(what + ": did not load");
                    continue;
                }
                if (img.get("inkPixels").asLong() < 50) {
                    problems.add(what + ": blank (" + img.get("inkPixels").asLong() + " pixels differ from the background)");
                }
                JsonNode edges = img.get("edgeInk");
                List<String> inked = new ArrayList<>();
                edges.fieldNames().forEachRemaining(e -> {
                    if (edges.get(e).asInt() > 0) {
                        inked.add(e + " " + edges.get(e).asInt() + " px");
                    }
                });
                if (!inked.isEmpty()) {
                    problems.add(what + " (" + img.get("width").asInt() + "x" + img.get("height").asInt()
                            + "): ink on its border, something is cut off: " + inked);
                }
                if (img.get("shownRight").asInt() > Chromium.WIDTH) {
                    problems.add(what + ": runs past the right edge of the page (" + img.get("shownRight").asInt() + " px)");
                }
            }
            int height = r.get("scrollHeight").asInt();
            shots.add(Chromium.screenshot(page, height, scratch.resolve("screenshots").resolve(name.replace(".html", ".png"))));
            Path notebook = site.resolve(name.replace(".html", ".ipynb"));
            if (Files.isRegularFile(notebook)) {
                Path svgPage = svgPage(notebook, scratch);
                if (svgPage == null) {
                    continue;
                }
                JsonNode s = Chromium.inspect(svgPage, scratch);
                for (JsonNode svg : s.get("svgs")) {
                    svgs++;
                    texts += svg.get("texts").asInt();
                    String what = name.replace(".html", ".ipynb") + " " + svg.get("id").asText();
                    svg.get("outside").forEach(t -> problems.add(what + ": text outside the picture ("
                            + svg.get("width").asInt() + "x" + svg.get("height").asInt() + "): " + t));
                    svg.get("truncated").forEach(t -> problems.add(what + ": text cut short: " + t.get("text").asText()));
                    svg.get("overlaps").forEach(t -> problems.add(what + ": texts overlap: " + t));
                }
            }
        }
        navigation(site, links, problems);
        return new Report(pages, images, svgs, texts, shots, problems);
    }

    /**
     * The index lists the notebook pages in order; each page links to the one before and after it
     * in that order and to the index; every local link leads to a file that is there.
     */
    private static void navigation(Path site, java.util.Map<String, JsonNode> links, List<String> problems) {
        JsonNode index = links.get("index.html");
        if (index == null) {
            problems.add("no index.html");
            return;
        }
        List<String> order = new ArrayList<>();
        index.forEach(a -> {
            String href = a.get("href").asText();
            if (a.get("rel").asText().isEmpty() && href.endsWith(".html") && !order.contains(href)) {
                order.add(href);
            }
        });
        for (String page : links.keySet()) {
            if (!page.equals("index.html") && !order.contains(page)) {
                problems.add("index.html does not list " + page);
            }
        }
        links.forEach((page, as) -> {
            for (JsonNode a : as) {
                String href = a.get("href").asText();
                if (href.startsWith("#") || href.matches("^[a-z]+:.*")) {
                    continue;
                }
                if (!Files.isRegularFile(site.resolve(href.replaceAll("#.*", "")))) {
                    problems.add(page + ": link to " + href + ", which is not there");
                }
            }
            if (page.equals("index.html")) {
                return;
            }
            int i = order.indexOf(page);
            expect(problems, page, as, "index", "index.html");
            expect(problems, page, as, "prev", i > 0 ? order.get(i - 1) : null);
            expect(problems, page, as, "next", i >= 0 && i + 1 < order.size() ? order.get(i + 1) : null);
        });
        expect(problems, "index.html", index, "next", order.isEmpty() ? null : order.get(0));
    }

    /** The page's links with {@code rel} all lead to {@code want} (none when null), at least one of them. */
    private static void expect(List<String> problems, String page, JsonNode links, String rel, String want) {
        List<String> found = new ArrayList<>();
        links.forEach(a -> {
            if (a.get("rel").asText().equals(rel)) {
                found.add(a.get("href").asText());
            }
        });
        if (want == null ? !found.isEmpty() : found.isEmpty() || found.stream().anyMatch(h -> !h.equals(want))) {
            problems.add(page + ": rel=" + rel + " links " + found + ", expected " + (want == null ? "none" : want));
        }
    }

    /** A page holding every SVG picture of an executed notebook, each named by its cell; null if none. */
    private static Path svgPage(Path notebook, Path scratch) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(notebook.toFile()).get("cells");
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (int i = 0; i < cells.size(); i++) {
            for (JsonNode o : cells.get(i).path("outputs")) {
                JsonNode svg = o.path("data").path("image/svg+xml");
                if (svg.isMissingNode()) {
                    continue;
                }
                String markup = text(svg);
                int at = markup.indexOf("<svg");
                if (at < 0) {
                    continue;
                }
                n++;
                body.append("<div>").append(markup, 0, at + 4).append(" data-name=\"cell ").append(i + 1)
                        .append(" picture ").append(n).append('"').append(markup.substring(at + 4)).append("</div>\n");
            }
        }
        if (n == 0) {
            return null;
        }
        Files.createDirectories(scratch);
        Path page = scratch.resolve(notebook.getFileName().toString().replace(".ipynb", "-svg.html"));
        Files.writeString(page, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>SVG of "
                + notebook.getFileName() + "</title><style>body{margin:0}div{margin:0 0 8px 0}</style></head><body>\n"
                + body + "</body></html>\n", StandardCharsets.UTF_8);
        return page;
    }

    private static String text(JsonNode node) {
        if (!node.isArray()) {
            return node.asText();
        }
        StringBuilder sb = new StringBuilder();
        node.forEach(l -> sb.append(l.asText()));
        return sb.toString();
    }

    /** For a look at a site by hand: {@code SiteCheck SITE SCRATCH}. */
    public static void main(String[] args) throws Exception {
        Report r = check(Path.of(args[0]), Path.of(args[1]));
        r.problems().forEach(System.out::println);
        System.out.println(r.summary());
    }
}
