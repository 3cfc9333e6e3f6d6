/**
 * What keeps a notebook cell from taking the kernel down with it: the cell's classes are rewritten
 * as JShell loads them ({@link daxlab.kernel.guard.CellInstrumenter}) so that every loop and every
 * method entry passes an interrupt {@link daxlab.kernel.guard.Checkpoints checkpoint}, and so that
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} fail the cell instead of
 * ending the JVM the kernel shares with it.
 *
 * <p>Rewriting the bytecode works the same on every Java version: {@code Thread.stop} throws on
 * Java 20 and later, and the SecurityManager that used to refuse exits is gone in Java 24.
 */
package daxlab.kernel.guard;
