package daxlab.cat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel primitives of {@code linux-kernel.def} and the tags each gives its events:
 * {@code READ_ONCE(X) __load{ONCE}(X)} tags a load {@code ONCE}; {@code atomic_read(X)
 * READ_ONCE(*X)} takes READ_ONCE's tags. One line per primitive; {@code //} starts a comment.
 */
final class DefFile {
    /** One primitive: the tags of its first access ({@code __load{...}}), else the primitives it calls. */
    private record Macro(CatPos pos, List<String> tags, boolean hasAccess, List<String> calls) {
    }

    private static final Pattern HEAD = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)\\s*(.*)$");
    private static final Pattern ACCESS = Pattern.compile("__([A-Za-z_]+)\\s*(\\{([^}]*)\\})?");
    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z][A-Za-z0-9_]*)\\s*\\(");

    private final String file;
    private final Map<String, Macro> macros;

    private DefFile(String file, Map<String, Macro> macros) {
        this.file = file;
        this.macros = macros;
    }

    static DefFile parse(String file, String text) {
        Map<String, Macro> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf("//");
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            if (line.isBlank()) {
                continue;
            }
            CatPos pos = new CatPos(file, i + 1, 1);
            Matcher m = HEAD.matcher(line);
            if (!m.matches()) {
                throw new CatException(pos, "expected a primitive: NAME(ARGS) BODY");
            }
            String body = m.group(3);
            List<String> tags = new ArrayList<>();
            Matcher a = ACCESS.matcher(body);
            boolean hasAccess = a.find();
            if (hasAccess && a.group(3) != null) {
                for (String t : a.group(3).split(",")) {
                    if (!t.isBlank()) {
                        tags.add(t.trim());
                    }
                }
            }
            List<String> calls = new ArrayList<>();
            Matcher c = CALL.matcher(body);
            while (c.find()) {
                calls.add(c.group(1));
            }
            out.put(m.group(1), new Macro(pos, List.copyOf(tags), hasAccess, List.copyOf(calls)));
        }
        return new DefFile(file, out);
    }

    /**
     * The tags of the events {@code primitive} makes.
     *
     * @throws CatException when the file does not define it
     */
    List<String> tags(String primitive) {
        return tags(primitive, 0);
    }

    private List<String> tags(String primitive, int depth) {
        Macro m = macros.get(primitive);
        if (m == null) {
            throw new CatException(null, file + " defines no " + primitive + ", which daxlab's programs use");
        }
        if (m.hasAccess() || depth > 16) {
            return m.tags();
        }
        for (String c : m.calls()) {
            if (macros.containsKey(c)) {
                return tags(c, depth + 1);
            }
        }
        return List.of();
    }
}
