package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A notebook run loses nothing and stops for nothing: a notebook that is not JSON, a cell that
 * kills its kernel, output lost between kernel and runner, a full disk, a place that cannot be
 * written. Each is reported by name (and by cell), the other notebooks run, the index is written,
 * and the run ends non-zero; files being replaced are replaced whole or not at all.
 */
class NotebookFailuresIT {
    private static final Path BROKEN = JupyterTools.ROOT.resolve("src/test/notebooks/broken");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBrokenNotebookIsReportedByNameAndTheOthersStillRun() throws Exception {
        JupyterTools.jupyter();
        Path site = JupyterTools.ROOT.resolve("target/it-broken");
        Chromium.deleteTree(site);
        JupyterTools.Run run = JupyterTools.run(JupyterTools.daxlab("notebooks", "--root", JupyterTools.ROOT.toString(),
                "--jar", JupyterTools.JAR.toString(), "--dir", BROKEN.toString(), "--site", site.toString()), 300);
        System.out.println(run.err());
        assertEquals(1, run.exit(), run.err());
        String err = run.err();
        assertTrue(err.contains("b-invalid.ipynb:3:28: not a notebook: invalid JSON (Expecting ',' delimiter)"), err);
        assertTrue(err.contains("the kernel died while running code cell 2 (cell 3 of 4): new ProcessBuilder(\"kill\""), err);
        assertTrue(err.contains("daxlab: failed: b-invalid.ipynb, c-kernel-dies.ipynb"), err);
        assertFalse(err.contains("Traceback"), "a Python traceback: " + err);
        assertTrue(err.matches("(?s).*a-good\\.ipynb\\s+ran in.*d-after\\.ipynb\\s+ran in.*"), err);

        // the notebook after the dead kernel ran in a kernel of its own
        JsonNode after = JSON.readTree(site.resolve("d-after.ipynb").toFile());
        assertEquals("[\"still runs\"]",
                after.get("cells").get(1).get("outputs").get(0).get("data").get("text/plain").toString());
        // the index lists all four, the failures with their reasons
        String index = Files.readString(site.resolve("index.html"));
        assertTrue(index.contains("4 notebooks, <span class=\"failed\">2 failed</span>."), index);
        assertTrue(index.contains("b-invalid.ipynb:3:28: not a notebook: invalid JSON"), index);
        assertTrue(index.contains("<a href=\"c-kernel-dies.html\">A cell that kills the kernel</a>"), index);
        assertTrue(index.contains("the kernel died while running code cell 2"), index);
        // the dead kernel's page is there, says so, and links on
        String page = Files.readString(site.resolve("c-kernel-dies.html"));
        assertTrue(page.contains("FAILED: the kernel died while running code cell 2"), "the page says why");
        assertTrue(page.contains("<a rel=\"next\" href=\"d-after.html\">"), "the page links on");
        assertFalse(Files.exists(site.resolve("b-invalid.html")), "no page for a notebook that could not be read");
        assertEquals(List.of(), leftovers(site), "temporary files left behind");
    }

