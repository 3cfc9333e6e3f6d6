package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The notebook pipeline: execute every notebook headless through nbclient with our kernel
 * ({@code run_notebooks.py}), one after the other in a fresh kernel each, and write the site: a
 * page per notebook (linked to the previous, the next and the index), the executed notebooks,
 * and an index naming what each notebook settles. The committed notebooks are rewritten only
 * when asked ({@code updateCommitted}), and then only those that ran without error.
 */
public final class NotebookRun {
    /** How the runner marks its result lines among whatever else a kernel prints. */
    static final String RESULT = "@daxlab-result ";

    /**
     * How one notebook went.
     *
     * @param html        its page, null when none was written (the notebook could not be read)
     * @param executed    the executed copy in the site, null when none was written
     * @param title       its first heading, or its file name
     * @param titleHtml   the same as HTML (inline code kept)
     * @param summaryHtml what it settles, as HTML; null when it does not say
     * @param error       why it failed, null when it ran
     */
    public record Result(Path notebook, boolean ok, double seconds, Path html, Path executed, String title,
                         String titleHtml, String summaryHtml, String error) {
    }

    private NotebookRun() {
    }

    /** Where the exercises' solutions are, under the notebook directory: run and published with the rest. */
    public static final String SOLUTIONS = "solutions";

