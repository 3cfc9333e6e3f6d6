package daxlab.dax;

import daxlab.dax.c.KernelCException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes in a participant's C are errors at the line and column of the text, saying what was
 * expected there and what was found, with the line and a caret under the place; syntax and
 * meaning alike, dead branches included.
 */
class KernelCErrorsTest {

    /** text, line, column, what the message expects (a part of it), what it found. */
    static Stream<Arguments> puts() {
        return Stream.of(
                // syntax: a missing ';' belongs at the end of its line, as a C compiler says
                Arguments.of("WRITE_ONCE(dax_dev->holder_ops, NULL)\nput_dax(dax_dev);\n", 1, 38, "';'",
                        "'put_dax' on line 2"),
                Arguments.of("if (READ_ONCE(dax_dev->holder_data) != holder {\n\treturn;\n}\n", 1, 47, "')'", "'{'"),
                Arguments.of("if (x)\n\treturn;\n} put_dax(dax_dev);\n", 3, 1, "an expression", "'}'"),
                Arguments.of("while (1)\n\tput_dax(dax_dev);\n", 1, 1, "a statement the models run", "'while' (loops are not modelled)"),
                Arguments.of("WRITE_ONCE(dax_dev->holder_ops, NULL);\n/* unclosed\n", 2, 1, "'*/'", "the end of the text"),
                Arguments.of("void *prev;\nprev += 1;\n", 2, 6, "compound assignments are not modelled", "'+='"),
                Arguments.of("#define X 1\n", 1, 1, "preprocessor lines", "'#'"),
                // names
                Arguments.of("if (READ_ONCE(dev->holder_data) != holder)\n\treturn;\n", 1, 15,
                        "dax_dev->holder_data or dax_dev->holder_ops", "'dev->holder_data'"),
                Arguments.of("\tvoid *prev;\n\n\tprev = cmpxchg(&dax_dev->holder_data, holder, NULL);\n\tWARN_ON(pre != holder);\n",
                        4, 10, "a declared local, a parameter (dax_dev, holder) or NULL", "'pre'"),
                Arguments.of("WRITE_ONCE(dax_dev->flags, 0);\n", 1, 21, "holder_data or holder_ops", "'flags'"),
                Arguments.of("holder = NULL;\n", 1, 1, "the models keep the parameters constant", "'holder'"),
                Arguments.of("int dax_dev;\n", 1, 5, "a new name for the local", "'dax_dev', a parameter of fs_put_dax()"),
                // primitives and their arguments
                Arguments.of("void *p = smp_load_acquire(dax_dev->holder_data);\n", 1, 28, "'&' before the location",
                        "'dax_dev->holder_data'"),
                Arguments.of("void *p = READ_ONCE(&dax_dev->holder_data);\n", 1, 21, "the location without '&'", "'&'"),
                Arguments.of("cmpxchg(&dax_dev->holder_data, holder);\n", 1, 1, "cmpxchg() with 3 arguments",
                        "2 arguments"),
                Arguments.of("atomic_set(&dax_dev->holder_data, 0);\n", 1, 1, "a primitive the models know", "'atomic_set()'"),
                Arguments.of("void *p = WRITE_ONCE(dax_dev->holder_ops, NULL);\n", 1, 11, "a value",
                        "'WRITE_ONCE()', which returns nothing"),
                Arguments.of("put_dax(holder);\n", 1, 9, "dax_dev", "'holder'"),
                Arguments.of("synchronize_srcu(&dax_srcu_lock);\n", 1, 18, "&dax_srcu", "'&...'"),
                Arguments.of("if (dax_dev->holder_ops + 1)\n\treturn;\n", 1, 25, "an operator the models know", "'+'"),
                Arguments.of("return NULL;\n", 1, 8, "';' (fs_put_dax() returns void)", "a value"),
                Arguments.of("goto out;\nout:\nput_dax(dax_dev);\nout2:\ngoto out;\n", 5, 1,
                        "a goto to a label later in the function", "'goto out'"),
                Arguments.of("void *p = dax_alive(dax_dev);\n", 1, 11, "a primitive of fs_put_dax()", "'dax_alive()'"),
                // dead branches are checked too
                Arguments.of("if (!dax_dev)\n\tREAD_ONCE(dax_dev->holder_opps);\nput_dax(dax_dev);\n", 2, 21,
                        "holder_data or holder_ops", "'holder_opps'"),
                // a whole function must be fs_put_dax() with its two parameters
                Arguments.of("void fs_put_dax(struct dax_device *dax_dev)\n{\n}\n", 1, 1, "fs_put_dax() with its 2 parameters",
                        "1 parameters"),
                Arguments.of("int dax_holder_notify_failure(struct dax_device *d, u64 o, u64 l, int f)\n{\n\treturn 0;\n}\n",
                        1, 1, "fs_put_dax() (or only its body)", "'dax_holder_notify_failure'"));
    }

