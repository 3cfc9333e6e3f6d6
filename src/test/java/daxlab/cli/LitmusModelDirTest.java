package daxlab.cli;

import daxlab.litmus.LitmusSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code daxlab litmus --model-dir DIR} and {@code --cat FILE}: the LKMM from a kernel tree's files. */
class LitmusModelDirTest {
    private static final LitmusSuites.Suite OWN = LitmusSuites.own();

    /** A copy of the files daxlab ships, as a kernel tree's tools/memory-model holds them. */
    static Path memoryModel(Path dir) throws IOException {
        for (String f : List.of("linux-kernel.cfg", "linux-kernel.bell", "linux-kernel.cat", "linux-kernel.def",
                "lock.cat")) {
            try (InputStream in = LitmusModelDirTest.class.getClassLoader().getResourceAsStream("daxlab/lkmm/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    static String herd7(Path test) throws IOException {
        return Files.readAllLines(LitmusSuites.Suite.herd7(test)).stream()
                .filter(l -> !l.startsWith("Hash=") && !l.startsWith("Time "))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void aKernelTreesModelAnswersAsHerd7(@TempDir Path dir) throws IOException {
        Path test = OWN.test("MP+polockonceonce+poacquireonce.litmus");
        CliRun r = CliRun.of("litmus", "--model", "lkmm", "--model-dir", memoryModel(dir).toString(), test.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(herd7(test).strip(), r.out().strip());
        CliRun implied = CliRun.of("litmus", "--model-dir", dir.toString(), test.toString());
        assertEquals(r.out(), implied.out(), "--model-dir alone means the LKMM");
    }

    @Test
    void theShippedFilesInterpretedAreAModelOfTheirOwn() throws IOException {
        Path test = OWN.test("SB+rcu-sync+rcu-reader.litmus");
        CliRun r = CliRun.of("litmus", "--model", "lkmm-cat", test.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(herd7(test).strip(), r.out().strip());
        assertTrue(CliRun.of("litmus", "--list-models").out().contains("lkmm-cat\tthe LKMM from the kernel's files"));
    }

    @Test
    void benchTimesTheInterpretedModel() {
        CliRun r = CliRun.of("bench", "--litmus", OWN.dir().toString(), "--model", "lkmm-cat", "--warmup", "0",
                "--repeat", "1");
        assertEquals(0, r.code(), r.err());
        int n = OWN.tests().size();
        assertTrue(r.out().startsWith("lkmm-cat (Linux-kernel memory consistency model, interpreted) on " + n
                + " litmus tests"), r.out());
        assertTrue(r.out().contains("herd7 agrees on " + n + " of " + n + " compared"), r.out());
    }

    @Test
    void aChangedFileChangesTheAnswer(@TempDir Path dir) throws IOException {
        Path mm = memoryModel(dir);
        Path cat = mm.resolve("linux-kernel.cat");
        Files.writeString(cat, Files.readString(cat).replace("acyclic pb as propagation", ""));
        Path test = OWN.test("2+2W+fencembonceonces.litmus");
        CliRun r = CliRun.of("litmus", "--model-dir", mm.toString(), test.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Observation 2+2W+fencembonceonces Sometimes 1 3"), r.out());
    }

    @Test
    void aBrokenCatFileIsNamedWithItsLineAndColumn(@TempDir Path dir) throws IOException {
        Path cat = dir.resolve("mine.cat");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("daxlab/lkmm/linux-kernel.cat")) {
            Files.copy(in, cat);
        }
        Files.writeString(cat, Files.readString(cat).replace("let com = rf | co | fr", "let com = rf | co |"));
        CliRun r = CliRun.of("litmus", "--cat", cat.toString(), OWN.test("LB+plains.litmus").toString());
        assertEquals(2, r.code());
        assertEquals("daxlab: " + cat + ":80:1: expected an expression but found 'acyclic'\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void theFilesOfTheLkmmGoWithTheLkmm(@TempDir Path dir) throws IOException {
        CliRun r = CliRun.of("litmus", "--model", "sc", "--model-dir", memoryModel(dir).toString(),
                OWN.test("LB+plains.litmus").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--model-dir and --cat give the files of the LKMM; use them with --model lkmm"),
                r.err());
        CliRun none = CliRun.of("litmus", "--model-dir", dir.resolve("nowhere").toString(),
                OWN.test("LB+plains.litmus").toString());
        assertEquals(2, none.code());
        assertEquals("daxlab: " + dir.resolve("nowhere") + ": not a directory (give a kernel tree's tools/memory-model)\n",
                none.err());
    }
}
