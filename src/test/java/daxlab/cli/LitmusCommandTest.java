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
    /** The project's own litmus tests (src/test/resources/litmus). */
    private static final daxlab.litmus.LitmusSuites.Suite OWN = daxlab.litmus.LitmusSuites.own();

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void printsHerd7LayoutUnderSc() {
        CliRun r = run("litmus", OWN.test("SB+fencembonceonce+poonceonce.litmus").toString());
        assertEquals(0, r.code(), r.err());
        // Under SC the store-buffering outcome never happens: three states, not herd7's four.
        assertEquals("Test SB+fencembonceonce+poonceonce Allowed\n"
                + "States 3\n"
                + "0:r0=0; 1:r0=1;\n"
                + "0:r0=1; 1:r0=0;\n"
                + "0:r0=1; 1:r0=1;\n"
                + "No\n"
                + "Witnesses\n"
                + "Positive: 0 Negative: 6\n"
                + "Condition exists (0:r0=0 /\\ 1:r0=0)\n"
                + "Observation SB+fencembonceonce+poonceonce Never 0 6\n"
                + "\n", r.out());
    }

    @Test
    void badFilesAreReportedAndTheOthersStillRun(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.litmus");
        Files.writeString(bad, "C bad\n{}\nP0(int *x)\n{\n\tx = READ_ONCE(*x);\n}\nexists (x=1)\n");
        Path unknown = dir.resolve("unknown.litmus");
        Files.writeString(unknown, "C unknown\n{}\nP0(int *x)\n{\n\tsmp_mb_twice();\n}\nexists (x=1)\n");
        CliRun r = run("litmus", bad.toString(), OWN.test("MP+pooncerelease+poonceonce.litmus").toString(), unknown.toString(),
                dir.resolve("missing.litmus").toString());
        assertEquals(2, r.code());
        assertTrue(r.out().contains("Test MP+pooncerelease+poonceonce Allowed"), r.out());
        assertTrue(r.err().contains(bad + ":5:2: expected a register (assigning a pointer parameter is not supported;"
                + " write *x = ...) but found 'x'"), r.err());
        assertTrue(r.err().contains(unknown + ":5:2: expected a kernel primitive"), r.err());
        assertTrue(r.err().contains("missing.litmus: no such file"), r.err());
    }

    @Test
    void aTestOverTheBudgetIsAnErrorNamingTheFile() {
        Path f = OWN.test("IRIW+fencermbonceonces+OnceOnce.litmus");
        CliRun r = run("litmus", "--budget", "10", f.toString(), OWN.test("CoWW+plainplain.litmus").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(f + ": enumeration of IRIW+fencermbonceonces+OnceOnce stopped"), r.err());
        assertTrue(r.out().contains("Test CoWW+plainplain Allowed"), r.out());
    }

    @Test
    void aBranchHeavyTestStopsWhileItsPathsAreBuilt(@TempDir Path dir) throws IOException {
        // Thirty ifs on reads in P0: 2^30 paths, stopped at the budget's 1001st, not at the
        // engine's 20,000 (nor after minutes).
        StringBuilder src = new StringBuilder("C branches30\n{\n}\n\nP0(int *x, int *y)\n{\n");
        for (int i = 0; i < 30; i++) {
            src.append("\tint r").append(i).append(";\n");
        }
        for (int i = 0; i < 30; i++) {
            src.append("\tr").append(i).append(" = READ_ONCE(*x);\n\tif (r").append(i).append(")\n\t\tWRITE_ONCE(*y, ")
                    .append(i + 1).append(");\n");
        }
        src.append("}\n\nP1(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\n\nexists (0:r0=1)\n");
        Path f = dir.resolve("branches30.litmus");
        Files.writeString(f, src.toString());
        CliRun r = run("litmus", "--model", "lkmm", "--budget", "1000", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("branches30: thread P0 has more than 1000 paths"), r.err());
        assertTrue(r.err().contains("having built 1001 paths of P0"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void checkComparesWithHerd7sOutputBesideTheTest() {
        CliRun same = run("litmus", "--check", OWN.test("CoWW+plainplain.litmus").toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("Check CoWW+plainplain: agrees with herd7"), same.out());
        // SC cannot show the store-buffering outcome the LKMM allows: the check says so and exits 1.
        CliRun differs = run("litmus", "--check", OWN.test("SB+fencembonceonce+poonceonce.litmus").toString());
        assertEquals(1, differs.code(), differs.err());
        assertTrue(differs.out().contains("Check SB+fencembonceonce+poonceonce: differs from herd7:\n"
                + "  missing state 0:r0=0; 1:r0=0;\n"
                + "  No, herd7: Ok\n"
                + "  Observation Never, herd7: Sometimes\n"), differs.out());
        assertTrue(differs.err().contains("0 agree with herd7, 1 differ"), differs.err());
    }

    @Test
    void jsonForTools() throws IOException {
        CliRun r = run("litmus", "--json", OWN.test("MP+pooncerelease+addronce.litmus").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(1, n.size());
        JsonNode t = n.get(0);
        assertEquals("MP+pooncerelease+addronce", t.get("test").asText());
        assertEquals("sc", t.get("model").asText());
        assertEquals("Never", t.get("observation").asText());
        assertEquals(2, t.get("states").size());
        assertEquals("x", t.get("states").get(0).get("1:r0").asText());
    }

    @Test
    void unknownModelIsAUsageError() {
        CliRun r = run("litmus", "--model", "nosuch", OWN.test("MP+pooncerelease+poonceonce.litmus").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown model 'nosuch'; valid models: sc"), r.err());
    }

    @Test
    void exportsTheDaxScenarios(@TempDir Path dir) throws IOException {
        CliRun r = run("litmus", "--export-dax", dir.toString());
        assertEquals(0, r.code(), r.err());
        try (var s = Files.list(dir)) {
            assertEquals(2L * daxlab.dax.export.DaxExport.everyScenario().size(), s.count());
        }
        CliRun again = run("litmus", dir.resolve("dax-put-vs-get+ORIGINAL.litmus").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("Test dax-put-vs-get+ORIGINAL Allowed"), again.out());
    }

    @Test
    void benchOnTheOwnSuiteComparesWithHerd7() {
        CliRun r = run("bench", "--litmus", OWN.dir().toString(), "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("herd7 agrees on " + OWN.tests().size() + " of " + OWN.tests().size() + " compared"),
                r.out());
    }

    /** A name the test does not have is herd7's 0, with a warning on stderr and in the JSON; exit 0. */
    @Test
    void aRegisterTheThreadDoesNotHaveIsAWarningNotAnError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.litmus");
        Files.writeString(f, "C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nlocations [0:r1]\nexists (x=1)\n");
        CliRun r = CliRun.of("litmus", "--model", "lkmm", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("daxlab: warning: " + f + ":7:12: '0:r1' is no register P0 declares, assigns or initialises "
                + "(it has none); herd7 reads it as 0, and so does daxlab\n", r.err());
        assertTrue(r.out().contains("0:r1=0; [x]=1;"), r.out());
        JsonNode a = new ObjectMapper().readTree(CliRun.of("litmus", "--json", f.toString()).out());
        assertEquals(1, a.get(0).get("warnings").size(), a.toString());
    }
}
