package daxlab.kernel.guard;

/**
 * Thrown instead of ending the JVM when cell code calls {@code System.exit}, {@code Runtime.exit}
 * or {@code Runtime.halt}: the cell runs inside the kernel's own process.
 */
public final class ExitRefused extends Error {
    private static final long serialVersionUID = 1L;

    ExitRefused(String call) {
        super(call + " called in a cell; the kernel keeps running");
    }
}
