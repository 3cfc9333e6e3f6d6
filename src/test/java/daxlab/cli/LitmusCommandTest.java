package daxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LitmusCommandTest {
    private static final Path KERNEL = Paths.get(System.getenv().getOrDefault("DAXLAB_KERNEL_LITMUS",
            "/work/shared/litmus/kernel"));

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsHerd7LayoutUnderSc() {
        Run r = run("litmus", KERNEL.resolve("SB+poonceonces.litmus").toString());
        assertEquals(0, r.code(), r.err());
        // Under SC the store-buffering outcome never happens: three states, not herd7's four.
        assertEquals("Test SB+poonceonces Allowed\n"
                + "States 3\n"
                + "0:r0=0; 1:r0=1;\n"
                + "0:r0=1; 1:r0=0;\n"
                + "0:r0=1; 1:r0=1;\n"
                + "No\n"
                + "Witnesses\n"
                + "Positive: 0 Negative: 6\n"
                + "Condition exists (0:r0=0 /\\ 1:r0=0)\n"
                + "Observation SB+poonceonces Never 0 6\n"
                + "\n", r.out());
    }

    @Test
    void badFilesAreReportedAndTheOthersStillRun(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.litmus");
        Files.writeString(bad, "C bad\n{}\nP0(int *x)\n{\n\tr0 = READ_ONCE(*x);\n}\nexists (x=1)\n");
        Path unknown = dir.resolve("unknown.litmus");
        Files.writeString(unknown, "C unknown\n{}\nP0(int *x)\n{\n\tsmp_mb_twice();\n}\nexists (x=1)\n");
        Run r = run("litmus", bad.toString(), KERNEL.resolve("MP+poonceonces.litmus").toString(), unknown.toString(),
                dir.resolve("missing.litmus").toString());
        assertEquals(2, r.code());
        assertTrue(r.out().contains("Test MP+poonceonces Allowed"), r.out());
        assertTrue(r.err().contains(bad + ":5:2: expected a declared local variable but found 'r0'"), r.err());
        assertTrue(r.err().contains(unknown + ":5:2: expected a kernel primitive"), r.err());
        assertTrue(r.err().contains("missing.litmus: no such file"), r.err());
    }

    @Test
    void aTestOverTheBudgetIsAnErrorNamingTheFile() {
        Path f = KERNEL.resolve("IRIW+poonceonces+OnceOnce.litmus");
        Run r = run("litmus", "--budget", "10", f.toString(), KERNEL.resolve("CoWW+poonceonce.litmus").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(f + ": enumeration of IRIW+poonceonces+OnceOnce stopped"), r.err());
        assertTrue(r.out().contains("Test CoWW+poonceonce Allowed"), r.out());
    }

    @Test
    void jsonForTools() throws IOException {
        Run r = run("litmus", "--json", KERNEL.resolve("MP+onceassign+derefonce.litmus").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(1, n.size());
        JsonNode t = n.get(0);
        assertEquals("MP+onceassign+derefonce", t.get("test").asText());
        assertEquals("sc", t.get("model").asText());
        assertEquals("Never", t.get("observation").asText());
        assertEquals(2, t.get("states").size());
        assertEquals("x", t.get("states").get(0).get("1:r0").asText());
    }

    @Test
    void unknownModelIsAUsageError() {
        Run r = run("litmus", "--model", "nosuch", KERNEL.resolve("MP+poonceonces.litmus").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown model 'nosuch'; valid models: sc"), r.err());
    }

    @Test
    void exportsTheDaxScenarios(@TempDir Path dir) throws IOException {
        Run r = run("litmus", "--export-dax", dir.toString());
        assertEquals(0, r.code(), r.err());
        try (var s = Files.list(dir)) {
            assertEquals(2L * daxlab.litmus.DaxExport.everyScenario().size(), s.count());
        }
        Run again = run("litmus", dir.resolve("dax-put-vs-get+ORIGINAL.litmus").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("Test dax-put-vs-get+ORIGINAL Allowed"), again.out());
    }
}
