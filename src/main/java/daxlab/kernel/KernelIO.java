package daxlab.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.nio.charset.Charset;

/** jjava's notebook streams, with the hooks the kernel's own execute handler needs. */
final class KernelIO extends JupyterIO {
    KernelIO(Charset encoding) {
        super(encoding);
    }

    /** Sends stdout, stderr and display() of the running cell to {@code env}'s request. */
    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
        env.defer(() -> retractEnv(env));
    }
}
