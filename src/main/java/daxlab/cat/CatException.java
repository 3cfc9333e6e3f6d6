package daxlab.cat;

/**
 * A cat model that cannot be read or run: a syntax error, a name that is not bound, a value of
 * the wrong kind. The message starts with {@code file:line:col} when there is a place to point at.
 */
public class CatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CatPos pos;

    public CatException(CatPos pos, String message) {
        super(pos == null ? message : pos + ": " + message);
        this.pos = pos;
    }

    /** Where, or null for a problem with no place (a missing file). */
    public CatPos pos() {
        return pos;
    }
}
