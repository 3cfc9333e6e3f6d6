package daxlab.kernel;

import daxlab.outcome.Histogram;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel's Java engine without Jupyter: values, errors, completion, interrupts. */
class JavaReplTest {
    private static JavaRepl repl;

    @BeforeAll
    static void start() {
        repl = new JavaRepl(JavaRepl.ownClassPath());
    }

    @AfterAll
    static void stop() {
        repl.close();
    }

    @Test
    void aTrailingExpressionIsTheCellsValueAsARealObject() {
        Optional<Object> v = repl.eval(1, "var s = Scenarios.build(Scenario.PUT_VS_GET, PutVariant.ORIGINAL);\n"
                + "var h = Interleavings.enumerate(s.program(), s.classifier());\nh");
        Histogram h = assertInstanceOf(Histogram.class, v.orElseThrow());
        assertEquals(4, h.total().intValue());
        assertEquals(Optional.empty(), repl.eval(2, "int unused = 1;"));
        assertEquals(Optional.of(42), repl.eval(3, "6 * 7"));
        assertEquals(Optional.of(JavaRepl.NullValue.INSTANCE), repl.eval(4, "String nothing = null;\nnothing"));
    }

    @Test
    void compileErrorsNameTheCellLineAndPointAtIt() {
        CellFailure f = assertThrows(CellFailure.class, () -> repl.eval(5, "int y = 1;\nint z = y +\n  undefinedThing;"));
        assertEquals("CompileError", f.ename());
        assertEquals("cannot find symbol", f.evalue());
        String tb = plain(f.traceback());
        assertTrue(tb.contains("symbol:   variable undefinedThing"), tb);
        assertTrue(tb.contains("line 3 |   undefinedThing;"), tb);
        assertTrue(tb.contains("^^^^^^^^^^^^^^"), tb);
    }

    @Test
    void userExceptionsKeepTheirClassMessageAndCellLines() {
        CellFailure f = assertThrows(CellFailure.class, () -> repl.eval(6,
                "// a comment first\nvoid wipe() {\n  throw new IllegalStateException(\"ops wiped\");\n}\n\nwipe();"));
        assertEquals("java.lang.IllegalStateException", f.ename());
        assertEquals("ops wiped", f.evalue());
        String tb = plain(f.traceback());
        assertTrue(tb.contains("at wipe, cell [6] line 3: throw new IllegalStateException(\"ops wiped\");"), tb);
        assertTrue(tb.contains("at cell [6] line 6: wipe();"), tb);
        CellFailure inClass = assertThrows(CellFailure.class, () -> repl.eval(11,
                "\n\n/* blank lines and comments first */\nclass Holder {\n  void put() {\n    throw new IllegalArgumentException(\"wrong holder\");\n  }\n}\nnew Holder().put();"));
        String tb2 = plain(inClass.traceback());
        assertTrue(tb2.contains("at put, cell [11] line 6: throw new IllegalArgumentException(\"wrong holder\");"), tb2);
        assertTrue(tb2.contains("at cell [11] line 9: new Holder().put();"), tb2);
        assertFalse(tb.contains("jdk.jshell") || tb.contains("reflect"), tb);
        // the session survives: what was defined before the failing snippet is still there
        assertEquals(Optional.of(7), repl.eval(7, "int seven = 7;\nseven"));
    }

    @Test
    void wrapperNamesDoNotLeakIntoMessages() {
        CellFailure f = assertThrows(CellFailure.class, () -> repl.eval(8, "Object o = null;\no.toString()"));
        assertEquals("java.lang.NullPointerException", f.ename());
        assertTrue(f.evalue().contains("because \"o\" is null"), f.evalue());
    }

    @Test
    void anInterruptStopsALongEnumerationWithinASecond() throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                repl.eval(9, "Interleavings.enumerate(Scenarios.scaled(6, PutVariant.PATCH_V1), Classifier.NONE, "
                        + "Settings.defaults().withBudget(50_000_000))");
                return null;
            } catch (CellFailure e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!repl.running()) {
            assertTrue(System.nanoTime() < deadline, "the enumeration never started");
            Thread.sleep(20);
        }
        Thread.sleep(300);
        long interrupted = System.nanoTime();
        repl.interrupt();
        CellFailure f = (CellFailure) outcome.get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - interrupted) / 1e9;
        assertEquals("java.util.concurrent.CancellationException", f.ename(), plain(f.traceback()));
        assertTrue(seconds < 1.0, "stopped after " + seconds + " s");
    }

    @Test
    void completenessCompletionAndDocumentation() {
        assertEquals("complete", repl.completeness("1 + 1"));
        assertEquals("incomplete", repl.completeness("for (int i = 0; i < 2; i++) {"));
        assertEquals("invalid", repl.completeness("int x = ;"));
        String code = "int a = 1;\nScenarios.bui";
        JavaRepl.Completions c = repl.complete(code, code.length());
        assertTrue(c.names().contains("build("), c.names().toString());
        assertEquals(code.indexOf("bui"), c.start());
        assertFalse(repl.documentation("Scenarios.build", 12, true).isEmpty());
    }

    @Test
    void incompleteCellsSayWhatIsOpen() {
        CellFailure f = assertThrows(CellFailure.class, () -> repl.eval(10, "int ok = 1;\nfor (int i = 0; i < 2; i++) {"));
        assertEquals("CompileError", f.ename());
        assertTrue(plain(f.traceback()).contains("line 2 | for (int i = 0; i < 2; i++) {"), plain(f.traceback()));
    }

    @Test
    void classpathAndJarsMagicsMakeNewClassesUsable(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, "ext", "Greeter", "public static String hi() { return \"hi from a dir\"; }");
        Magics.run(List.of("classpath", classes.toString()), repl);
        assertEquals(Optional.of("hi from a dir"), repl.eval(12, "ext.Greeter.hi()"));

        Path jarClasses = compile(dir.resolve("j"), "lib", "Tool", "public static int answer() { return 42; }");
        Path jar = dir.resolve("tool.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("lib/Tool.class"));
            out.write(Files.readAllBytes(jarClasses.resolve("lib/Tool.class")));
            out.closeEntry();
        }
        String said = Magics.run(List.of("jars", dir.resolve("*.jar").toString()), repl);
        assertTrue(said.contains("tool.jar"), said);
        assertEquals(Optional.of(42), repl.eval(13, "lib.Tool.answer()"));
        assertTrue(Magics.run(List.of("classpath"), repl).contains(jar.toString()));
    }

    static Path compile(Path dir, String pkg, String name, String body) throws IOException {
        Path src = dir.resolve(name + ".java");
        Files.createDirectories(dir);
        Files.writeString(src, "package " + pkg + "; public class " + name + " { " + body + " }");
        Path out = dir.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString());
        assertEquals(0, rc, "javac " + src);
        return out;
    }

    static String plain(List<String> lines) {
        return String.join("\n", lines).replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
