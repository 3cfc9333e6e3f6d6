package daxlab.stress;

/** A stress run could not start or finish: no Java, no jar, a test that cannot run here, a child that failed. */
public final class StressException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StressException(String message) {
        super(message);
    }

    public StressException(String message, Throwable cause) {
        super(message, cause);
    }
}
