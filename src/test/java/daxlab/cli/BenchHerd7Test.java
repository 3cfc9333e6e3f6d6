package daxlab.cli;

import daxlab.herd7.Herd7;
import daxlab.litmus.LitmusSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code daxlab bench --herd7} and {@code daxlab conformance --litmus} against a stand-in herd7
 * that prints herd7's answer recorded beside a suite's test (or a tampered one, or nothing in
 * time), so that both are tested without herd7.
 */
class BenchHerd7Test {

    /** Three tests of the suites, with herd7's recorded answers beside them. */
    private static List<Path> tests() {
        return List.of(LitmusSuites.own().test("MP+pooncerelease+fencermbonceonce.litmus"),
                LitmusSuites.own().test("SB+polockonceonces.litmus"),
                LitmusSuites.gen().test("IRIW+addronceonce+fencewmbonceonce+OnceOnce.litmus"));
    }

    /** The tests copied into {@code dir}/tests, with their answers. */
    static Path copies(Path dir) throws IOException {
        Path d = Files.createDirectories(dir.resolve("tests"));
        for (Path t : tests()) {
            Files.copy(t, d.resolve(t.getFileName()));
            Files.copy(LitmusSuites.Suite.herd7(t), d.resolve(t.getFileName() + ".herd7"));
        }
        return d;
    }

