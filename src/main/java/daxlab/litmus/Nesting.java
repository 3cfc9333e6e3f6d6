package daxlab.litmus;

/**
 * How deep the parser is inside nested constructs (parentheses, operators, blocks, ifs,
 * negations), so that input nested thousands deep is an error at the place it goes too deep
 * instead of a stack overflow: the parser, and every engine walking what it built, recurse as
 * deep as the nesting. {@link #MAX} is far beyond what any litmus test needs (the kernel's nest
 * a few levels) and far below what a thread's stack holds.
 */
final class Nesting {
    /** The deepest nesting accepted, of statements and of expressions alike. */
    static final int MAX = 128;

    private final LitmusLexer lx;
    private int depth;

    Nesting(LitmusLexer lx) {
        this.lx = lx;
    }

    /** One level deeper, at {@code at}; fails past {@link #MAX}. Pair with {@link #leave()}. */
    void enter(LitmusToken at, String what) {
        if (++depth > MAX) {
            throw tooDeep(lx, at, what);
        }
    }

    void leave() {
        depth--;
    }

    /** The error for {@code what} nested past {@link #MAX} levels at {@code at}. */
    static LitmusSyntaxException tooDeep(LitmusLexer lx, LitmusToken at, String what) {
        return new LitmusSyntaxException(lx.file(), at.line(), at.column(), "at most " + MAX + " levels of nested "
                + what, at.quoted() + " at level " + (MAX + 1));
    }
}
