package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * For tests that run real Jupyter processes. A machine without Jupyter fails these tests with
 * what to install; it never skips them.
 */
final class JupyterTools {
    static final Path ROOT = Paths.get("").toAbsolutePath();
    static final Path JAR = ROOT.resolve("target/daxlab.jar");
    static final Path PYTHON_TESTS = ROOT.resolve("src/test/python");

    /** What a process printed and how it ended. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            String last = out.strip().lines().reduce((a, b) -> b).orElse("");
            return new ObjectMapper().readTree(last);
        }
    }

    private JupyterTools() {
    }

    /** Jupyter with our kernelspec in target/jupyter; fails the test when Jupyter is missing. */
    static Jupyter jupyter(String... modules) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": the Jupyter tests run after `mvn package` (use mvn verify)");
        try {
            return Jupyter.prepare(ROOT, JAR, modules);
        } catch (IllegalStateException e) {
            return fail(e.getMessage() + "\nFor the tests: bash .ci/run, or bin/ensure-jupyter --test"
                    + " (apt-get install " + Jupyter.DEBIAN_PACKAGES + " python3-jupyter-kernel-test chromium)");
        }
    }

    static Run run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("daxlab-it", ".out");
        Path err = Files.createTempFile("daxlab-it", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + pb.command() + "\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code java -jar target/daxlab.jar args...} */
    static ProcessBuilder daxlab(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Kernelspec.java().toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(ROOT.toFile());
    }
}