    /**
     * A herd7 that answers a test with the output recorded for it in {@code answers}, found by
     * the test's name (its first line), through {@code filter}: herd7 reads the test where the
     * command put it, not beside the answer.
     */
    static Path fakeHerd7(Path dir, Path answers, String filter) throws IOException {
        Path p = dir.resolve("herd7");
        Files.writeString(p, "#!/bin/sh\n"
                + "if [ \"$1\" = -version ]; then echo '7.58, Rev: stand-in'; exit 0; fi\n"
                + "for a; do last=\"$a\"; done\n"
                + "name=$(sed -n '1s/^C *//p' \"$last\")\n"
                + filter.replace("ANSWER", "'" + answers + "'/\"$name.litmus.herd7\"") + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    static Path lkmm(Path dir) throws IOException {
        Path d = Files.createDirectories(dir.resolve("memory-model"));
        for (String f : Herd7.LKMM_FILES) {
            Files.writeString(d.resolve(f), f.equals("linux-kernel.cfg") ? "variant lkmmv2\n" : "");
        }
        return d;
    }

    private static CliRun bench(Path dir, Path answers, String filter, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("bench", "--herd7", fakeHerd7(dir, answers, filter).toString(),
                "--lkmm-dir", lkmm(dir).toString(), "--warmup", "1", "--repeat", "1"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(new String[0]));
    }

    @Test
    void perTestTimesRatiosAndTheTotals(@TempDir Path dir) throws Exception {
        Path tests = copies(dir);
        CliRun r = bench(dir, tests, "cat ANSWER", "-j", "2", tests.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().collect(Collectors.toList());
        assertEquals("daxlab lkmm vs herd7 on 3 litmus tests", lines.get(0));
        assertTrue(lines.get(1).startsWith("herd7: " + dir.resolve("herd7") + " (7.58, Rev: stand-in), LKMM files in "
                + dir.resolve("memory-model") + "; one process per run (start-up included), median of 1 run, 2 at a time,"
                + " timeout 60.0 s"), lines.get(1));
        assertTrue(lines.get(2).matches("daxlab: in this JVM \\(.*\\), 1 warm-up round over every test, then median of 1"
                + " runs per test, budget 5000000 candidate executions; \\d+ cores"), lines.get(2));
        assertEquals("| test | daxlab ms | herd7 ms | herd7/daxlab | answers |", lines.get(4));
        // In name order, as a directory is read.
        assertTrue(lines.get(6).matches("\\| IRIW\\+addronceonce\\+fencewmbonceonce\\+OnceOnce"
                + " \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| agree \\|"), lines.get(6));
        assertTrue(lines.get(7).matches("\\| MP\\+pooncerelease\\+fencermbonceonce \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| agree \\|"),
                lines.get(7));
        assertTrue(lines.get(8).startsWith("| SB+polockonceonces | "), lines.get(8));
        assertTrue(lines.get(10).matches("3 of 3 tests finished by both: daxlab [0-9.]+ ms, herd7 [0-9.]+ ms \\(its Time lines:"
                + " 0.00 s\\): herd7 took [0-9.]+ times as long; geometric mean of the per-test ratios [0-9.]+"), lines.get(10));
        assertTrue(lines.get(11).startsWith("smallest ratio: "), lines.get(11));
        assertTrue(lines.get(12).matches("daxlab faster on [0-3] of 3"), lines.get(12));
        assertEquals(13, lines.size(), r.out());
    }

    @Test
    void aDifferentAnswerIsNamedAndExits1(@TempDir Path dir) throws Exception {
        Path tests = copies(dir);
        Path mp = tests.resolve("MP+pooncerelease+fencermbonceonce.litmus");
        CliRun r = bench(dir, tests, "sed 's/^Positive: 0 Negative: 3$/Positive: 0 Negative: 4/' ANSWER", mp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(" | DIFFER |"), r.out());
        assertTrue(r.out().contains("answers differ: MP+pooncerelease+fencermbonceonce: Positive: 0 Negative: 3, herd7: Positive: 0"
                + " Negative: 4"), r.out());
    }

    @Test
    void aTestHerd7DoesNotFinishIsLeftOutOfTheTotalsAndExits1(@TempDir Path dir) throws Exception {
        Path tests = copies(dir);
        CliRun r = bench(dir, tests, "case \"$name\" in MP*) sleep 30;; esac; cat ANSWER", "--timeout", "0.5",
                tests.resolve("MP+pooncerelease+fencermbonceonce.litmus").toString(),
                tests.resolve("SB+polockonceonces.litmus").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*\\| MP\\+pooncerelease\\+fencermbonceonce \\| [0-9.]+ \\| did not finish \\| - \\| - \\|.*"),
                r.out());
        assertTrue(r.out().contains("1 of 2 tests finished by both: "), r.out());
        assertTrue(r.out().contains("did not finish: herd7 on MP+pooncerelease+fencermbonceonce: herd7 did not finish within"
                + " 0.5 s (raise --timeout)"), r.out());
    }

    @Test
    void aTestOverDaxlabsBudgetAndAFileThatDoesNotParseAreNamedAndExit2(@TempDir Path dir) throws Exception {
        Path tests = copies(dir);
        Files.writeString(tests.resolve("A-broken.litmus"), "C broken\n{}\nP0(int *x)\n{\n\tfrobnicate(x);\n}\n");
        CliRun r = bench(dir, tests, "cat ANSWER", "--budget", "3", tests.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(tests.resolve("A-broken.litmus") + ":5:2: expected a kernel primitive"), r.err());
        assertTrue(r.err().contains("(left out)"), r.err());
        assertTrue(r.out().contains("did not finish: daxlab on IRIW+addronceonce+fencewmbonceonce+OnceOnce: "),
                r.out());
        assertTrue(r.out().contains("more than 3 candidate executions"), r.out());
        assertTrue(r.out().contains("1 files left out (see the errors above)"), r.out());
    }

    @Test
    void badUsageExits2WithOneLine(@TempDir Path dir) throws Exception {
        Path tests = copies(dir);
        CliRun missing = CliRun.of("bench", "--herd7", dir.resolve("no-herd7").toString(), tests.toString());
        assertEquals(2, missing.code());
        assertEquals("daxlab: " + dir.resolve("no-herd7") + ": no executable herd7 there; give --herd7 PATH to herdtools7's"
                + " herd7, or set HERD7\n", missing.err());
        CliRun noFiles = bench(dir, tests, "cat ANSWER");
        assertEquals(2, noFiles.code());
        assertEquals("daxlab: --herd7: give the litmus FILEs (or directories of them) to run\n", noFiles.err());
        CliRun noSuch = bench(dir, tests, "cat ANSWER", dir.resolve("nowhere.litmus").toString());
        assertEquals(2, noSuch.code());
        assertEquals("daxlab: " + dir.resolve("nowhere.litmus") + ": no such file or directory\n", noSuch.err());
        CliRun empty = bench(dir, tests, "cat ANSWER", Files.createDirectory(dir.resolve("empty")).toString());
        assertEquals(2, empty.code());
        assertEquals("daxlab: " + dir.resolve("empty") + ": no .litmus files there\n", empty.err());
        CliRun model = bench(dir, tests, "cat ANSWER", "--model", "tso", tests.toString());
        assertEquals(2, model.code());
        assertTrue(model.err().startsWith("daxlab: --herd7 compares daxlab's lkmm with herd7's LKMM"), model.err());
        CliRun jobsAlone = CliRun.of("bench", "-j", "2");
        assertEquals(2, jobsAlone.code());
        assertEquals("daxlab: --jobs goes with --herd7 PATH FILE...\n", jobsAlone.err());
    }

    // conformance --litmus: the same stand-in, herd7's answers on your own files.

    private static CliRun conformance(Path dir, Path answers, String filter, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("conformance", "--herd7", fakeHerd7(dir, answers, filter).toString(),
                "--lkmm-dir", lkmm(dir).toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(new String[0]));
    }

    @Test
    void conformanceOnLitmusFilesComparesUnderTheLkmm(@TempDir Path dir) throws Exception {
        Path tests = copies(dir);
        CliRun r = conformance(dir, tests, "cat ANSWER", "-j", "2", "--litmus", tests.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().collect(Collectors.toList());
        assertEquals("3 litmus files x lkmm, -j 2, timeout 60.0 s per herd7 run", lines.get(1));
        assertTrue(lines.get(2).matches("agree +lkmm IRIW\\+addronceonce\\+fencewmbonceonce\\+OnceOnce"
                + " +herd7: Sometimes \\d+ \\d+, \\d+ states"), lines.get(2));
        assertTrue(lines.get(3).matches("agree +lkmm MP\\+pooncerelease\\+fencermbonceonce +herd7: Never 0 3, 3 states"), lines.get(3));
        assertTrue(lines.get(6).startsWith("daxlab: 3 agree, 0 differ; herd7 "), lines.get(6));
        assertEquals(7, lines.size(), r.out());
        // A name picks files, as for the dax exports.
        CliRun one = conformance(dir, tests, "cat ANSWER", "--litmus", tests.toString(), "SB+");
        assertEquals(0, one.code(), one.out() + one.err());
        assertTrue(one.out().contains("1 litmus files x lkmm"), one.out());
    }

    @Test
    void conformanceOnLitmusFilesFailsOnADifferenceAndLeavesOutWhatDoesNotParse(@TempDir Path dir) throws Exception {
        Path tests = copies(dir);
        CliRun r = conformance(dir, tests, "sed 's/^Positive: 0 Negative: 3$/Positive: 0 Negative: 4/' ANSWER", "--litmus",
                tests.resolve("MP+pooncerelease+fencermbonceonce.litmus").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("DIFFERS    lkmm MP+pooncerelease+fencermbonceonce  herd7: Never 0 3, 3 states\n"
                + "    lkmm: Positive: 0 Negative: 3, herd7: Positive: 0 Negative: 4\n"), r.out());

        Files.writeString(tests.resolve("A-broken.litmus"), "C broken\n{}\nP0(int *x)\n{\n\tfrobnicate(x);\n}\n");
        CliRun broken = conformance(dir, tests, "cat ANSWER", "--litmus", tests.toString());
        assertEquals(2, broken.code(), broken.out() + broken.err());
        assertTrue(broken.err().contains(tests.resolve("A-broken.litmus") + ":5:2: expected a kernel primitive"), broken.err());
        assertTrue(broken.out().contains("daxlab: 3 agree, 0 differ"), broken.out());

        CliRun record = conformance(dir, tests, "cat ANSWER", "--litmus", tests.toString(), "--record", dir.toString());
        assertEquals(2, record.code());
        assertEquals("daxlab: --record replaces the dax exports' recorded answers: run it without --litmus\n", record.err());
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.copy(tests.resolve("SB+polockonceonces.litmus"), other.resolve("SB+polockonceonces.litmus"));
        // Two suites may hold tests of one name: both run.
        CliRun twice = conformance(dir, tests, "cat ANSWER", "--litmus", tests.resolve("SB+polockonceonces.litmus").toString(),
                "--litmus", other.toString());
        assertEquals(0, twice.code(), twice.out() + twice.err());
        assertTrue(twice.out().contains("daxlab: 2 agree, 0 differ"), twice.out());
    }
}
