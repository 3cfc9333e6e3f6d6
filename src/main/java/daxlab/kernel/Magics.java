package daxlab.kernel;

import daxlab.lab.Lab;
import daxlab.litmus.LitmusEngines;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusSyntaxException;
import daxlab.litmus.LitmusTest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * IJava's line magics, run by the kernel before the cell's Java code:
 * <ul>
 *   <li>{@code %jars lib/*.jar ...}: add jars (globs allowed) to the class path;</li>
 *   <li>{@code %classpath dir-or-jar ...}: add class path entries; without arguments, print it;</li>
 *   <li>{@code %maven g:a:v}: not available, this kernel works offline (says what to do instead).</li>
 * </ul>
 * A magic line is one whose first non-blank character is {@code %}; it is blanked out of the
 * Java source so the cell's line numbers stay as the user sees them.
 *
 * <p>And one cell magic, on the cell's first line: {@code %%litmus [model...]} makes the rest of
 * the cell a C litmus test, run under each model named (default lkmm) and shown as herd7 prints
 * it, with the chart; a syntax error points at the cell's own line and column.
 */
final class Magics {
    /** A cell with its magic lines taken out, and those lines; or a cell magic and its body. */
    record Parsed(String javaCode, List<List<String>> magics, Optional<CellMagic> cellMagic) {
    }

    /**
     * {@code %%name args} on the cell's first line and the rest of the cell.
     *
     * @param bodyLine the cell line (0-based) the body starts on, for error positions
     */
    record CellMagic(String name, List<String> args, String body, int bodyLine) {
    }

    private Magics() {
    }

    /** Whether the cell starts with a cell magic ({@code %%litmus}): Jupyter's is_complete says yes. */
    static boolean isCellMagic(String cell) {
        return cell.stripLeading().startsWith("%%");
    }

    static Parsed parse(String cell) {
        List<List<String>> magics = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        String[] lines = cell.split("\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("%%")) {
                if (!first) {
                    throw new CellFailure("MagicError", "a cell magic must be the cell's first line",
                            List.of(Styles.red("MagicError") + ": a cell magic must be the cell's first line; "
                                    + "line " + (i + 1) + " is: " + t));
                }
                List<String> words = words(t.substring(2));
                if (words.isEmpty() || !words.get(0).equals("litmus")) {
                    throw failure("unknown cell magic " + t.split("\\s+")[0]
                            + "; this kernel knows %%litmus [model...] (line magics: %jars, %classpath, %maven)");
                }
                String body = String.join("\n", Arrays.asList(lines).subList(i + 1, lines.length));
                return new Parsed("", List.of(), Optional.of(new CellMagic(words.get(0),
                        words.subList(1, words.size()), body, i + 1)));
            }
            if (!t.isEmpty()) {
                first = false;
            }
            if (t.startsWith("%")) {
                magics.add(words(t.substring(1)));
            } else {
                java.append(lines[i]);
            }
            if (i < lines.length - 1) {
                java.append('\n');
            }
        }
        return new Parsed(java.toString(), magics, Optional.empty());
    }

    /**
     * Runs a cell magic: {@code %%litmus} parses its body and runs it under each model it names.
     * The result renders as herd7's layout and the chart.
     */
    static Object runCell(CellMagic magic, int cellNumber) {
        List<String> models = magic.args().isEmpty() ? List.of(Lab.DEFAULT_LITMUS_MODEL.id()) : magic.args();
        for (String m : models) {
            if (!LitmusEngines.names().contains(m)) {
                throw failure("%%litmus " + m + ": unknown model; valid models: " + String.join(", ", LitmusEngines.names()));
            }
        }
        LitmusTest test;
        try {
            test = LitmusParser.parse(magic.body(), "cell [" + cellNumber + "]");
        } catch (LitmusSyntaxException e) {
            throw syntaxError(magic, e);
        }
        try {
            return Lab.litmus(test, models.toArray(new String[0]));
        } catch (CancellationException e) {
            throw new CellFailure("Interrupted", "interrupted", List.of(Styles.red("Interrupted") + ": %%litmus was interrupted"));
        } catch (LitmusSyntaxException e) {
            throw syntaxError(magic, e); // a semantic mistake the parser leaves to the engine
        } catch (RuntimeException e) {
            // Over budget, a deadlock, an access to a non-location: the engine says what and where.
            String what = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new CellFailure(e.getClass().getName(), what, List.of(Styles.red(e.getClass().getSimpleName()) + ": " + what));
        }
    }

    /** A litmus syntax error at the cell's own line and column, with the line and a caret under it. */
    private static CellFailure syntaxError(CellMagic magic, LitmusSyntaxException e) {
        String[] body = magic.body().split("\n", -1);
        int line = magic.bodyLine() + e.line(); // 1-based in the cell: the magic line is line 1
        String text = e.line() >= 1 && e.line() <= body.length ? body[e.line() - 1] : "";
        String message = "expected " + e.expected() + " but found " + e.found();
        String prefix = Styles.dim("line " + line + " | ");
        int caret = Math.max(0, Math.min(e.column() - 1, text.length()));
        return new CellFailure("LitmusSyntaxError", "line " + line + ", column " + e.column() + ": " + message,
                List.of(Styles.red("LitmusSyntaxError") + ": " + e.file() + ":" + line + ":" + e.column() + ": " + message,
                        prefix + text,
                        " ".repeat(prefix.length() - Styles.invisible(prefix) + caret) + Styles.red("^")));
    }

    /** Runs one magic; returns what to print. */
    static String run(List<String> magic, JavaRepl repl) {
        if (magic.isEmpty()) {
            throw failure("an empty magic: write %jars, %classpath or %maven");
        }
        String name = magic.get(0);
        List<String> args = magic.subList(1, magic.size());
        switch (name) {
            case "jars":
                return jars(args, repl);
            case "classpath":
                if (args.isEmpty()) {
                    return String.join("\n", repl.classPath());
                }
                for (String a : args) {
                    add(repl, Paths.get(a));
                }
                return "";
            case "maven":
                throw failure("%maven " + String.join(" ", args) + ": this kernel does not download from Maven "
                        + "(it runs offline). Fetch the jar with `mvn dependency:copy -Dartifact=G:A:V "
                        + "-DoutputDirectory=lib` in a shell, then `%jars lib/*.jar` here.");
            default:
                throw failure("unknown magic %" + name + "; this kernel knows %jars, %classpath and %maven");
        }
    }

    private static String jars(List<String> globs, JavaRepl repl) {
        if (globs.isEmpty()) {
            throw failure("%jars needs at least one jar or glob, e.g. %jars lib/*.jar");
        }
        List<String> added = new ArrayList<>();
        for (String g : globs) {
            List<Path> found = glob(g);
            if (found.isEmpty()) {
                throw failure("%jars " + g + ": no jar matches (relative paths start at "
                        + Paths.get("").toAbsolutePath() + ")");
            }
            for (Path p : found) {
                add(repl, p);
                added.add(p.toString());
            }
        }
        return "added " + String.join(", ", added);
    }

    private static void add(JavaRepl repl, Path p) {
        try {
            repl.addToClassPath(p.toAbsolutePath().normalize().toString());
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage());
        }
    }

    private static List<Path> glob(String pattern) {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            Path p = Paths.get(pattern);
            return Files.exists(p) ? List.of(p) : List.of();
        }
        Path dir = Paths.get(pattern).getParent();
        Path base = dir == null ? Paths.get("") : dir;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + Paths.get(pattern).getFileName());
        try (Stream<Path> s = Files.list(base.toAbsolutePath())) {
            return s.filter(p -> m.matches(p.getFileName())).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (w.length() > 0) {
                    words.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    private static CellFailure failure(String message) {
        return new CellFailure("MagicError", message, List.of(Styles.red("MagicError") + ": " + message));
    }
}
