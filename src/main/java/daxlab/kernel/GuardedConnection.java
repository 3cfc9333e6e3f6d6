package daxlab.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * jjava's connection with shell and control channels that survive a forged message.
 *
 * <p>jjava checks every message's HMAC signature against the key from the connection file and
 * throws on a mismatch; but it throws from the channel's loop, which ends the loop: one message
 * with a bad signature would leave the kernel deaf. The Jupyter protocol says to ignore such
 * messages. {@link GuardedShellChannel} does that: it drops the message (no reply, nothing run),
 * logs it to the kernel's stderr, counts it, and keeps serving.
 *
 * <p>The shell channel also answers completion and inspection while a cell runs: the execute
 * handler, waiting on the shell thread for the cell thread, lets the channel serve such requests
 * meanwhile ({@link #serveShellAside}) and hold the others for after the cell. All of it stays on
 * the shell thread, since a ZeroMQ socket must not be used by two threads.
 */
final class GuardedConnection extends JupyterConnection {
    private static final AtomicLong REFUSED = new AtomicLong();
    static final int IOPUB_QUEUE = 100_000;

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

    /** See {@link GuardedShellChannel#serveAside}: the shell channel's, for the execute handler. */
    void serveShellAside(long millis) {
        guardedShell.serveAside(millis);
    }

    /** Messages refused for a bad signature since the kernel started. */
    static long refused() {
        return REFUSED.get();
    }

    @Override
    public void connect() {
        // The inherited shell and control sockets stay unbound; ours take their ports.
        // ZeroMQ drops what exceeds a PUB socket's queue, silently, idle status included: with
        // output batched a cell sends few messages, and this leaves room for display() floods.
        iopub.setSndHWM(IOPUB_QUEUE);
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
        /** Requests that need no cell, so they are answered while one runs. */
        private static final Set<MessageType<?>> ANSWERED_ASIDE = Set.of(MessageType.COMPLETE_REQUEST,
                MessageType.INSPECT_REQUEST, MessageType.IS_COMPLETE_REQUEST, MessageType.KERNEL_INFO_REQUEST,
                MessageType.HISTORY_REQUEST, MessageType.COMM_INFO_REQUEST);

        private final JupyterConnection connection;
        private final Deque<Message<?>> held = new ArrayDeque<>();
        private volatile Loop loop;
        private volatile ZMQ.Poller poller;

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
            this.poller = poller;
            loop = new Loop(control ? "daxlab-control" : "daxlab-shell", IDLE_SLEEP_MS, () -> {
                Message<?> next = held.poll();
                if (next != null) {
                    dispatch(next);
                } else if (poller.poll(0) > 0) {
                    Message<?> m = read();
                    if (m != null) {
                        dispatch(m);
                    }
                }
            });
            loop.start();
        }

        /**
         * Called by a handler that waits (a running cell), on this channel's own thread: serves the
         * requests that need no cell (completion, inspection, is_complete, kernel_info, history,
         * comm_info) for up to {@code millis}, and holds the others (the next execute_request) for
         * the loop to serve, in order, once the handler returns. Elsewhere it just waits.
         */
        void serveAside(long millis) {
            ZMQ.Poller p = poller;
            if (Thread.currentThread() != loop || p == null) {
                sleep(millis);
                return;
            }
            if (p.poll(millis) <= 0) {
                return;
            }
            Message<?> m = read();
            if (m == null) {
                return;
            }
            if (ANSWERED_ASIDE.contains(m.getHeader().getType())) {
                dispatch(m);
            } else {
                held.add(m);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next message, or null when it was refused (bad signature). */
        private Message<?> read() {
            try {
                return readMessage();
            } catch (SecurityException e) {
                // The whole multipart message has been read. Answering would tell a forger
                // something, so it is dropped: no reply, nothing run; the loop goes on.
                long n = REFUSED.incrementAndGet();
                System.err.println("daxlab kernel: refused a message with a bad HMAC signature on the "
                        + (control ? "control" : "shell") + " channel (" + n + " so far)");
                return null;
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void dispatch(Message<?> message) {
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
