package daxlab.litmus;

/**
 * Tokens on demand, so that the parser can say which comment syntax applies where.
 *
 * <p>A litmus file mixes two languages: the frame (header, init block, {@code locations},
 * condition) is herd's, whose comments are OCaml's nestable {@code (* ... *)}; the thread bodies
 * are C, where {@code (*p)} is a dereference. C's {@code //} and {@code /* *}{@code /} comments
 * are accepted everywhere (herd7 does too). The parser switches the mode at the boundaries; the
 * lexer never looks ahead more than one token, and a mode switch re-reads that token.
 */
final class LitmusLexer {
    private static final String[] PUNCT = {
        "/\\", "\\/", "==", "!=", "<=", ">=", "&&", "||", "->",
        "{", "}", "(", ")", "[", "]", ";", ",", "*", "&", "=", "<", ">", "!", "~", "+", "-", "|", "^", ":", ".", "/", "%",
    };

    private final String src;
    private final String file;
    private int pos;
    private int line = 1;
    private int col = 1;
    private boolean cMode;
    private LitmusToken peeked;

    LitmusLexer(String src, String file) {
        this.src = src;
        this.file = file;
    }

    String file() {
        return file;
    }

    /** C mode: {@code (*} is a parenthesis and a star; frame mode: it opens a nested {@code (* *)} comment. */
    void cMode(boolean on) {
        if (on == cMode) {
            return;
        }
        if (peeked != null) {
            pos = peeked.offset();
            line = peeked.line();
            col = peeked.column();
            peeked = null;
        }
        cMode = on;
    }

    LitmusToken peek() {
        if (peeked == null) {
            peeked = lex();
        }
        return peeked;
    }

    LitmusToken next() {
        LitmusToken t = peek();
        peeked = null;
        return t;
    }

    /** The rest of the current line, raw (for the test name after {@code C}). */
    LitmusToken restOfLine() {
        if (peeked != null) {
            pos = peeked.offset();
            line = peeked.line();
            col = peeked.column();
            peeked = null;
        }
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            advance();
        }
        int start = pos;
        int l = line;
        int c = col;
        while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            advance();
        }
        return new LitmusToken(LitmusToken.Kind.IDENT, src.substring(start, pos).strip(), start, l, c);
    }

    LitmusToken expect(String s, String what) {
        LitmusToken t = next();
        if (!t.is(s)) {
            throw error(t, what);
        }
        return t;
    }

    LitmusToken ident(String what) {
        LitmusToken t = next();
        if (!t.isIdent()) {
            throw error(t, what);
        }
        return t;
    }

    boolean accept(String s) {
        if (peek().is(s)) {
            next();
            return true;
        }
        return false;
    }

    /** The value of a NUMBER token, decimal or hex. */
    long number(LitmusToken t) {
        try {
            String s = t.text();
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error(t, "a number");
        }
    }

    LitmusSyntaxException error(LitmusToken at, String expected) {
        return new LitmusSyntaxException(file, at.line(), at.column(), expected, at.quoted());
    }

    private void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        pos++;
    }

    private boolean at(String s) {
        return src.startsWith(s, pos);
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (Character.isWhitespace(ch)) {
                advance();
            } else if (!cMode && at("(*")) {
                skipOcamlComment();
            } else if (at("//")) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    advance();
                }
            } else if (at("/*")) {
                int l = line;
                int c = col;
                advance();
                advance();
                while (pos < src.length() && !at("*/")) {
                    advance();
                }
                if (pos >= src.length()) {
                    throw new LitmusSyntaxException(file, l, c, "'*/' closing this comment", "end of file");
                }
                advance();
                advance();
            } else {
                return;
            }
        }
    }

    private void skipOcamlComment() {
        int l = line;
        int c = col;
        int depth = 0;
        do {
            if (pos >= src.length()) {
                throw new LitmusSyntaxException(file, l, c, "'*)' closing this comment", "end of file");
            }
            if (at("(*")) {
                depth++;
                advance();
                advance();
            } else if (at("*)")) {
                depth--;
                advance();
                advance();
            } else {
                advance();
            }
        } while (depth > 0);
    }

    private LitmusToken lex() {
        skipSpaceAndComments();
        int start = pos;
        int l = line;
        int c = col;
        if (pos >= src.length()) {
            return new LitmusToken(LitmusToken.Kind.EOF, "", start, l, c);
        }
        char ch = src.charAt(pos);
        if (Character.isLetter(ch) || ch == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                advance();
            }
            return new LitmusToken(LitmusToken.Kind.IDENT, src.substring(start, pos), start, l, c);
        }
        if (Character.isDigit(ch)) {
            if (at("0x") || at("0X")) {
                advance();
                advance();
            }
            while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
                advance();
            }
            return new LitmusToken(LitmusToken.Kind.NUMBER, src.substring(start, pos), start, l, c);
        }
        if (ch == '"') {
            advance();
            while (pos < src.length() && src.charAt(pos) != '"' && src.charAt(pos) != '\n') {
                advance();
            }
            if (pos >= src.length() || src.charAt(pos) != '"') {
                throw new LitmusSyntaxException(file, l, c, "'\"' closing this string", "end of line");
            }
            advance();
            return new LitmusToken(LitmusToken.Kind.STRING, src.substring(start, pos), start, l, c);
        }
        for (String p : PUNCT) {
            if (at(p)) {
                for (int i = 0; i < p.length(); i++) {
                    advance();
                }
                return new LitmusToken(LitmusToken.Kind.PUNCT, p, start, l, c);
            }
        }
        advance();
        throw new LitmusSyntaxException(file, l, c, "a token", shown(src.codePointAt(start)));
    }

    /** A character as an error quotes it: itself when printable, else its code point (a NUL, a control character). */
    static String shown(int codePoint) {
        boolean printable = !Character.isISOControl(codePoint) && Character.isDefined(codePoint)
                && Character.getType(codePoint) != Character.FORMAT && !Character.isWhitespace(codePoint);
        return printable ? "'" + new String(Character.toChars(codePoint)) + "'"
                : String.format("the character U+%04X", codePoint);
    }
}
