package daxlab.cat;

import daxlab.axiomatic.Axiomatic;
import daxlab.litmus.Herd7Layout;
import daxlab.litmus.Herd7Result;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusSuites;
import daxlab.litmus.LitmusTest;
import daxlab.outcome.Classifier;
import daxlab.program.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interpreter runs whatever the files say: a kernel tree's {@code tools/memory-model} read
 * as is, an axiom dropped, another cat file, a missing variant; and a file that is wrong is
 * reported at {@code file:line:col}. Expected answers for the modified models are herd7 7.58's
 * on the same modified files.
 */
class CatModelFilesTest {
    static final LitmusSuites.Suite OWN = LitmusSuites.own();
    static final List<String> FILES = List.of("linux-kernel.cfg", "linux-kernel.bell", "linux-kernel.cat",
            "linux-kernel.def", "lock.cat");

    /** A copy of the shipped files in {@code dir}, as a kernel tree's tools/memory-model holds them. */
    static Path memoryModel(Path dir) throws IOException {
        for (String f : FILES) {
            try (InputStream in = CatModelFilesTest.class.getClassLoader().getResourceAsStream("daxlab/lkmm/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> file + " has no '" + from + "'");
        Files.writeString(file, text.replace(from, to));
    }

    /** herd7's layout of the model's answer, without the lines that are herd7's own (Hash, Time). */
    static Herd7Result answer(CatModel m, String test) throws IOException {
        LitmusTest t = LitmusParser.parse(OWN.test(test));
        Axiomatic.Result r = m.run(t.program(), Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "");
        return Herd7Layout.result(t.program(), r.histogram());
    }

    /** {@code Never 0 3}, as herd7's Observation line ends. */
    static String observation(CatModel m, String test) throws IOException {
        Herd7Result r = answer(m, test);
        return r.observation() + " " + r.obsPositive() + " " + r.obsNegative();
    }

    @Test
    void aKernelTreesFilesAreReadAsTheyAre(@TempDir Path dir) throws IOException {
        CatModel m = CatModel.load("lkmm", ModelFiles.directory(memoryModel(dir)));
        assertEquals("Linux-kernel memory consistency model", m.title());
        assertTrue(m.source().contains(dir.toString()), m.source());
        for (String test : List.of("2+2W+fencembonceonces.litmus", "MP+polockonceonce+poacquireonce.litmus",
                "SRCU-deferred-free.litmus", "LB+plains.litmus")) {
            assertEquals(List.of(), answer(m, test).differencesFrom(Herd7Result.parse(LitmusSuites.Suite.herd7(OWN.test(test))),
                    Herd7Result.Comparison.EXACT), test);
        }
    }

    /**
     * Without {@code acyclic pb as propagation}, 2+2W with smp_mb() on both sides is allowed:
     * herd7 7.58 on the same files says Sometimes 1 3. The hand-written model no longer equals
     * this one, and the equality test says so.
     */
    @Test
    void droppingAnAxiomChangesTheVerdict(@TempDir Path dir) throws IOException {
        Path mm = memoryModel(dir);
        edit(mm.resolve("linux-kernel.cat"), "acyclic pb as propagation", "(* propagation dropped *)");
        CatModel dropped = CatModel.load("lkmm", ModelFiles.directory(mm));
        String test = "2+2W+fencembonceonces.litmus";
        assertEquals("Never 0 3", observation(CatModel.lkmm(), test));
        assertEquals("Sometimes 1 3", observation(dropped, test));
        Program p = LitmusParser.parse(OWN.test(test)).program();
        CatLkmmEqualityTest.assertSameAllowedExecutions(CatModel.lkmm(), p);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> CatLkmmEqualityTest.assertSameAllowedExecutions(dropped, p));
        assertTrue(e.getMessage().contains("the cat file allows 1 time(s), Lkmm never"), e.getMessage());
        assertThrows(AssertionFailedError.class, () -> CatLkmmEqualityTest.assertSameVerdicts(dropped, p));
    }

    /**
     * {@code --cat}: another cat file with the shipped bell, macros and lock.cat (looked up
     * beside it, then in the model's files). Without happens-before, MP with smp_wmb() and an
     * acquire is allowed: herd7 7.58 says Sometimes 1 3.
     */
    @Test
    void anotherCatFileWithTheRestOfTheModel(@TempDir Path dir) throws IOException {
        Path mine = dir.resolve("my-lkmm.cat");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("daxlab/lkmm/linux-kernel.cat")) {
            Files.copy(in, mine);
        }
        edit(mine, "acyclic hb as happens-before", "(* no happens-before *)");
        CatModel m = CatModel.load("lkmm", ModelFiles.shipped().withCat(mine));
        assertEquals("Sometimes 1 3",
                observation(m, "MP+fencewmbonceonce+poacquireonce.litmus"));
    }

    /** Without {@code variant lkmmv2} the file's own flag fires, as herd7's does. */
    @Test
    void theConfigurationsVariantsAreTheFiles(@TempDir Path dir) throws IOException {
        Path mm = memoryModel(dir);
        edit(mm.resolve("linux-kernel.cfg"), "variant lkmmv2\n", "");
        Herd7Result r = answer(CatModel.load("lkmm", ModelFiles.directory(mm)), "SB+pocmpxchgfailonces.litmus");
        assertEquals(List.of(new daxlab.outcome.Flag("this-model-requires-variant-higher-than-lkmmv1")), r.flags());
        assertEquals("Sometimes 1 3", r.observation() + " " + r.obsPositive() + " " + r.obsNegative());
    }

    @Test
    void syntaxErrorsPointAtFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path mm = memoryModel(dir);
        edit(mm.resolve("linux-kernel.cat"), "let com = rf | co | fr", "let com = rf | | co | fr");
        CatException e = assertThrows(CatException.class, () -> CatModel.load("lkmm", ModelFiles.directory(mm)));
        assertEquals(mm.resolve("linux-kernel.cat") + ":79:16: expected an expression but found '|'", e.getMessage());
    }