    @Test
    void aSiteThatCannotBeWrittenIsFoundBeforeAnythingRuns() throws Exception {
        Path blocker = JupyterTools.ROOT.resolve("target/it-not-a-directory");
        Files.writeString(blocker, "a file where the site's parent directory would be\n");
        long started = System.nanoTime();
        JupyterTools.Run run = JupyterTools.run(JupyterTools.daxlab("notebooks", "--root", JupyterTools.ROOT.toString(),
                "--jar", JupyterTools.JAR.toString(), "--dir", BROKEN.toString(),
                "--site", blocker.resolve("site").toString()), 120);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("daxlab: nothing was run: the results could not be written"), run.err());
        assertTrue(run.err().contains(blocker.resolve("site") + ": cannot create the site directory"), run.err());
        assertFalse(run.err().contains("daxlab kernel"), "a kernel was started: " + run.err());
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    @Test
    void readOnlyNotebooksAreFoundBeforeAnythingRunsWhenTheyAreToBeUpdated() throws Exception {
        Path dir = Files.createTempDirectory("daxlab-readonly");
        Files.copy(BROKEN.resolve("a-good.ipynb"), dir.resolve("a-good.ipynb"));
        Path site = JupyterTools.ROOT.resolve("target/it-readonly-site");
        try {
            readOnly(dir);
            JupyterTools.Run run = JupyterTools.run(JupyterTools.daxlab("notebooks", "--root",
                    JupyterTools.ROOT.toString(), "--jar", JupyterTools.JAR.toString(), "--dir", dir.toString(),
                    "--site", site.toString(), "--update-committed"), 120);
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.err().contains("daxlab: nothing was run"), run.err());
            assertTrue(run.err().contains(dir + ": cannot write there"), run.err());
            assertFalse(run.err().contains("daxlab kernel"), "a kernel was started: " + run.err());

            // without --update-committed the notebooks are only read: the run goes ahead
            JupyterTools.Run plain = JupyterTools.run(JupyterTools.daxlab("notebooks", "--root",
                    JupyterTools.ROOT.toString(), "--jar", JupyterTools.JAR.toString(), "--dir", dir.toString(),
                    "--site", site.toString()), 300);
            assertEquals(0, plain.exit(), plain.err());
        } finally {
            writable(dir);
            Chromium.deleteTree(dir);
        }
    }

    @Test
    void aFullDiskLeavesEveryCommittedNotebookWhole() throws Exception {
        Jupyter j = JupyterTools.jupyter();
        Path dir = JupyterTools.ROOT.resolve("target/it-full-disk");
        Chromium.deleteTree(dir);
        Path notebooks = Files.createDirectories(dir.resolve("notebooks"));
        Path small = notebooks.resolve("a-good.ipynb");
        Path chart = notebooks.resolve("kernel-smoke.ipynb");
        Files.copy(BROKEN.resolve("a-good.ipynb"), small);
        Files.copy(JupyterTools.ROOT.resolve("src/test/notebooks/site/kernel-smoke.ipynb"), chart);
        Files.setPosixFilePermissions(small, PosixFilePermissions.fromString("rw-r-----"));
        byte[] chartBefore = Files.readAllBytes(chart);
        // Python under a 32 KiB file size limit: the small notebook's outputs fit, the chart's (80 kB
        // of PNG and SVG) and every HTML page do not. Writes past the limit fail as on a full disk.
        Path python = dir.resolve("python-32k");
        Files.writeString(python, "#!/bin/bash\nulimit -f 32\nexec " + j.python() + " \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = JupyterTools.daxlab("notebooks", "--root", JupyterTools.ROOT.toString(), "--jar",
                JupyterTools.JAR.toString(), "--dir", notebooks.toString(), "--site", dir.resolve("site").toString(),
                "--update-committed");
        pb.environment().put("DAXLAB_PYTHON", python.toString());
        JupyterTools.Run run = JupyterTools.run(pb, 300);
        System.out.println(run.err());

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("could not write the results (the committed notebook): OSError: [Errno 27]"
                + " File too large"), run.err());
        assertTrue(run.err().contains("could not write the results (the page): OSError: [Errno 27] File too large"),
                run.err());
        assertFalse(run.err().contains("Traceback"), run.err());
        // the chart notebook could not be written: it is as it was, byte for byte
        assertTrue(java.util.Arrays.equals(chartBefore, Files.readAllBytes(chart)), "the committed chart notebook changed");
        // the small one was: whole, with its result, its permissions kept
        JsonNode written = JSON.readTree(small.toFile());
        assertEquals("[\"2\"]", written.get("cells").get(1).get("outputs").get(0).get("data").get("text/plain").toString());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(small)));
        assertEquals(List.of(), leftovers(dir), "temporary files left behind");
        // the index is still written, and says what happened
        String index = Files.readString(dir.resolve("site/index.html"));
        assertTrue(index.contains("2 notebooks, <span class=\"failed\">2 failed</span>."), index);
        assertTrue(index.contains("File too large"), index);
    }

    @Test
    void outputLostBetweenKernelAndRunnerFailsTheNotebook() throws Exception {
        Jupyter j = JupyterTools.jupyter();
        Path dir = JupyterTools.ROOT.resolve("target/it-lost-output");
        Chromium.deleteTree(dir);
        Path kernel = Files.createDirectories(dir.resolve("jupyter/kernels/lossy"));
        ObjectNode spec = JSON.createObjectNode();
        spec.putArray("argv").add(j.python().toString()).add(JupyterTools.PYTHON_TESTS.resolve("lossy_kernel.py").toString())
                .add("-f").add("{connection_file}");
        spec.put("display_name", "Lossy").put("language", "text");
        JSON.writeValue(kernel.resolve("kernel.json").toFile(), spec);
        List<String> notebooks = new ArrayList<>();
        for (Map.Entry<String, String> nb : Map.of("1-whole", "send 5", "2-lost", "lose 2 of 5",
                "3-no-idle", "no idle", "4-after", "send 3").entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).collect(Collectors.toList())) {
            Path file = dir.resolve(nb.getKey() + ".ipynb");
            Files.writeString(file, notebook(nb.getKey(), nb.getValue()));
            notebooks.add(file.toString());
        }
        List<String> args = new ArrayList<>(List.of(j.script("run_notebooks.py").toString(), "--site",
                dir.resolve("site").toString(), "--kernel", "lossy", "--timeout", "60", "--iopub-timeout", "3"));
        args.addAll(notebooks);
        ProcessBuilder pb = j.process(args);
        pb.environment().put("JUPYTER_PATH", dir.resolve("jupyter") + ":" + pb.environment().get("JUPYTER_PATH"));
        JupyterTools.Run run = JupyterTools.run(pb, 300);
        System.out.println(run.out() + run.err());

        assertEquals(1, run.exit(), run.out() + run.err());
        List<JsonNode> results = new ArrayList<>();
        for (String line : run.out().lines().collect(Collectors.toList())) {
            if (line.startsWith(NotebookRun.RESULT)) {
                results.add(JSON.readTree(line.substring(NotebookRun.RESULT.length())));
            }
        }
        assertEquals(4, results.size(), run.out());
        assertTrue(results.get(0).get("ok").asBoolean(), results.get(0).toString());
        assertFalse(results.get(1).get("ok").asBoolean(), "lost output went unnoticed: " + results.get(1));
        assertEquals("code cell 1 (cell 2 of 2): lose 2 of 5: output lost: the kernel sent 5 output message(s),"
                + " 3 arrived: 2 lost", results.get(1).get("error").asText());
        assertFalse(results.get(2).get("ok").asBoolean(), "output cut off after the reply went unnoticed: " + results.get(2));
        assertEquals("code cell 1 (cell 2 of 2): no idle: output lost: the kernel replied, but its output did not"
                + " end within 3 s (Timeout waiting for IOPub output)", results.get(2).get("error").asText());
        assertTrue(results.get(3).get("ok").asBoolean(), "the next notebook runs: " + results.get(3));
    }

    /** A notebook of a heading and one code cell. */
    private static String notebook(String title, String code) throws IOException {
        ObjectNode nb = JSON.createObjectNode();
        ArrayNode cells = nb.putArray("cells");
        ObjectNode heading = cells.addObject().put("cell_type", "markdown").put("id", "h").put("source", "# " + title);
        heading.putObject("metadata");
        ObjectNode cell = cells.addObject().put("cell_type", "code").put("id", "c").put("source", code);
        cell.putNull("execution_count");
        cell.putObject("metadata");
        cell.putArray("outputs");
        nb.putObject("metadata").putObject("kernelspec").put("name", "lossy").put("display_name", "Lossy")
                .put("language", "text");
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(nb);
    }

    /** Temporary files of an atomic write that were not cleaned up. */
    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).collect(Collectors.toList());
        }
    }

    /**
     * Makes {@code dir} unwritable for this process: permission bits do it for a user; root
     * ignores them, so for root the directory is made immutable as well (chattr +i).
     */
    private static void readOnly(Path dir) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (canWrite(dir)) {
            JupyterTools.Run r = JupyterTools.run(new ProcessBuilder("chattr", "+i", dir.toString()), 30);
            if (r.exit() != 0 || canWrite(dir)) {
                fail("cannot make " + dir + " read-only here (running as root, and chattr +i failed: " + r.err() + ")");
            }
        }
    }

    private static void writable(Path dir) throws IOException, InterruptedException {
        JupyterTools.run(new ProcessBuilder("chattr", "-i", dir.toString()), 30);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static boolean canWrite(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
