package daxlab.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * JShell's execution engine, in the kernel's own JVM and on the calling thread.
 *
 * <p>JShell normally runs snippets in a second JVM and sends back only their {@code toString()}.
 * Here a snippet's value stays a real object ({@link #takeValue()}), so the kernel's renderers can
 * draw a {@code Histogram} as a chart; and snippet classes load in a child of the system class
 * loader, so {@code daxlab.*} classes are the kernel's own (one {@code Histogram.class}, which the
 * renderer registry keys on).
 *
 * <p>Stopping is cooperative: {@link #stop()} interrupts the thread running the snippet. The
 * enumerators check {@link Thread#isInterrupted()} and give up with a
 * {@link java.util.concurrent.CancellationException}; {@code Thread.sleep} and blocking I/O throw
 * {@code InterruptedException}. (JShell's own local engine would stop threads by force, which
 * modern JDKs no longer allow.)
 */
final class InProcessExecution extends DirectExecutionControl {
    private final Object lock = new Object();
    private Thread running;
    private Object value;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        synchronized (lock) {
            running = Thread.currentThread();
        }
        try {
            Object result = doitMethod.invoke(null);
            value = result;
            return valueString(result);
        } finally {
            synchronized (lock) {
                running = null;
            }
        }
    }

    /** The value of the snippet that ran last (null for statements), and forgets it. */
    Object takeValue() {
        Object v = value;
        value = null;
        return v;
    }

    /** Asks the running snippet to stop; returns false when none was running. */
    boolean interrupt() {
        synchronized (lock) {
            if (running == null) {
                return false;
            }
            running.interrupt();
            return true;
        }
    }

    @Override
    public void stop() {
        interrupt();
    }

    /** Hands JShell one {@link InProcessExecution} and keeps it for the kernel. */
    static final class Provider implements ExecutionControlProvider {
        private InProcessExecution execution;

        @Override
        public String name() {
            return "daxlab-in-process";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            execution = new InProcessExecution();
            return execution;
        }

        InProcessExecution execution() {
            if (execution == null) {
                throw new IllegalStateException("JShell has not started its execution engine yet");
            }
            return execution;
        }
    }
}
