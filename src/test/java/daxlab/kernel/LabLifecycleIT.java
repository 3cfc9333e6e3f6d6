package daxlab.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * `daxlab lab` owns what it starts and serves the port it is given: the Jupyter server and its
 * kernels stop when the command stops, by SIGTERM, by SIGINT (Ctrl-C), or killed outright; a port
 * outside 1..65535 is refused like any bad option, and a taken port is an error, not a reason to
 * serve on another.
 */
class LabLifecycleIT {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/\\?token=([0-9a-f]+)");
    /** Runs a command with SIGINT at its default, whatever the test's own parent ignored. */
    private static final String SIGINT_DEFAULT = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
            + " os.execvp(sys.argv[1], sys.argv[1:])";

    @Test
    void portsOutsideOneTo65535AreRefusedLikeAnyBadOption() throws Exception {
        for (String port : List.of("99999", "-1", "0", "65536")) {
            JupyterTools.Run run = JupyterTools.run(lab(port), 60);
            assertEquals(2, run.exit(), port + ": " + run.err());
            assertTrue(run.err().startsWith("Invalid value for option '--port': " + port
                    + " is not a TCP port (1 to 65535)"), run.err());
            assertTrue(run.err().contains("Usage: daxlab lab"), run.err());
            assertFalse(run.err().contains("Traceback") || run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void aTakenPortIsAnErrorNotAnotherPort() throws Exception {
        JupyterTools.jupyter("notebook");
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            JupyterTools.Run run = JupyterTools.run(lab(String.valueOf(port)), 60);
            assertEquals(2, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("daxlab: port " + port + " on 127.0.0.1 is taken"), run.err());
            assertFalse(run.out().contains("NotebookApp") || run.err().contains("NotebookApp"),
                    "Jupyter was started: " + run.out() + run.err());
        }
    }

    @Test
    void sigtermStopsTheServerAndItsKernels() throws Exception {
        stops("TERM");
    }

    @Test
    void sigintStopsTheServerAndItsKernels() throws Exception {
        stops("INT");
    }

    @Test
    void killingTheCommandOutrightStopsTheServerAndItsKernels() throws Exception {
        stops("KILL");
    }

    /**
     * Starts `daxlab lab` on a free port, checks it serves exactly there, starts a kernel through
     * the REST API as a notebook page does, then ends the command with {@code signal} and waits for
     * every process under it to be gone.
     */
    private static void stops(String signal) throws Exception {
        JupyterTools.jupyter("notebook");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // Into a file, not a pipe: when a child dies Java closes its end of the child's pipe, and
        // the server, outliving the command that was killed, would write into nothing.
        Path logFile = Files.createTempFile("daxlab-lab", ".log");
        ProcessBuilder pb = new ProcessBuilder(wrapped(lab(String.valueOf(port)).command()))
                .directory(JupyterTools.ROOT.toFile()).redirectErrorStream(true).redirectOutput(logFile.toFile());
        Process daxlab = pb.start();
        List<ProcessHandle> tree = new ArrayList<>();
        try {
            Matcher m = null;
            for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); m == null; Thread.sleep(200)) {
                Matcher found = URL.matcher(Files.readString(logFile));
                if (found.find()) {
                    m = found;
                } else if (System.nanoTime() > until || !daxlab.isAlive()) {
                    fail("daxlab lab did not say where it serves:\n" + Files.readString(logFile));
                }
            }
            assertEquals(port, Integer.parseInt(m.group(1)), "the port it says it serves");
            String token = m.group(2);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/status")).header("Authorization", "token " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode(), "served on the port asked: " + status.body());
            HttpResponse<String> kernel = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/kernels")).header("Authorization", "token " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + DaxlabKernel.NAME + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, kernel.statusCode(), kernel.body());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (daxlab.descendants().noneMatch(LabLifecycleIT::isKernel) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            daxlab.descendants().forEach(tree::add);
            assertTrue(tree.stream().anyMatch(LabLifecycleIT::isKernel), "no kernel process under daxlab lab: " + tree);
            assertTrue(tree.size() >= 2, "the server and the kernel: " + tree);

            if (signal.equals("KILL")) {
                daxlab.destroyForcibly();
            } else {
                JupyterTools.Run kill = JupyterTools.run(new ProcessBuilder("kill", "-" + signal,
                        String.valueOf(daxlab.pid())), 30);
                assertEquals(0, kill.exit(), kill.err());
            }
            assertTrue(daxlab.waitFor(60, TimeUnit.SECONDS), "daxlab lab did not end on SIG" + signal);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            List<String> alive = new ArrayList<>();
            tree.stream().filter(ProcessHandle::isAlive).forEach(p -> alive.add(p.pid() + " "
                    + p.info().commandLine().orElse("?")));
            String text = Files.readString(logFile);
            System.out.println("daxlab lab, SIG" + signal + ":\n" + text);
            assertTrue(alive.isEmpty(), "still running after SIG" + signal + ": " + alive + "\n" + text);
            assertTrue(text.contains("Shutting down 1 kernel"), "the server shut its kernel down: " + text);
        } finally {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            daxlab.descendants().forEach(ProcessHandle::destroyForcibly);
            daxlab.destroyForcibly();
            Files.deleteIfExists(logFile);
        }
    }

    private static boolean isKernel(ProcessHandle p) {
        return p.info().commandLine().map(c -> c.contains(KernelMain.class.getName())).orElse(false);
    }

    private static ProcessBuilder lab(String port) {
        return JupyterTools.daxlab("lab", "--root", JupyterTools.ROOT.toString(), "--jar", JupyterTools.JAR.toString(),
                "--no-browser", "--port", port);
    }

    private static List<String> wrapped(List<String> cmd) {
        List<String> out = new ArrayList<>(List.of(python(), "-c", SIGINT_DEFAULT));
        out.addAll(cmd);
        return out;
    }

    private static String python() {
        try {
            return JupyterTools.jupyter("notebook").python().toString();
        } catch (IOException e) {
            return fail(e);
        }
    }
}
