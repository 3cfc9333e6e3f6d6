package daxlab.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
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
 * logs it to the kernel's stderr, counts it, and keeps serving.
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

    /**
     * A shell or control channel with its own receive loop: jjava's loop reads messages through a
     * call this class cannot override, so the loop is redone here, the same steps, with a bad
     * signature caught around the read.
     */
    static final class GuardedShellChannel extends ShellChannel {
        private static final long IDLE_SLEEP_MS = 20;
        private final boolean control;
        private final JupyterConnection connection;
        private volatile Loop loop;

        GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
            super(context, hmac, control, connection);
            this.control = control;
            this.connection = connection;
        }

        @Override
        public void bind(KernelConnectionProperties props) {
            int port = control ? props.getControlPort() : props.getShellPort();
            String address = props.getTransport() + "://" + props.getIp() + ":" + port;
            bind(address);
            ZMQ.Poller poller = ctx.poller(1);
            poller.register(this, ZMQ.Poller.POLLIN);
            loop = new Loop(control ? "daxlab-control" : "daxlab-shell", IDLE_SLEEP_MS, () -> {
                if (poller.poll(0) > 0) {
                    serve();
                }
            });
            loop.start();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void serve() {
            Message<?> message;
            try {
                message = readMessage();
            } catch (SecurityException e) {
                // The whole multipart message has been read. Answering would tell a forger
                // something, so it is dropped: no reply, nothing run; the loop goes on.
                long n = REFUSED.incrementAndGet();
                System.err.println("daxlab kernel: refused a message with a bad HMAC signature on the "
                        + (control ? "control" : "shell") + " channel (" + n + " so far)");
                return;
            }
            ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                System.err.println("daxlab kernel: no handler for " + message.getHeader().getType().getName());
                return;
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            try {
                handler.handle(env, message);
            } catch (Exception e) {
                System.err.println("daxlab kernel: " + message.getHeader().getType().getName() + " failed: " + e);
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) {
                connection.close();
            }
        }

        @Override
        public void close() {
            Loop l = loop;
            if (l != null) {
                l.shutdown();
            }
            super.close();
        }

        @Override
        public void waitUntilClose() {
            Loop l = loop;
            if (l != null) {
                try {
                    l.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
