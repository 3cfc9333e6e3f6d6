package daxlab.litmus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad litmus files: the error names file, line, column, what was expected and what was found. */
class SyntaxErrorTest {

    private static final String GOOD_HEAD = "C t\n\n{}\n\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("missing header", "P0(int *x) { }", 1, 1, "expected 'C' and the test name"),
                Arguments.of("no init block", "C t\nP0(int *x) {}\n", 2, 1, "expected '{' opening the init block"),
                Arguments.of("unknown primitive", GOOD_HEAD + "P0(int *x)\n{\n\tint r0;\n\tr0 = READ_TWICE(*x);\n}\n",
                        8, 7, "expected a kernel primitive (did you mean READ_ONCE?) but found 'READ_TWICE'"),
                Arguments.of("unknown primitive as statement", GOOD_HEAD + "P0(int *x)\n{\n\tfoo(x);\n}\n",
                        7, 2, "expected a kernel primitive (READ_ONCE, WRITE_ONCE, smp_load_acquire"),
                Arguments.of("wrong arity", GOOD_HEAD + "P0(int *x)\n{\n\tWRITE_ONCE(*x);\n}\n",
                        7, 2, "expected 2 arguments to WRITE_ONCE but found 1"),
                Arguments.of("READ_ONCE needs an lvalue", GOOD_HEAD + "P0(int *x)\n{\n\tint r0;\n\tr0 = READ_ONCE(x);\n}\n",
                        8, 17, "expected '*' and a pointer"),
                Arguments.of("assigning a parameter", GOOD_HEAD + "P0(int *x)\n{\n\tx = READ_ONCE(*x);\n}\n",
                        7, 2, "expected a register (assigning a pointer parameter is not supported"),
                Arguments.of("reading an undeclared register", GOOD_HEAD + "P0(int *x)\n{\n\tWRITE_ONCE(*x, r9);\n}\n",
                        7, 17, "expected a declared local variable or parameter of P0 but found 'r9'"),
                Arguments.of("undeclared variable in expression", GOOD_HEAD + "P0(int *x)\n{\n\tWRITE_ONCE(*x, y);\n}\n",
                        7, 17, "but found 'y'"),
                Arguments.of("missing semicolon", GOOD_HEAD + "P0(int *x)\n{\n\tWRITE_ONCE(*x, 1)\n}\n",
                        8, 1, "expected ';' after the statement but found '}'"),
                Arguments.of("unterminated body", GOOD_HEAD + "P0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n",
                        8, 1, "but found end of file"),
                Arguments.of("threads out of order", GOOD_HEAD + "P1(int *x)\n{\n}\n", 5, 1, "expected thread P0"),
                Arguments.of("unterminated comment", "C t\n(* open\n (* nested *)\n{}\n", 2, 1,
                        "expected '*)' closing this comment but found end of file"),
                Arguments.of("condition names a missing thread", GOOD_HEAD + "P0(int *x)\n{\n}\n\nexists (3:r0=1)\n",
                        9, 9, "expected a register of thread P0..P0 but found '3:r0'"),
                Arguments.of("bad condition operator", GOOD_HEAD + "P0(int *x)\n{\n}\n\nexists (x=1 && x=2)\n",
                        9, 13, "expected ')' or an operator"),
                Arguments.of("bad quantifier", GOOD_HEAD + "P0(int *x)\n{\n}\n\n~forall (x=1)\n",
                        9, 2, "expected 'exists' after '~'"),
                Arguments.of("trailing garbage", GOOD_HEAD + "P0(int *x)\n{\n}\n\nexists (x=1)\nfoo\n",
                        10, 1, "expected end of file after the condition but found 'foo'"),
                Arguments.of("short-circuit with an access", GOOD_HEAD
                        + "P0(int *x)\n{\n\tint r0;\n\tif (r0 && READ_ONCE(*x))\n\t\tr0 = 2;\n}\n",
                        8, 12, "expected no memory access on the right of &&"),
                Arguments.of("init of a missing thread's register", "C t\n{\n x=1;\n 2:r0=1;\n}\nP0(int *x) {}\n", 4, 2,
                        "expected a register of thread P0..P0 in the init block but found thread P2"),
                Arguments.of("bad init", "C t\n{ x = ; }\nP0(int *x) {}\n", 2, 7, "expected an initial value"),
                Arguments.of("loops are not supported", GOOD_HEAD + "P0(int *x)\n{\n\twhile (1) ;\n}\n",
                        7, 2, "expected a statement this parser supports"),
                Arguments.of("struct members", GOOD_HEAD + "P0(int *x)\n{\n\tWRITE_ONCE(x->a, 1);\n}\n",
                        7, 14, "struct members are not supported"),
                Arguments.of("bad character", GOOD_HEAD + "P0(int *x)\n{\n\tWRITE_ONCE(*x, 1) @;\n}\n",
                        7, 20, "expected a token but found '@'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void errorsNameFileLineColumnAndWhatWasExpected(String what, String source, int line, int col, String message) {
        LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class, () -> LitmusParser.parse(source, "bad.litmus"));
        assertTrue(e.getMessage().startsWith("bad.litmus:" + line + ":" + col + ": expected "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(" but found "), e.getMessage());
        assertEquals("bad.litmus", e.file());
        assertEquals(line, e.line());
        assertEquals(col, e.column());
    }

    @Test
    void nestedCommentsAndLineCommentsAreSkipped() {
        String src = "C t\n(* outer (* inner *) still comment *)\n{ x=1; // init\n}\n// before a thread\n"
                + "P0(int *x) // a C comment\n{\n\tint r0; /* block */\n\tr0 = READ_ONCE(*x);\n}\n"
                + "exists (0:r0=1) (* trailing *)\n";
        LitmusTest t = LitmusParser.parse(src, "ok.litmus");
        assertEquals(1, t.program().threads().get(0).body().size());
    }
}
