package daxlab.kernel;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
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
 */
final class Magics {
    /** A cell with its magic lines taken out, and those lines. */
    record Parsed(String javaCode, List<List<String>> magics) {
    }

    private Magics() {
    }

    static Parsed parse(String cell) {
        List<List<String>> magics = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("%") && !t.startsWith("%%")) {
                magics.add(words(t.substring(1)));
            } else if (t.startsWith("%%")) {
                throw new CellFailure("MagicError", "cell magics (%%) are not supported; line magics are %jars, %classpath, %maven",
                        List.of(Styles.red("MagicError") + ": cell magic on line " + (i + 1) + ": " + t));
            } else {
                java.append(lines[i]);
            }
            if (i < lines.length - 1) {
                java.append('\n');
            }
        }
        return new Parsed(java.toString(), magics);
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