    @ParameterizedTest
    @MethodSource("puts")
    void putMistakesAreLocated(String text, int line, int column, String expected, String found) {
        KernelCException e = assertThrows(KernelCException.class, () -> new OwnPut("mine", text));
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.expected().contains(expected), e.getMessage());
        assertEquals(found, e.found(), e.getMessage());
        assertTrue(e.getMessage().startsWith("fix(\"mine\"):" + line + ":" + column + ": expected "), e.getMessage());
    }

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("return;\n", 1, 1, "a value to return", "'return;'"),
                Arguments.of("WARN_ON(1);\nreturn 0;\n", 1, 1, "WARN_ON() is counted in fs_put_dax() only", "'WARN_ON()'"),
                Arguments.of("synchronize_srcu(&dax_srcu);\nreturn 0;\n", 1, 1, "a grace period there waits for itself",
                        "'synchronize_srcu()'"),
                Arguments.of("int id = dax_read_lock();\nreturn 0;\n", 1, 10, "a body runs inside dax_read_lock() already",
                        "'dax_read_lock()'"),
                Arguments.of("const struct dax_holder_operations *ops = READ_ONCE(dax_dev->holder_ops);\n"
                        + "if (!ops || !ops->notify_failure(dax_dev, off, len, mf_flags))\n\treturn -EOPNOTSUPP;\nreturn 0;\n",
                        2, 14, "the callback on a line of its own", "a call of it inside an expression"),
                Arguments.of("const struct dax_holder_operations *ops = READ_ONCE(dax_dev->holder_ops);\n"
                        + "return ops->notify(dax_dev, off, len, mf_flags);\n", 2, 13, "notify_failure", "'notify'"),
                Arguments.of("if (off)\n\treturn 0;\nreturn -EOPNOTSUPP;\n", 1, 5, "only passed on to notify_failure()", "'off'"),
                Arguments.of("return EOPNOTSUPP;\n", 1, 8, "-EOPNOTSUPP (errors are returned negated)", "'EOPNOTSUPP'"));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void readerMistakesAreLocated(String text, int line, int column, String expected, String found) {
        KernelCException e = assertThrows(KernelCException.class, () -> new OwnReader("r", text));
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.expected().contains(expected), e.getMessage());
        assertEquals(found, e.found(), e.getMessage());
        assertTrue(e.getMessage().startsWith("reader(\"r\"):" + line + ":" + column + ": expected "), e.getMessage());
    }

    /** The message shows the line and a caret under the column, tabs kept so that it lines up. */
    @Test
    void theMessageShowsTheLineWithACaret() {
        KernelCException e = assertThrows(KernelCException.class,
                () -> new OwnPut("mine", "if (x) {\n\tWRITE_ONCE(dax_dev->holder_opz, NULL);\n}\n"));
        assertEquals("fix(\"mine\"):1:5: expected a declared local, a parameter (dax_dev, holder) or NULL but found 'x'\n"
                + "    if (x) {\n"
                + "        ^", e.getMessage());
        KernelCException tab = assertThrows(KernelCException.class,
                () -> new OwnPut("mine", "if (dax_dev) {\n\tWRITE_ONCE(dax_dev->holder_opz, NULL);\n}\n"));
        assertEquals("fix(\"mine\"):2:22: expected holder_data or holder_ops (the fields of struct dax_device the "
                + "models keep) but found 'holder_opz'\n"
                + "    \tWRITE_ONCE(dax_dev->holder_opz, NULL);\n"
                + "    \t                    ^", tab.getMessage());
    }

    @Test
    void namesThatCannotLabelARowAreRefused() {
        for (String bad : new String[] {"", "   ", "a\nb", "x".repeat(61), "say \"hi\"", "(* c *)", "---"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OwnPut(bad, "put_dax(dax_dev);"));
            assertTrue(e.getMessage().startsWith("fix(name, text): the name labels rows, charts and files"), e.getMessage());
        }
    }
}
