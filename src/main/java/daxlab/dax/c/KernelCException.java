package daxlab.dax.c;

/**
 * Kernel C that cannot be read or run: where (the text's name, line and column), what was expected
 * there, what was found instead, and the line itself with a caret under the place. Semantic
 * mistakes (an unknown name, a primitive the models do not know) are reported the same way, at
 * the token that is wrong.
 */
public final class KernelCException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    /**
     * @param source   what the text is, as the message starts: {@code fix("check, then release")}
     * @param text     the whole text, for the line shown under the message
     * @param pos      where
     * @param expected what would have been right there
     * @param found    what is there
     */
    public KernelCException(String source, String text, Pos pos, String expected, String found) {
        super(source + ":" + pos.line() + ":" + pos.column() + ": expected " + expected + " but found " + found
                + excerpt(text, pos));
        this.source = source;
        this.line = pos.line();
        this.column = pos.column();
        this.expected = expected;
        this.found = found;
    }

    /** The line of the text, and a caret under the column (tabs kept, so that it lines up). */
    private static String excerpt(String text, Pos pos) {
        String[] lines = text.split("\n", -1);
        if (pos.line() < 1 || pos.line() > lines.length) {
            return "";
        }
        String l = lines[pos.line() - 1].stripTrailing();
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < pos.column() - 1 && i < l.length(); i++) {
            caret.append(l.charAt(i) == '\t' ? '\t' : ' ');
        }
        return "\n    " + l + "\n    " + caret + "^";
    }

    public String source() {
        return source;
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
