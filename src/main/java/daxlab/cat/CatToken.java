package daxlab.cat;

/**
 * One token of a cat file. {@code text} is the identifier, tag (without its quote), string
 * (without its quotes) or operator as written.
 */
record CatToken(Kind kind, String text, CatPos pos) {

    enum Kind {
        /** A name: {@code po-loc}, {@code Rcu-lock}, {@code let} (keywords are names to the lexer). */
        NAME,
        /** {@code 'ONCE} */
        TAG,
        /** {@code "lkmmv2"} */
        STRING,
        /** Punctuation and operators: {@code ( ) [ ] { } | || & && ; \ * + ? ~ ^-1 ++ = , -> _ 0}. */
        SYMBOL,
        EOF
    }

    boolean is(String symbolOrKeyword) {
        return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbolOrKeyword);
    }

    String describe() {
        switch (kind) {
            case EOF: return "the end of the file";
            case STRING: return "\"" + text + "\"";
            case TAG: return "'" + text;
            default: return "'" + text + "'";
        }
    }
}
