package daxlab.dax;

import daxlab.dax.c.Ast;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a participant's versions share: how their names become labels and file names, and their kernel C. */
final class Own {
    /** Plain text that fits a row, a chart title, a litmus comment and a file name once made a token. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ,.;:!?'()+/&=<>_-]{1,60}");

    private Own() {
    }

    static void checkName(String name, String maker) {
        if (name == null || !NAME.matcher(name).matches() || name.isBlank() || !name.matches(".*[A-Za-z0-9].*")) {
            throw new IllegalArgumentException(maker + "(name, text): the name labels rows, charts and files: "
                    + "expected 1 to 60 characters of letters, digits, spaces and ,.;:!?'()+/&=<>_- (at least one "
                    + "letter or digit) but found " + (name == null ? "null" : "\"" + name + "\""));
        }
    }

    /** {@code yours-check-then-release}: the name as a token for file names, JSON and variant labels. */
    static String id(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return "yours-" + slug;
    }

    /** {@code check, then release (yours)}. */
    static String label(String name) {
        return name.trim() + " (yours)";
    }

    /**
     * A line's leading spaces as the kernel indents, a tab for each eight (a Java text block can
     * hardly hold tabs, so bodies typed in a cell come indented with spaces).
     */
    private static String tabs(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return "\t".repeat(spaces / 8) + line.substring(spaces - spaces % 8);
    }

    /**
     * The function as kernel C under a comment naming it: the text as written when it is a whole
     * function, else {@code header}, a brace, {@code frame} and the body indented by a tab.
     */
    static String kernelSource(Ast.Function fn, String text, String label, String header, String frame) {
        String comment = "/* " + label + " */\n";
        String body = text.endsWith("\n") ? text : text + "\n";
        if (fn.whole()) {
            return comment + body;
        }
        StringBuilder sb = new StringBuilder(comment).append(header).append("{\n").append(frame);
        for (String line : body.split("\n", -1)) {
            if (!line.isBlank()) {
                sb.append('\t').append(tabs(line));
            }
            sb.append('\n');
        }
        sb.setLength(sb.length() - 1);
        return sb.append("}\n").toString();
    }
}