    @Test
    void unboundNamesAreReportedWhenTheModelIsLoaded(@TempDir Path dir) throws IOException {
        Path mm = memoryModel(dir);
        edit(mm.resolve("linux-kernel.cat"), "acyclic po-loc | com as coherence", "acyclic po-loc | comm as coherence");
        CatException e = assertThrows(CatException.class, () -> CatModel.load("lkmm", ModelFiles.directory(mm)));
        assertEquals(mm.resolve("linux-kernel.cat") + ":80:18: 'comm' is not bound here (not a built-in, not defined"
                + " before this point)", e.getMessage());
    }

    @Test
    void missingFilesAreNamed(@TempDir Path dir) throws IOException {
        CatException noCfg = assertThrows(CatException.class, () -> ModelFiles.directory(dir));
        assertEquals(dir + ": no linux-kernel.cfg (give a kernel tree's tools/memory-model)", noCfg.getMessage());
        Path mm = memoryModel(dir);
        edit(mm.resolve("linux-kernel.cat"), "include \"lock.cat\"", "include \"locks.cat\"");
        CatException noInclude = assertThrows(CatException.class, () -> CatModel.load("lkmm", ModelFiles.directory(mm)));
        assertEquals(mm.resolve("linux-kernel.cat") + ":21:1: cannot find \"locks.cat\" (looked in " + mm
                + " and daxlab's library)", noInclude.getMessage());
        edit(mm.resolve("linux-kernel.cat"), "include \"locks.cat\"", "include \"lock.cat\"");
        Files.delete(mm.resolve("linux-kernel.def"));
        CatException noDef = assertThrows(CatException.class, () -> CatModel.load("lkmm", ModelFiles.directory(mm)));
        assertEquals("no linux-kernel.def in " + mm, noDef.getMessage());
    }

    @Test
    void whatTheInterpreterDoesNotRunIsSaidSo(@TempDir Path dir) throws IOException {
        Path mm = memoryModel(dir);
        edit(mm.resolve("linux-kernel.cat"), "let com = rf | co | fr", "procedure p(r) = acyclic r end\nlet com = rf | co | fr");
        CatException e = assertThrows(CatException.class, () -> CatModel.load("lkmm", ModelFiles.directory(mm)));
        assertEquals(mm.resolve("linux-kernel.cat") + ":79:1: 'procedure' is part of herd7's cat language but not of"
                + " what daxlab's interpreter runs (the LKMM's files do not use it)", e.getMessage());
    }
}
