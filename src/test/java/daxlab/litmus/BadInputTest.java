package daxlab.litmus;

import daxlab.interleave.Interleavings;
import daxlab.outcome.Classifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input no litmus test should be, and what the parser makes of it: an error at its place
 * ({@code file:line:col}), never a stack overflow or a hang. Nesting is limited to
 * {@link Nesting#MAX} levels; parsing runs here on a thread with a small stack (256 KiB) to show
 * the limit keeps the recursion well inside one.
 */
class BadInputTest {
    private static final String HEAD = "C deep\n\n{}\n\nP0(int *x)\n{\n\tint r0;\n\n";
    private static final int SMALL_STACK = 256 << 10;
    private static final int M = Nesting.MAX;

    /** Runs {@code work} on a thread with a small stack; rethrows what it threw. */
    private static <T> T onSmallStack(Callable<T> work) throws Throwable {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.call());
            } catch (Throwable e) {
                result.set(new Thrown(e));
            }
        }, "small-stack", SMALL_STACK);
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(!t.isAlive(), "finished in time");
        if (result.get() instanceof Thrown thrown) {
            throw thrown.e();
        }
        @SuppressWarnings("unchecked")
        T r = (T) result.get();
        return r;
    }

    private record Thrown(Throwable e) {
    }

    private static LitmusSyntaxException error(String text) throws Throwable {
        Throwable t = assertThrows(Throwable.class, () -> onSmallStack(() -> LitmusParser.parse(text, "deep.litmus")));
        return assertInstanceOf(LitmusSyntaxException.class, t, () -> "not a syntax error: " + t);
    }

    static Stream<Arguments> tooDeep() {
        String ifs = HEAD + "\tr0 = READ_ONCE(*x);\n\tif (r0 == 0) WRITE_ONCE(*x, 1);\n"
                + "\telse if (r0 == 1) WRITE_ONCE(*x, 1);\n".repeat(3000) + "}\n\nexists (x=1)\n";
        return Stream.of(
                Arguments.of("700 parentheses", HEAD + "\tr0 = " + "(".repeat(700) + "1" + ")".repeat(700)
                        + ";\n\tWRITE_ONCE(*x, r0);\n}\n\nexists (x=1)\n", 9, 7 + M, "'(' at level " + (M + 1)),
                Arguments.of("5,000 '!'", HEAD + "\tr0 = " + "!".repeat(5000) + "1;\n\tWRITE_ONCE(*x, r0);\n}\n\n"
                        + "exists (x=1)\n", 9, 7 + M, "'!' at level " + (M + 1)),
                Arguments.of("10,000 '{'", HEAD + "{".repeat(10_000) + "\tWRITE_ONCE(*x, 1);\n" + "}".repeat(10_000)
                        + "\n}\n\nexists (x=1)\n", 9, 1 + M, "'{' at level " + (M + 1)),
                Arguments.of("3,000 chained else-ifs", ifs, 10 + M, 7, "'if' at level " + (M + 1)),
                Arguments.of("ifs nested in blocks", HEAD + "\tr0 = READ_ONCE(*x);\n" + "\tif (r0) {\n".repeat(1000)
                        + "\tWRITE_ONCE(*x, 2);\n" + "\t}\n".repeat(1000) + "}\n\nexists (x=2)\n", 10 + M, 2,
                        "'if' at level " + (M + 1)),
                Arguments.of("1 + 1 + ... 10,000 times", HEAD + "\tr0 = " + String.join(" + ", java.util.Collections
                        .nCopies(10_000, "1")) + ";\n\tWRITE_ONCE(*x, r0);\n}\n\nexists (x=1)\n", 9, 7 + 4 * (M - 1) + 2,
                        "'+' at level " + (M + 1)),
                Arguments.of("3,000 stars", HEAD + "\tWRITE_ONCE(*x, " + "*".repeat(3000) + "x);\n}\n\nexists (x=1)\n",
                        9, 17 + (M - 1), "'*' at level " + (M + 1)),
                Arguments.of("nested calls", HEAD + "\tr0 = " + "READ_ONCE(".repeat(2000) + "*x" + ")".repeat(2000)
                        + ";\n}\n\nexists (0:r0=0)\n", 9, 7 + 10 * M + 9, "'(' at level " + (M + 1)),
                Arguments.of("5,000 parentheses in the condition", HEAD + "\tr0 = READ_ONCE(*x);\n}\n\nexists ("
                        + "(".repeat(5000) + "0:r0=0" + ")".repeat(5000) + ")\n", 12, 9 + (M - 1), "'(' at level " + (M + 1)),
                Arguments.of("5,000 negations in the condition", HEAD + "\tr0 = READ_ONCE(*x);\n}\n\nexists ("
                        + "~".repeat(5000) + "0:r0=0)\n", 12, 9 + (M - 1), "'~' at level " + (M + 1)),
                Arguments.of("a disjunction of 5,000", HEAD + "\tr0 = READ_ONCE(*x);\n}\n\nexists ("
                        + String.join(" \\/ ", java.util.Collections.nCopies(5000, "0:r0=1")) + ")\n", 12,
                        9 + 6 + 10 * (M - 1) + 1, "'\\/' at level " + (M + 1)),
                Arguments.of("nested ATOMIC_INIT", "C ai\n{ x = " + "ATOMIC_INIT(".repeat(3000) + "1" + ")".repeat(3000)
                        + "; }\nP0(int *x)\n{\n}\nexists (x=1)\n", 2, 7 + 12 * M, "'ATOMIC_INIT' at level " + (M + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooDeep")
    void nestingPastTheLimitIsAnErrorAtItsPlace(String what, String text, int line, int column, String found)
            throws Throwable {
        LitmusSyntaxException e = error(text);
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("deep.litmus:" + line + ":" + column + ": expected at most " + Nesting.MAX + " levels of "
                + "nested "), e.getMessage());
        assertTrue(e.getMessage().endsWith("but found " + found), e.getMessage());
    }

    /** At the limit, each kind of nesting parses, prints back and runs (SC interleavings and the LKMM). */
    @Test
    void nestingAtTheLimitParsesAndRuns() throws Throwable {
        int n = Nesting.MAX;
        String parens = HEAD + "\tr0 = " + "(".repeat(n) + "1" + ")".repeat(n) + ";\n\tWRITE_ONCE(*x, r0);\n}\n\n"
                + "exists (" + "(".repeat(n - 1) + "x=1" + ")".repeat(n - 1) + ")\n";
        String ifs = HEAD + "\tr0 = READ_ONCE(*x);\n" + "\tif (r0 == 0) {\n".repeat(n) + "\tWRITE_ONCE(*x, 2);\n"
                + "\t}\n".repeat(n) + "}\n\nexists (x=2)\n";
        String chain = HEAD + "\tr0 = " + String.join(" + ", java.util.Collections.nCopies(n, "1"))
                + ";\n\tWRITE_ONCE(*x, r0);\n}\n\nexists (x=" + n + ")\n";
        for (String text : new String[] {parens, ifs, chain}) {
            LitmusTest t = onSmallStack(() -> LitmusParser.parse(text, "limit.litmus"));
            assertEquals(t.program(), LitmusParser.parse(LitmusPrinter.print(t.program()), "again.litmus").program());
            assertEquals("Always", Herd7Layout.result(t.program(), Interleavings.enumerate(t.program(),
                    LitmusClassifier.of(t.program()))).observation(), text.substring(0, 40));
            LitmusRun lkmm = LitmusRun.of(t, LitmusEngines.byName("lkmm"), LitmusEngine.DEFAULT_BUDGET);
            assertEquals("Always", lkmm.result().observation());
        }
    }

    // ------------------------------------------------------------------ bytes and files

    private static final String GOOD = "C good\n\n{}\n\nP0(int *x)\n{\n\tint r0;\n\n\tr0 = READ_ONCE(*x);\n}\n\n"
            + "exists (0:r0=0)\n";

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] plain = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[plain.length + 3];
        marked[0] = (byte) 0xef;
        marked[1] = (byte) 0xbb;
        marked[2] = (byte) 0xbf;
        System.arraycopy(plain, 0, marked, 3, plain.length);
        assertEquals(GOOD, LitmusFile.text(marked, "bom.litmus"));
        assertEquals(LitmusParser.parse(GOOD, "a").program(), LitmusParser.parse("\ufeff" + GOOD, "a").program());
    }

    @Test
    void bytesThatAreNotUtf8AreNamedAtTheirPlace() {
        byte[] b = GOOD.replace("int r0;", "int r0; \u00e9").getBytes(StandardCharsets.ISO_8859_1);
        LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class, () -> LitmusFile.text(b, "latin1.litmus"));
        assertEquals("latin1.litmus:7:10: expected UTF-8 text but found byte 0xe9, which is not UTF-8", e.getMessage());
        // The place counts characters, not bytes: a UTF-8 'é' before it is one column.
        byte[] mixed = ("C t\n(* \u00e9 *) \u00ff").getBytes(StandardCharsets.UTF_8);
        mixed[mixed.length - 2] = (byte) 0xc0; // an overlong encoding: not UTF-8
        e = assertThrows(LitmusSyntaxException.class, () -> LitmusFile.text(mixed, "m.litmus"));
        assertEquals("m.litmus:2:9: expected UTF-8 text but found byte 0xc0, which is not UTF-8", e.getMessage());
        byte[] utf16 = ("\ufeff" + GOOD).getBytes(StandardCharsets.UTF_16LE);
        e = assertThrows(LitmusSyntaxException.class, () -> LitmusFile.text(utf16, "u16.litmus"));
        assertEquals("u16.litmus:1:1: expected UTF-8 text but found byte 0xff, which is not UTF-8 (the file starts like "
                + "UTF-16: save it as UTF-8)", e.getMessage());
    }

    @Test
    void aControlCharacterIsShownByItsCodePoint() {
        LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class,
                () -> LitmusParser.parse(GOOD.replace("int r0;", "int r0;\u0000"), "nul.litmus"));
        assertEquals("nul.litmus:7:9: expected a token but found the character U+0000", e.getMessage());
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWhereItGoesOn(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.litmus");
        String filler = "(* " + "x".repeat(99) + " *)\n";
        StringBuilder sb = new StringBuilder(GOOD);
        while (sb.length() <= LitmusFile.MAX_BYTES) {
            sb.append(filler);
        }
        Files.writeString(big, sb);
        LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class, () -> LitmusParser.parse(big));
        int line = GOOD.split("\n", -1).length + (LitmusFile.MAX_BYTES - GOOD.length()) / filler.length();
        int column = 1 + (LitmusFile.MAX_BYTES - GOOD.length()) % filler.length();
        assertEquals(big + ":" + line + ":" + column + ": expected a litmus file of at most 4 MiB but found more: "
                + "the file goes on past this point", e.getMessage());
        // At the limit it is read.
        StringBuilder under = new StringBuilder(GOOD);
        while (under.length() + filler.length() <= LitmusFile.MAX_BYTES) {
            under.append(filler);
        }
        under.append(" ".repeat(LitmusFile.MAX_BYTES - under.length()));
        Files.writeString(big, under);
        assertEquals(LitmusFile.MAX_BYTES, Files.size(big));
        assertEquals("good", LitmusParser.parse(big).name());
    }

    @Test
    void whatIsNotARegularFileIsRefusedUnopened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.litmus");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        FileSystemException e = assertThrows(FileSystemException.class, () -> onSmallStack(() -> LitmusParser.parse(fifo)));
        assertEquals(fifo + ": not a regular file but a FIFO; litmus tests are read from regular files", e.getMessage());
        e = assertThrows(FileSystemException.class, () -> LitmusParser.parse(Path.of("/dev/zero")));
        assertEquals("/dev/zero: not a regular file but a character device; litmus tests are read from regular files",
                e.getMessage());
        e = assertThrows(FileSystemException.class, () -> LitmusParser.parse(dir));
        assertEquals(dir + ": not a regular file but a directory; litmus tests are read from regular files",
                e.getMessage());
    }

    // ------------------------------------------------------------------ registers the condition names

    /** 14 lines: the clause under test starts line 15. */
    private static final String TWO = "C t\n{ 1:r7=3; }\nP0(int *x)\n{\n\tint r0;\n\tint r5;\n\n\tr0 = READ_ONCE(*x);\n"
            + "\tr3 = r0;\n}\nP1(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\n";

    static Stream<Arguments> undeclared() {
        return Stream.of(
                Arguments.of("exists (1:r9=1)\n", 15, 9, "'1:r9' is no register P1 declares, assigns or initialises"
                        + " (r7); herd7 reads it as 0, and so does daxlab"),
                Arguments.of("locations [0:r4]\nexists (0:r0=1)\n", 15, 12, "'0:r4' is no register P0 declares, "
                        + "assigns or initialises (r0, r5, r3); herd7 reads it as 0, and so does daxlab"),
                Arguments.of("filter (0:r9=0)\nexists (0:r0=1)\n", 15, 9, "'0:r9' is no register P0 declares, "
                        + "assigns or initialises (r0, r5, r3); herd7 reads it as 0, and so does daxlab"),
                Arguments.of("exists (0:r0=1:r8)\n", 15, 14, "'1:r8' is no register P1 declares, assigns or "
                        + "initialises (r7); herd7 reads it as 0, and so does daxlab"),
                Arguments.of("exists (0:r0=1 /\\ z=0)\n", 15, 19, "'z' is no shared location of this test (x); "
                        + "herd7 reads it as 0, and so does daxlab"));
    }

    /**
     * herd7 7.58 answers a test whose condition, locations or filter name a register the thread
     * does not have, or a location no thread has, reading it as 0 (a public test, C-srcu-nest-6, lists one in its locations;
     * litmus-diff/UNDECLARED+* hold herd7's answers): accepted, with a warning at its place,
     * since a misspelt register never matches.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("undeclared")
    void aRegisterTheThreadDoesNotHaveIsReadAsZeroWithAWarning(String clause, int line, int column, String message) {
        LitmusTest t = LitmusParser.parse(TWO + clause, "t.litmus");
        assertEquals(List.of("t.litmus:" + line + ":" + column + ": " + message), t.warnings());
    }

    @Test
    void declaredAssignedAndInitialisedRegistersMayBeNamed() {
        LitmusTest t = LitmusParser.parse(TWO + "locations [0:r5; 0:r3]\nexists (0:r0=1 /\\ 1:r7=3)\n", "t.litmus");
        assertEquals(4, t.program().observables().size());
    }
}
