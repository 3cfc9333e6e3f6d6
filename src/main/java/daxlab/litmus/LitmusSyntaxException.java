package daxlab.litmus;

/**
 * A litmus file that cannot be read: where ({@code file:line:col}), what the parser expected
 * there, and what it found instead. Semantic mistakes (an unknown primitive, an undeclared
 * register) are reported the same way, at the token that is wrong.
 */
public final class LitmusSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    public LitmusSyntaxException(String file, int line, int column, String expected, String found) {
        super(file + ":" + line + ":" + column + ": expected " + expected + " but found " + found);
        this.file = file;
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