    /**
     * The notebooks in {@code dir}, in name order (00-start-here first), then those in its
     * {@code solutions/} directory, if it has one: the solutions are executed and committed with
     * their outputs like every other notebook, so that a change that breaks them is seen.
     */
    public static List<Path> notebooks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no notebook directory " + dir.toAbsolutePath());
        }
        List<Path> out = ipynb(dir);
        Path solutions = dir.resolve(SOLUTIONS);
        if (Files.isDirectory(solutions)) {
            out.addAll(ipynb(solutions));
        }
        return out;
    }

    private static List<Path> ipynb(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
    }

    /**
     * What stops the run from writing its results, found before anything runs: the site (created
     * if missing) and, when the committed notebooks are to be updated, their directories and
     * files. Each place is tried with a real file, which also catches read-only mounts and
     * immutable directories that permission bits do not show. Empty when all is writable.
     */
    public static List<String> unwritable(Path site, List<Path> notebooks, boolean updateCommitted) {
        List<String> problems = new ArrayList<>();
        try {
            Files.createDirectories(site);
            probe(site, problems);
        } catch (IOException e) {
            problems.add(site + ": cannot create the site directory (" + reason(e) + ")");
        }
        if (updateCommitted) {
            Set<Path> dirs = new LinkedHashSet<>();
            notebooks.forEach(n -> dirs.add(n.toAbsolutePath().getParent()));
            dirs.forEach(d -> probe(d, problems));
            for (Path n : notebooks) {
                if (Files.exists(n) && !Files.isWritable(n)) {
                    problems.add(n + ": read-only, cannot be updated");
                }
            }
        }
        return problems;
    }

    private static void probe(Path dir, List<String> problems) {
        try {
            Path p = Files.createTempFile(dir, ".daxlab-write-check", ".tmp");
            Files.delete(p);
        } catch (IOException e) {
            problems.add(dir + ": cannot write there (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * Executes {@code notebooks} and writes the site into {@code site}, the committed notebooks
     * too when {@code updateCommitted}. Progress goes to {@code log} as each notebook finishes.
     * A notebook that fails (unreadable, a failing cell, a dead kernel, lost output, a failed
     * write) is reported and the others still run; the index is written in every case.
     */
    public static List<Result> execute(Jupyter jupyter, List<Path> notebooks, Path site, int timeoutSeconds,
                                       boolean updateCommitted, PrintStream log) throws IOException, InterruptedException {
        Files.createDirectories(site);
        List<String> args = new ArrayList<>(List.of(jupyter.script("run_notebooks.py").toString(),
                "--site", site.toAbsolutePath().toString(), "--timeout", String.valueOf(timeoutSeconds),
                "--kernel", DaxlabKernel.NAME));
        if (updateCommitted) {
            args.add("--update-committed");
        }
        notebooks.forEach(n -> args.add(n.toAbsolutePath().toString()));
        Process p = jupyter.process(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ObjectMapper json = new ObjectMapper();
        List<Result> results = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith(RESULT)) {
                    log.println(line);
                    continue;
                }
                Result r = result(json.readTree(line.substring(RESULT.length())));
                results.add(r);
                log.printf("  %-32s %s%n", r.notebook().getFileName(),
                        r.ok() ? String.format(Locale.ROOT, "ran in %.1f s", r.seconds())
                                : String.format(Locale.ROOT, "FAILED after %.1f s", r.seconds()));
                if (!r.ok()) {
                    log.println(indent(r.error()));
                }
            }
        }
        int exit = p.waitFor();
        // The runner reports every notebook, even one it could not read; fewer means it was killed
        // or crashed. The notebooks it never reached are failures, and the index still says so.
        for (Path n : notebooks.subList(Math.min(results.size(), notebooks.size()), notebooks.size())) {
            String name = n.getFileName().toString();
            Result r = new Result(n, false, 0, null, null, name, escape(name), null,
                    "not run: the notebook runner stopped (exit " + exit + ") before reaching it");
            results.add(r);
            log.printf("  %-32s NOT RUN (the runner stopped, exit %d)%n", name, exit);
        }
        writeAtomically(site.resolve("index.html"), index(results));
        return results;
    }

    private static Result result(JsonNode n) {
        Path notebook = Path.of(n.get("notebook").asText());
        return new Result(notebook, n.get("ok").asBoolean(), n.get("seconds").asDouble(), path(n.get("html")),
                path(n.get("executed")), n.get("title").asText(), n.get("title_html").asText(), text(n.get("summary_html")), text(n.get("error")));
    }

    private static Path path(JsonNode n) {
        return n == null || n.isNull() ? null : Path.of(n.asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String indent(String s) {
        return s == null ? "" : s.lines().limit(40).map(l -> "      " + l).collect(Collectors.joining("\n"));
    }

    /**
     * Writes {@code text} beside {@code file} and renames it over it: never a half-written file.
     * The file keeps its permissions; a new one is readable by all, as a site's pages must be.
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The site's front page: each notebook's title, what it settles, and how its run went. */
    static String index(List<Result> results) {
        long failed = results.stream().filter(r -> !r.ok()).count();
        Result first = results.stream().filter(r -> r.html() != null).findFirst().orElse(null);
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>daxlab notebooks</title>\n<style>\n")
                .append("body{font:15px/1.5 sans-serif;max-width:64em;margin:1.5em auto;padding:0 1em;color:#222}\n")
                .append("h1{font-size:1.6em;margin:.2em 0}table{border-collapse:collapse;width:100%}\n")
                .append("td,th{padding:.55em .7em;text-align:left;vertical-align:top;border-bottom:1px solid #e3e6ea}\n")
                .append("th{font-size:.85em;color:#555;text-transform:uppercase;letter-spacing:.03em}\n")
                .append("td.title a{font-weight:bold;color:#1f5fa8;text-decoration:none}td.title a:hover{text-decoration:underline}\n")
                .append(".file{font-size:.85em;color:#666}.file a{color:#666}code{font-size:90%;background:#f3f4f6;padding:0 .2em}\n")
                .append(".ok{color:#2c7a2c;white-space:nowrap}.failed{color:#b01e1f;font-weight:bold}\n")
                .append(".why{font-size:.85em;color:#8b1a1a;white-space:pre-wrap;margin-top:.3em}\n")
                .append(".daxlab-nav{display:flex;justify-content:space-between;gap:1em;margin:.8em 0;padding:.5em .8em;")
                .append("font-size:14px;background:#f4f6f8;border:1px solid #d9dee3;border-radius:4px}\n")
                .append(".daxlab-nav a{color:#1f5fa8;text-decoration:none}.daxlab-nav .none{color:#999}\n")
                .append("</style></head><body>\n")
                .append("<h1>daxlab notebooks</h1>\n")
                .append("<p>Executable commentary on the <code>fs_put_dax()</code> patch review, one claim of the thread ")
                .append("per notebook, each executed headless with the Java (daxlab) kernel. Read them in order: every ")
                .append("page links to the previous and the next one.</p>\n")
                .append("<nav class=\"daxlab-nav\" aria-label=\"notebooks\"><span class=\"none\">index</span>");
        if (first != null) {
            sb.append("<a rel=\"next\" href=\"").append(escape(first.html().getFileName().toString())).append("\">")
                    .append(first.titleHtml()).append(" &rarr;</a>");
        }
        sb.append("</nav>\n")
                .append("<p>").append(results.size()).append(results.size() == 1 ? " notebook, " : " notebooks, ")
                .append(failed == 0 ? "all ran." : "<span class=\"failed\">" + failed + " failed</span>.")
                .append("</p>\n<table>\n<tr><th>notebook</th><th>what it settles</th><th>run</th></tr>\n");
        for (Result r : results) {
            String file = r.notebook().getFileName().toString();
            sb.append("<tr><td class=\"title\">");
            if (r.html() != null) {
                sb.append("<a href=\"").append(escape(r.html().getFileName().toString())).append("\">")
                        .append(r.titleHtml()).append("</a>");
            } else {
                sb.append(r.titleHtml());
            }
            sb.append("<div class=\"file\">").append(escape(file));
            if (r.executed() != null) {
                sb.append(" &middot; <a href=\"").append(escape(r.executed().getFileName().toString()))
                        .append("\" download>executed notebook</a>");
            }
            sb.append("</div></td><td>").append(r.summaryHtml() == null ? "" : r.summaryHtml()).append("</td><td>");
            if (r.ok()) {
                sb.append("<span class=\"ok\">ran in ").append(String.format(Locale.ROOT, "%.1f s", r.seconds()))
                        .append("</span>");
            } else {
                sb.append("<span class=\"failed\">FAILED</span><div class=\"why\">")
                        .append(escape(firstLines(r.error(), 4))).append("</div>");
            }
            sb.append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String firstLines(String s, int n) {
        return s == null ? "" : s.lines().limit(n).collect(Collectors.joining("\n"));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
