package daxlab.litmus;

/** One token of a litmus file, with where it starts (1-based line and column). */
record LitmusToken(Kind kind, String text, int offset, int line, int column) {

    enum Kind { IDENT, NUMBER, PUNCT, STRING, EOF }

    boolean is(String s) {
        return kind != Kind.EOF && text.equals(s);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }

    /** How an error message quotes this token. */
    String quoted() {
        return kind == Kind.EOF ? "end of file" : "'" + text + "'";
    }
}
