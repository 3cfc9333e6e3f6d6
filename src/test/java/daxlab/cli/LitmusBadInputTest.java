package daxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code daxlab litmus} on files that are not litmus tests: each is an error naming the file
 * (with line and column where there is one), exit status 2, and the other files still run; with
 * {@code --json} the output stays one valid array, with an {@code error} for each failed file.
 * Exit status 1 is a {@code --check} difference only.
 */
class LitmusBadInputTest {
    private static final daxlab.litmus.LitmusSuites.Suite OWN = daxlab.litmus.LitmusSuites.own();

    /** A good test, one nested too deep, one not UTF-8, a FIFO, a missing file, and a good one again. */
    private static Path[] files(Path dir) throws Exception {
        Path deep = dir.resolve("deep.litmus");
        Files.writeString(deep, "C deep\n{}\nP0(int *x)\n{\n\tint r0;\n\tr0 = " + "!".repeat(5000) + "1;\n}\n"
                + "exists (0:r0=0)\n");
        Path latin1 = dir.resolve("latin1.litmus");
        Files.write(latin1, "C caf\u00e9\n{}\nP0(int *x)\n{\n}\nexists (x=0)\n".getBytes(StandardCharsets.ISO_8859_1));
        Path fifo = dir.resolve("fifo.litmus");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        return new Path[] {OWN.test("CoWW+plainplain.litmus"), deep, latin1, fifo, dir.resolve("missing.litmus"),
            OWN.test("MP+pooncerelease+poonceonce.litmus")};
    }

    private static String[] args(String[] options, Path[] files) {
        String[] out = new String[1 + options.length + files.length];
        out[0] = "litmus";
        System.arraycopy(options, 0, out, 1, options.length);
        for (int i = 0; i < files.length; i++) {
            out[1 + options.length + i] = files[i].toString();
        }
        return out;
    }

    @Test
    void eachBadFileIsNamedAndTheOthersRun(@TempDir Path dir) throws Exception {
        Path[] f = files(dir);
        CliRun r = CliRun.of(args(new String[] {"--model", "lkmm"}, f));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.out().contains("Test CoWW+plainplain Allowed"), r.out());
        assertTrue(r.out().contains("Test MP+pooncerelease+poonceonce Allowed"), r.out());
        assertTrue(r.err().contains("daxlab: " + f[1] + ":6:" + (7 + 128) + ": expected at most 128 levels of nested "
                + "expressions (operators, parentheses, calls) but found '!' at level 129\n"), r.err());
        assertTrue(r.err().contains("daxlab: " + f[2] + ":1:6: expected UTF-8 text but found byte 0xe9, which is not "
                + "UTF-8\n"), r.err());
        assertTrue(r.err().contains("daxlab: " + f[3] + ": not a regular file but a FIFO; litmus tests are read from "
                + "regular files\n"), r.err());
        assertTrue(r.err().contains("daxlab: " + f[4] + ": no such file or directory\n"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void jsonStaysOneArrayWithAnErrorPerFailedFile(@TempDir Path dir) throws Exception {
        Path[] f = files(dir);
        CliRun r = CliRun.of(args(new String[] {"--json"}, f));
        assertEquals(2, r.code(), r.err());
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertTrue(a.isArray());
        assertEquals(f.length, a.size());
        for (int i = 0; i < f.length; i++) {
            JsonNode n = a.get(i);
            assertEquals(f[i].toString(), n.get("file").asText());
            boolean good = i == 0 || i == f.length - 1;
            assertEquals(good, !n.has("error"), n.toString());
            assertEquals(good, n.has("observation"), n.toString());
        }
        assertTrue(a.get(2).get("error").asText().startsWith(f[2] + ":1:6: expected UTF-8 text"), a.get(2).toString());
    }

    /** Under --check a difference is 1, a bad file 2 whatever else differs. */
    @Test
    void exitOneOnlyForACheckDifference(@TempDir Path dir) throws Exception {
        Path sb = OWN.test("SB+fencembonceonce+poonceonce.litmus");
        assertEquals(1, CliRun.of("litmus", "--check", sb.toString()).code());
        Path[] f = files(dir);
        CliRun both = CliRun.of("litmus", "--check", sb.toString(), f[1].toString());
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("daxlab: 0 agree with herd7, 1 differ, some files could not be checked"),
                both.err());
    }
}
