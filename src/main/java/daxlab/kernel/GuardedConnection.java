package daxlab.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * jjava's connection with shell and control channels that survive a forged message.
 *
 * <p>jjava checks every message's HMAC signature against the key from the connection file and
 * throws on a mismatch; but it throws from the channel's loop, which ends the loop: one message
 * with a bad signature would leave the kernel deaf. The Jupyter protocol says to ignore such
 * messages. {@link GuardedShellChannel} does that: it drops the message (no reply, nothing run),
 * logs it, counts it, and keeps serving.
 */
final class GuardedConnection extends JupyterConnection {
    private static final AtomicLong REFUSED = new AtomicLong();

    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;

    GuardedConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        guardedShell = new GuardedShellChannel(context, hmac, false, this);
        guardedControl = new GuardedShellChannel(context, hmac, true, this);
    }

    /** Messages refused for a bad signature since the kernel started. */
    static long refused() {
        return REFUSED.get();
    }

    @Override
    public void connect() {
        // The inherited shell and control sockets stay unbound; ours take their ports.
        heartbeat.bind(props);
        guardedShell.bind(props);
        guardedControl.bind(props);
        stdin.bind(props);
        iopub.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        guardedShell.close();
        guardedControl.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        super.waitUntilClose();
    }

    /** A shell/control channel that turns a badly signed message into one nobody handles. */
    static final class GuardedShellChannel extends ShellChannel {
        private final boolean control;

        GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
            super(context, hmac, control, connection);
            this.control = control;
        }

        @Override
        public synchronized Message<?> readMessage() {
            try {
                return super.readMessage();
            } catch (SecurityException e) {
                // The whole multipart message has been read; answering would tell a forger
                // something, so the message is dropped. UNKNOWN has no handler: the loop logs
                // "unhandled" and goes on.
                long n = REFUSED.incrementAndGet();
                System.err.println("daxlab kernel: refused a message with a bad HMAC signature on the "
                        + (control ? "control" : "shell") + " channel (" + n + " so far)");
                return new Message<>(null, MessageType.UNKNOWN, null);
            }
        }
    }
}
