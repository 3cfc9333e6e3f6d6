package daxlab.cli;

import daxlab.litmus.LitmusSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every numeric and list option is checked the same way: a value out of range fails as a value
 * that is not a number does, with picocli's {@code Invalid value for option}, the usage and exit
 * status 2; a path that cannot be used says which and why, exit 2; exit 1 is kept for a
 * difference found by a check.
 */
class OptionValidationTest {
    private static final LitmusSuites.Suite OWN = LitmusSuites.own();

    private static void invalid(String option, String why, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
        assertTrue(r.err().startsWith("Invalid value for option '" + option + "': " + why), r.err());
        assertTrue(r.err().contains("Usage: daxlab " + args[0]), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void budgetsArePositiveEverywhere() {
        String file = OWN.test("CoWW+plainplain.litmus").toString();
        for (String b : new String[] {"-5", "0"}) {
            invalid("--budget", "'" + b + "' is out of range (give a positive number)", "litmus", "--budget", b, file);
            invalid("--budget", "'" + b + "' is out of range (give a positive number)", "enumerate", "--scenario",
                    "put-vs-get", "--budget", b);
            invalid("--budget", "'" + b + "' is out of range (give a positive number)", "bench", "--budget", b);
        }
        invalid("--budget", "'lots' is not a whole number (give a positive number)", "litmus", "--budget", "lots", file);
        invalid("--budget", "'99999999999999999999' is not a whole number", "enumerate", "--all", "--budget",
                "99999999999999999999");
    }

    @Test
    void countsPortsAndTimesHaveTheirRanges() {
        invalid("--max-n", "'16' is out of range (give 1..15)", "bench", "--max-n", "16");
        invalid("--max-n", "'0' is out of range (give 1..15)", "bench", "--max-n", "0");
        invalid("--repeat", "'0' is out of range (give a positive number)", "bench", "--repeat", "0");
        invalid("--warmup", "'-1' is out of range (give 0 or more)", "bench", "--warmup", "-1");
        invalid("--jobs", "'0' is out of range (give a positive number)", "litmus", "-j", "0", "x.litmus");
        invalid("--jobs", "'-2' is out of range (give a positive number)", "conformance", "-j", "-2");
        invalid("--timeout", "'0' is out of range (give more than 0 seconds", "conformance", "--timeout", "0");
        invalid("--timeout", "'NaN' is out of range", "conformance", "--timeout", "NaN");
        invalid("--timeout", "'0' is out of range (give a positive number)", "notebooks", "--timeout", "0");
        invalid("--port", "70000 is not a TCP port (1 to 65535)", "lab", "--port", "70000");
        invalid("--time", "a duration must be between 1ms and 60m, got 0s", "stress", "--scenario", "put-vs-get",
                "--time", "0s");
    }

    @Test
    void listsNeedAtLeastOneKnownName() {
        invalid("--models", "needs at least one model; valid models: sc, sc-axiomatic", "report", "--models", ",");
        invalid("--models", "unknown model 'arm'; valid models:", "report", "--models", "sc,arm");
        invalid("--modes", "needs at least one JIT mode", "stress", "--scenario", "put-vs-get", "--modes", ",");
        invalid("--modes", "unknown run mode 'C3'", "stress", "--scenario", "put-vs-get", "--modes", "C1,C3");
        invalid("--model", "needs at least one model; valid: lkmm, sc", "conformance", "--model", ",");
        invalid("--model", "unknown herd7 model 'arm'", "conformance", "--model", "arm");
        invalid("--model", "unknown model 'power'; valid models: sc,", "litmus", "--model", "power", "x.litmus");
        invalid("--model", "unknown model 'power'", "bench", "--litmus", ".", "--model", "power");
    }

    @Test
    void aDirectoryThatCannotBeWrittenSaysWhy(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        CliRun export = CliRun.of("litmus", "--export-dax", file.resolve("sub").toString());
        assertEquals(2, export.code(), export.err());
        assertTrue(export.err().startsWith("daxlab: --export-dax " + file.resolve("sub")
                + ": cannot write the litmus files there: " + file), export.err());
        assertTrue(export.err().contains("Not a directory") || export.err().contains("not a directory"), export.err());
        CliRun kernel = CliRun.of("install-kernel", "--jar", file.toString(), "--kernels-dir", file.resolve("k").toString());
        assertEquals(2, kernel.code(), kernel.err());
        assertTrue(kernel.err().startsWith("daxlab: --kernels-dir " + file.resolve("k")
                + ": cannot install the kernelspec there: "), kernel.err());
        CliRun noJar = CliRun.of("install-kernel", "--jar", dir.resolve("none.jar").toString(), "--kernels-dir",
                dir.resolve("k").toString());
        assertEquals(2, noJar.code(), noJar.err());
        assertTrue(noJar.err().startsWith("daxlab: no daxlab jar at "), noJar.err());
    }

    @Test
    void benchGoesOnPastABadFile(@TempDir Path dir) throws IOException {
        Files.copy(OWN.test("CoWW+plainplain.litmus"), dir.resolve("CoWW+plainplain.litmus"));
        Files.copy(LitmusSuites.Suite.herd7(OWN.test("CoWW+plainplain.litmus")), dir.resolve("CoWW+plainplain.litmus.herd7"));
        Files.writeString(dir.resolve("A-broken.litmus"), "C broken\n{}\nP0(int *x)\n{\n\tfrobnicate(x);\n}\n");
        Files.writeString(dir.resolve("B-big.litmus"), LitmusFuzz.writers(new int[] {11, 1}));
        CliRun r = CliRun.of("bench", "--litmus", dir.toString(), "--warmup", "0", "--repeat", "1", "--budget", "1000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(dir.resolve("A-broken.litmus") + ":5:2: expected a kernel primitive"), r.err());
        assertTrue(r.err().contains(dir.resolve("B-big.litmus") + ": W11x1: more than 1000 candidate executions"), r.err());
        assertTrue(r.out().contains("| CoWW+plainplain | "), r.out());
        assertTrue(r.out().contains("herd7 agrees on 1 of 1 compared"), r.out());
        assertTrue(r.out().contains("2 of 3 files left out (see the errors above)"), r.out());
    }

    @Test
    void jobsKeepTheOrderOfTheFiles() {
        List<String> args = new ArrayList<>(List.of("litmus", "--model", "lkmm", "--check"));
        OWN.tests().stream().limit(12).forEach(p -> args.add(p.toString()));
        CliRun one = CliRun.of(args.toArray(new String[0]));
        args.add(1, "-j");
        args.add(2, "3");
        CliRun three = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, one.code(), one.err());
        assertEquals(0, three.code(), three.err());
        assertEquals(one.out(), three.out());
        assertEquals(one.err(), three.err());
        assertTrue(three.err().contains("daxlab: 12 agree with herd7, 0 differ"), three.err());
    }

    @Test
    void aRunOverItsBudgetSaysHowFarItGot(@TempDir Path dir) throws IOException {
        Path big = Files.writeString(dir.resolve("W11x1.litmus"), LitmusFuzz.writers(new int[] {11, 1}));
        CliRun r = CliRun.of("litmus", "--model", "lkmm", "--budget", "1000", big.toString(),
                OWN.test("CoWW+plainplain.litmus").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(big + ": W11x1: more than 1000 candidate executions; stopped after 1000 candidate "
                + "executions (1000 allowed, "), r.err());
        assertTrue(r.out().contains("Test CoWW+plainplain Allowed"), r.out());
    }
}
