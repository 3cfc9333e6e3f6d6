package daxlab.cli;

import daxlab.kernel.Jupyter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code daxlab lab}: Jupyter Notebook on notebooks/, with the Java (daxlab) kernel. The command
 * owns what it starts: the server runs in a child that stops with this process however it ends
 * (a shutdown hook stops it on SIGTERM and SIGINT; the child itself notices when this process is
 * killed outright), and the server shuts its kernels down as it stops. It serves the port asked
 * for or none: a taken port is an error, not a reason to pick another.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Start Jupyter Notebook on notebooks/ with the Java (daxlab) kernel, on 127.0.0.1:PORT.",
                "Ctrl-C (or ending this command any other way) stops Jupyter and its kernels."})
final class LabCommand implements Callable<Integer> {
    static final String HOST = "127.0.0.1";
    private static final long STOP_SECONDS = 15;

    @Spec
    CommandSpec spec;

    @Mixin
    JupyterOptions jupyter;

    int port;

    @Option(names = "--no-browser", description = "do not open a browser")
    boolean noBrowser;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8888",
            description = "TCP port to serve on, 1 to 65535; it must be free (default: ${DEFAULT-VALUE})")
    void port(int value) {
        if (value < 1 || value > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + value + " is not a TCP port (1 to 65535)");
        }
        port = value;
    }

    @Override
    public Integer call() throws Exception {
        if (!free(port)) {
            throw new Main.UsageError("port " + port + " on " + HOST + " is taken (another Jupyter? see `jupyter "
                    + "notebook list`); stop what uses it or choose a free port with --port");
        }
        Jupyter j;
        try {
            j = Jupyter.prepare(jupyter.root(), jupyter.jar(), "notebook");
        } catch (IllegalStateException e) {
            throw new Main.UsageError(e.getMessage());
        }
        List<String> args = new ArrayList<>(List.of(j.script("lab.py").toString(),
                String.valueOf(ProcessHandle.current().pid()),
                "--notebook-dir=" + jupyter.root().resolve("notebooks"), "--ip=" + HOST, "--port=" + port,
                // the port asked for or an error, never the next free one
                "--port-retries=0"));
        if (noBrowser) {
            args.add("--no-browser");
        }
        if (isRoot()) {
            args.add("--allow-root");
        }
        Process server = j.process(args).inheritIO().start();
        Thread hook = new Thread(() -> stop(server), "daxlab-lab-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = server.waitFor();
        stop(server);
        return exit;
    }

    /**
     * Stops the server as SIGTERM does (it shuts its kernels down), then anything of it still
     * running after {@link #STOP_SECONDS} the hard way.
     */
    private static void stop(Process server) {
        List<ProcessHandle> tree = new ArrayList<>();
        server.descendants().forEach(tree::add);
        server.destroy();
        try {
            server.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
            for (ProcessHandle p : tree) {
                while (p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (server.isAlive()) {
            server.destroyForcibly();
        }
    }

    /** Whether a server could listen on {@code port} now (as Jupyter's does, with SO_REUSEADDR). */
    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
