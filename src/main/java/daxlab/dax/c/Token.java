package daxlab.dax.c;

/** One token of the text, where it starts. */
public record Token(Kind kind, String text, Pos pos) {
    /** What a token is. */
    public enum Kind {
        IDENT, NUMBER, PUNCT, EOF
    }

    public boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    public boolean isIdent(String word) {
        return kind == Kind.IDENT && text.equals(word);
    }

    /** How an error message shows it: {@code ';'}, {@code 'WRITE_ONCE'}, or {@code the end of the text}. */
    public String shown() {
        return kind == Kind.EOF ? "the end of the text" : "'" + text + "'";
    }
}
