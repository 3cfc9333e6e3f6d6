package daxlab.dax.c;

import java.util.ArrayList;
import java.util.List;

/** Splits kernel C into tokens; comments and white space go, positions stay. */
public final class Lexer {
    /** Punctuators, longest first so that {@code ->} wins over {@code -}. */
    private static final String[] PUNCTS = {"<<=", ">>=", "...", "->", "&&", "||", "==", "!=", "<=", ">=", "<<", ">>",
        "++", "--", "+=", "-=", "*=", "/=", "&=", "|=", "^=", "(", ")", "{", "}", "[", "]", ";", ",", "&", "*", "!",
        "=", "-", "+", "<", ">", ":", "?", ".", "|", "^", "~", "/", "%"};

    private final String source;
    private final String text;
    private int i;
    private int line = 1;
    private int col = 1;

    private Lexer(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** The tokens of {@code text}, ending with one EOF token; {@code source} names the text in errors. */
    public static List<Token> tokens(String source, String text) {
        return new Lexer(source, text).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipBlanks();
            Pos pos = new Pos(line, col);
            if (i >= text.length()) {
                out.add(new Token(Token.Kind.EOF, "", pos));
                return out;
            }
            char ch = text.charAt(i);
            if (Character.isLetter(ch) || ch == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    advance();
                }
                out.add(new Token(Token.Kind.IDENT, text.substring(start, i), pos));
            } else if (Character.isDigit(ch)) {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)))) {
                    advance();
                }
                String n = text.substring(start, i);
                if (!n.matches("0[xX][0-9a-fA-F]+[uUlL]*|[0-9]+[uUlL]*")) {
                    throw new KernelCException(source, text, pos, "a number", "'" + n + "'");
                }
                out.add(new Token(Token.Kind.NUMBER, n, pos));
            } else if (ch == '#') {
                throw new KernelCException(source, text, pos, "C code (preprocessor lines are not read)", "'#'");
            } else if (ch == '"' || ch == '\'') {
                throw new KernelCException(source, text, pos, "C code the models run (no strings or characters)",
                        "'" + ch + "'");
            } else {
                String p = punct();
                if (p == null) {
                    throw new KernelCException(source, text, pos, "C code", "'" + ch + "'");
                }
                for (int k = 0; k < p.length(); k++) {
                    advance();
                }
                out.add(new Token(Token.Kind.PUNCT, p, pos));
            }
        }
    }

    private String punct() {
        for (String p : PUNCTS) {
            if (text.startsWith(p, i)) {
                return p;
            }
        }
        return null;
    }

    private void skipBlanks() {
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                advance();
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    advance();
                }
            } else if (text.startsWith("/*", i)) {
                Pos start = new Pos(line, col);
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new KernelCException(source, text, start, "'*/' to close this comment", "the end of the text");
                }
                while (i < end + 2) {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    private void advance() {
        if (text.charAt(i) == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        i++;
    }
}
