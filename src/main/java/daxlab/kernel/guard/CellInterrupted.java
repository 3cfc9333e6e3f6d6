package daxlab.kernel.guard;

/**
 * Thrown at a checkpoint in cell code once the cell is interrupted. An {@link Error}, like the
 * old {@code ThreadDeath}, so that a cell's {@code catch (Exception e)} does not swallow it; a
 * cell that catches {@code Throwable} in a loop meets it again at the loop's next iteration.
 */
public final class CellInterrupted extends Error {
    private static final long serialVersionUID = 1L;

    CellInterrupted() {
        super("interrupted");
    }
}
