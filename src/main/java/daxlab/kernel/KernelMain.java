package daxlab.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What Jupyter starts ({@code kernel.json}'s argv): {@code java ... daxlab.kernel.KernelMain
 * CONNECTION_FILE}. Binds the five sockets named in the connection file and serves until a
 * shutdown request.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        // The kernel swaps System.err for the notebook's stream while a cell runs; its own log
        // goes to the real stderr (Jupyter's console).
        java.io.PrintStream log = System.err;
        if (args.length != 1) {
            System.err.println("usage: java -cp daxlab.jar daxlab.kernel.KernelMain CONNECTION_FILE"
                    + " (Jupyter passes the connection file; install the kernel with `bin/daxlab install-kernel`)");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        // jjava logs through SLF4J; without a binding it would print a warning on every start.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        KernelConnectionProperties props = connection(Paths.get(args[0]));
        DaxlabKernel kernel = DaxlabKernel.start(JavaRepl.ownClassPath());
        GuardedConnection connection = new GuardedConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.onStartup();
        watchParent();
        log.printf("daxlab kernel: listening after %d ms (%s)%n", (System.nanoTime() - started) / 1_000_000,
                kernel.getBanner());
        kernel.awaitJava();
        log.printf("daxlab kernel: JShell ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        connection.waitUntilClose();
        System.exit(0);
    }

    /**
     * Jupyter names its own process in JPY_PARENT_PID; when that process dies without a shutdown
     * request (a killed test, a closed terminal), the kernel goes too instead of lingering.
     */
    private static void watchParent() {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid == null || !pid.matches("\\d+")) {
            return;
        }
        Thread t = new Thread(() -> {
            java.util.Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid));
            while (parent.isPresent() && parent.get().isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("daxlab kernel: Jupyter (pid " + pid + ") is gone; exiting");
            Runtime.getRuntime().halt(0);
        }, "daxlab-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static KernelConnectionProperties connection(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no connection file at " + file.toAbsolutePath());
        }
        return KernelConnectionProperties.parse(Files.readString(file));
    }
}
