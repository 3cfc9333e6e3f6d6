package daxlab.cat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cat file into tokens. Names may contain {@code - . _} after their first letter
 * ({@code po-loc}, {@code after-srcu-read-unlock}); comments are {@code (* ... *)} (nested),
 * {@code //} and {@code #} to the end of the line.
 */
final class CatLexer {
    private final String file;
    private final String text;
    private int i;
    private int line = 1;
    private int lineStart;

    private CatLexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static List<CatToken> tokens(String file, String text) {
        return new CatLexer(file, text).all();
    }

    private CatPos pos() {
        return new CatPos(file, line, i - lineStart + 1);
    }

    private List<CatToken> all() {
        List<CatToken> out = new ArrayList<>();
        while (true) {
            skipBlanks();
            CatPos p = pos();
            if (i >= text.length()) {
                out.add(new CatToken(CatToken.Kind.EOF, "", p));
                return out;
            }
            char c = text.charAt(i);
            if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0 || text.substring(i, end).indexOf('\n') >= 0) {
                    throw new CatException(p, "unterminated string");
                }
                out.add(new CatToken(CatToken.Kind.STRING, text.substring(i + 1, end), p));
                i = end + 1;
            } else if (c == '\'') {
                i++;
                String n = name();
                if (n == null) {
                    throw new CatException(p, "expected a tag name after '");
                }
                out.add(new CatToken(CatToken.Kind.TAG, n, p));
            } else if (isLetter(c) || c == '_' && i + 1 < text.length() && isLetter(text.charAt(i + 1))) {
                out.add(new CatToken(CatToken.Kind.NAME, name(), p));
            } else {
                String s = symbol();
                if (s == null) {
                    throw new CatException(p, "unexpected character '" + c + "'");
                }
                out.add(new CatToken(CatToken.Kind.SYMBOL, s, p));
            }
        }
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** {@code '_'? letter (letter | digit | _ . -)* '?} at the cursor, or null. */
    private String name() {
        int start = i;
        if (i < text.length() && text.charAt(i) == '_') {
            i++;
        }
        if (i >= text.length() || !isLetter(text.charAt(i))) {
            i = start;
            return null;
        }
        while (i < text.length() && isNameChar(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return text.substring(start, i);
    }

    private static final String[] SYMBOLS = {"^-1", "||", "&&", "++", "->", "(", ")", "[", "]", "{", "}", "|", "&",
        ";", "\\", "*", "+", "?", "~", "=", ",", "_", "0"};

    private String symbol() {
        for (String s : SYMBOLS) {
            if (text.startsWith(s, i)) {
                i += s.length();
                return s;
            }
        }
        return null;
    }

    private void skipBlanks() {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                i++;
                line++;
                lineStart = i;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#' || text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("(*", i)) {
                comment();
            } else {
                return;
            }
        }
    }

    private void comment() {
        CatPos start = pos();
        int depth = 0;
        while (i < text.length()) {
            if (text.startsWith("(*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*)", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
                i++;
            }
        }
        throw new CatException(start, "comment not closed");
    }
}
