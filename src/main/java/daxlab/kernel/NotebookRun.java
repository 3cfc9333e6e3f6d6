package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The notebook pipeline: execute every notebook headless through nbclient with our kernel,
 * render each to HTML, and write an index page linking them.
 */
public final class NotebookRun {
    /** How one notebook went. */
    public record Result(Path notebook, boolean ok, double seconds, Path html, String error) {
    }

    private NotebookRun() {
    }

    /** The notebooks in {@code dir}, in name order (00-start-here first). */
    public static List<Path> notebooks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no notebook directory " + dir.toAbsolutePath());
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
    }

    /**
     * Executes {@code notebooks} (in place when {@code inplace}: outputs are committed) and renders
     * HTML into {@code site}. Progress goes to {@code log} as each notebook finishes.
     */
    public static List<Result> execute(Jupyter jupyter, List<Path> notebooks, Path site, int timeoutSeconds,
                                       boolean inplace, PrintStream log) throws IOException, InterruptedException {
        Files.createDirectories(site);
        List<String> args = new ArrayList<>(List.of(jupyter.script("run_notebooks.py").toString(),
                "--site", site.toAbsolutePath().toString(), "--timeout", String.valueOf(timeoutSeconds),
                "--kernel", DaxlabKernel.NAME));
        if (inplace) {
            args.add("--inplace");
        }
        notebooks.forEach(n -> args.add(n.toAbsolutePath().toString()));
        Process p = jupyter.process(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ObjectMapper json = new ObjectMapper();
        List<Result> results = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("{")) {
                    log.println(line);
                    continue;
                }
                JsonNode n = json.readTree(line);
                Result r = new Result(Path.of(n.get("notebook").asText()), n.get("ok").asBoolean(),
                        n.get("seconds").asDouble(), Path.of(n.get("html").asText()),
                        n.get("error").isNull() ? null : n.get("error").asText());
                results.add(r);
                log.printf("  %-32s %s in %.1f s%n", r.notebook().getFileName(), r.ok() ? "ran" : "FAILED", r.seconds());
                if (!r.ok()) {
                    log.println(indent(r.error()));
                }
            }
        }
        int exit = p.waitFor();
        if (results.size() != notebooks.size()) {
            throw new IllegalStateException("the notebook runner stopped early (exit " + exit + ") after "
                    + results.size() + " of " + notebooks.size() + " notebooks; see the messages above");
        }
        Files.writeString(site.resolve("index.html"), index(results));
        return results;
    }

    private static String indent(String s) {
        return s == null ? "" : s.lines().limit(40).map(l -> "      " + l).collect(Collectors.joining("\n"));
    }

    static String index(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>daxlab notebooks</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:52em;margin:2em auto}td,th{padding:.3em .8em;"
                        + "text-align:left}.failed{color:#d62728}</style></head><body>\n")
                .append("<h1>daxlab notebooks</h1>\n<p>Executed headless with the Java (daxlab) kernel.</p>\n")
                .append("<table><tr><th>notebook</th><th>result</th><th>time</th></tr>\n");
        for (Result r : results) {
            String name = r.html().getFileName().toString();
            sb.append("<tr><td><a href=\"").append(escape(name)).append("\">")
                    .append(escape(r.notebook().getFileName().toString())).append("</a></td><td")
                    .append(r.ok() ? ">ran" : " class=\"failed\">FAILED").append("</td><td>")
                    .append(String.format("%.1f s", r.seconds())).append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
