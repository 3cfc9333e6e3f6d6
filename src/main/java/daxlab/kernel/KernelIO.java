package daxlab.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.nio.charset.Charset;

/**
 * jjava's notebook streams, with the hooks the kernel's own execute handler needs: the cell's
 * {@code display()} and stdin. Its stdout and stderr go through {@link CellOutput}, batched.
 */
final class KernelIO extends JupyterIO {
    KernelIO(Charset encoding) {
        super(encoding);
    }

    /** Sends display() of the running cell to {@code env}'s request, and reads its stdin there. */
    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
        env.defer(() -> retractEnv(env));
    }
}
