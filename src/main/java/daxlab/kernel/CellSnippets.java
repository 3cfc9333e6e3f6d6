package daxlab.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * A notebook cell cut into JShell snippets, each remembering where it starts in the cell, so
 * that errors can name the cell's own line numbers.
 */
final class CellSnippets {
    /**
     * One snippet: the source JShell gets (from its first code character on) and where that
     * starts in the cell: offset, 0-based line and column. Compile errors and stack traces both
     * count from there.
     */
    record Piece(String source, int offset, int line, int column, int codeLine, Completeness completeness) {
    }

    private final String text;
    private final List<Piece> pieces;

    private CellSnippets(String text, List<Piece> pieces) {
        this.text = text;
        this.pieces = List.copyOf(pieces);
    }

    static CellSnippets split(String text, SourceCodeAnalysis analysis) {
        List<Piece> pieces = new ArrayList<>();
        int consumed = 0;
        String remaining = text;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            int used = remaining.length() - info.remaining().length();
            if (used <= 0) {
                used = remaining.length();
            }
            String chunk = remaining.substring(0, used);
            String source = info.completeness().isComplete() || info.completeness() == Completeness.CONSIDERED_INCOMPLETE
                    ? info.source() : chunk;
            if (source == null) {
                source = chunk;
            }
            // JShell numbers a snippet's lines reliably only when its source starts with code, so
            // leading blanks and comments are cut off here (comments carry nothing JShell uses).
            source = source.substring(codeStart(source));
            int start = consumed + codeStart(chunk);
            int line = lineOf(text, start);
            pieces.add(new Piece(source, start, line, columnOf(text, start), line, info.completeness()));
            consumed += used;
            // An incomplete snippet comes back whole as "remaining": it takes the rest of the cell.
            remaining = info.remaining().length() < remaining.length() ? info.remaining() : "";
        }
        return new CellSnippets(text, pieces);
    }

    List<Piece> pieces() {
        return pieces;
    }

    String text() {
        return text;
    }

    /** The cell's line {@code line} (0-based), or "" past the end. */
    String line(int line) {
        String[] lines = text.split("\n", -1);
        return line >= 0 && line < lines.length ? lines[line] : "";
    }

    /** The piece holding the cursor, or null. */
    Piece at(int cursor) {
        Piece found = null;
        for (Piece p : pieces) {
            if (p.offset() <= cursor) {
                found = p;
            }
        }
        return found;
    }

    /** Where the code starts in a chunk: after blanks, line comments and block comments. */
    static int codeStart(String chunk) {
        int i = 0;
        while (i < chunk.length()) {
            if (Character.isWhitespace(chunk.charAt(i))) {
                i++;
            } else if (chunk.startsWith("//", i)) {
                int nl = chunk.indexOf('\n', i);
                i = nl < 0 ? chunk.length() : nl + 1;
            } else if (chunk.startsWith("/*", i)) {
                int end = chunk.indexOf("*/", i + 2);
                i = end < 0 ? chunk.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int columnOf(String text, int offset) {
        int nl = text.lastIndexOf('\n', Math.max(0, offset - 1));
        return nl < 0 || offset == 0 ? offset : offset - nl - 1;
    }
}
