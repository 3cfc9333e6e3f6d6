package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `daxlab lab` serves notebooks/ with our kernel: the checks a browser's first minute makes, the
 * cell going over the kernel websocket as the notebook page sends it; and a cell printing 200,000
 * lines, which must end (reply and idle status) within the server's default IOPub rate limits.
 */
class LabIT {
    private static final Pattern TOKEN = Pattern.compile("\\?token=([0-9a-f]+)");

    @Test
    void labServesTheNotebooksAndRunsCellsWithTheJavaKernel() throws Exception {
        Jupyter j = JupyterTools.jupyter("notebook");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process lab = JupyterTools.daxlab("lab", "--root", JupyterTools.ROOT.toString(), "--jar",
                JupyterTools.JAR.toString(), "--no-browser", "--port", String.valueOf(port))
                .redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        CompletableFuture<String> token = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    Matcher m = TOKEN.matcher(line);
                    if (m.find()) {
                        token.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String t = token.get(90, TimeUnit.SECONDS);
            // An output flood through the notebook server and its default IOPub rate limits.
            JupyterTools.Run flood = JupyterTools.run(j.process(List.of(
                    JupyterTools.PYTHON_TESTS.resolve("notebook_flood_check.py").toString(),
                    "http://127.0.0.1:" + port, t)), 300);
            assertEquals(0, flood.exit(), flood.out() + flood.err() + log);
            JsonNode f = flood.json();
            System.out.println("notebook flood check: " + f);
            assertFalse(f.get("rate_limited").asBoolean(), "the notebook server cut the output: " + f);
            FloodCheck.assertComplete(f);
            assertEquals("ok", f.get("after_status").asText(), f.toString());

            JupyterTools.Run run = JupyterTools.run(j.process(List.of(
                    JupyterTools.PYTHON_TESTS.resolve("lab_check.py").toString(), "http://127.0.0.1:" + port, t)), 240);
            assertEquals(0, run.exit(), run.out() + run.err() + log);
            JsonNode r = run.json();
            System.out.println("lab check: " + r);
            assertEquals(DaxlabKernel.DISPLAY_NAME, r.get("java_spec").asText(), r.toString());
            assertEquals(200, r.get("notebook_page").asInt(), r.toString());
            assertEquals("ok", r.get("reply_status").asText(), r.toString());
            assertEquals("[\"image/png\",\"image/svg+xml\",\"text/plain\"]", r.get("result_mimetypes").toString());
            // The notebooks must name the kernelspec Jupyter lists, or Jupyter asks which kernel to use.
            assertEquals(DaxlabKernel.NAME, r.get("notebook_kernel").asText(),
                    "notebooks/00-start-here.ipynb's metadata.kernelspec.name: " + r);
        } finally {
            lab.descendants().forEach(ProcessHandle::destroy);
            lab.destroy();
            if (!lab.waitFor(20, TimeUnit.SECONDS)) {
                lab.descendants().forEach(ProcessHandle::destroyForcibly);
                lab.destroyForcibly();
            }
        }
        assertTrue(token.isDone());
    }
}
