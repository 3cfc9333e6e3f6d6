package daxlab.kernel;

import daxlab.kernel.guard.Checkpoints;
import daxlab.kernel.guard.GuardedLoaderDelegate;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * JShell's execution engine, in the kernel's own JVM and on the calling thread.
 *
 * <p>JShell normally runs snippets in a second JVM and sends back only their {@code toString()}.
 * Here a snippet's value stays a real object ({@link #takeValue()}), so the kernel's renderers can
 * draw a {@code Histogram} as a chart; and snippet classes load in a child of the kernel's class
 * loader, so {@code daxlab.*} classes are the kernel's own (one {@code Histogram.class}, which the
 * renderer registry keys on).
 *
 * <p>Snippet classes are rewritten as they load ({@link GuardedLoaderDelegate}): every loop and
 * method entry of cell code passes a {@link Checkpoints checkpoint}, so {@link #interrupt()} stops
 * even {@code while (true) {}} on any Java version; library code checks the thread's interrupt
 * flag, which {@link #interrupt()} sets too, and {@code Thread.sleep} and blocking I/O throw
 * {@code InterruptedException}.
 *
 * <p>While a snippet runs, the session lock of {@link JavaRepl} is released, so completion and
 * inspection (which need JShell's compiler, idle while user code runs) answer meanwhile.
 */
final class InProcessExecution extends DirectExecutionControl {
    private final Object lock = new Object();
    private final ReentrantLock session;
    private Thread running;
    private Object value;

    InProcessExecution(ReentrantLock session) {
        super(new GuardedLoaderDelegate(InProcessExecution.class.getClassLoader()));
        this.session = session;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        synchronized (lock) {
            running = Thread.currentThread();
        }
        int holds = session.isHeldByCurrentThread() ? session.getHoldCount() : 0;
        for (int i = 0; i < holds; i++) {
            session.unlock();
        }
        try {
            Object result = doitMethod.invoke(null);
            value = result;
            return valueString(result);
        } finally {
            synchronized (lock) {
                running = null;
            }
            for (int i = 0; i < holds; i++) {
                session.lock();
            }
        }
    }

    /** The value of the snippet that ran last (null for statements), and forgets it. */
    Object takeValue() {
        Object v = value;
        value = null;
        return v;
    }

    boolean isRunning() {
        synchronized (lock) {
            return running != null;
        }
    }

    /** The thread running a snippet now, or null. */
    Thread runningThread() {
        synchronized (lock) {
            return running;
        }
    }

    /** Asks the running snippet to stop; returns false when none was running. */
    boolean interrupt() {
        synchronized (lock) {
            if (running == null) {
                return false;
            }
            Checkpoints.requestStop();
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
        private final ReentrantLock session;
        private InProcessExecution execution;

        Provider(ReentrantLock session) {
            this.session = session;
        }

        @Override
        public String name() {
            return "daxlab-in-process";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            execution = new InProcessExecution(session);
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
