package daxlab.litmus;

import daxlab.program.Cond;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of herd7's grammar the kernel's own tests do not use (the litmus-diff suite runs them too). */
class HerdGrammarTest {
    private static final String BODY = "{\n}\n\nP0(int *x)\n{\n\tint r0;\n\n\tr0 = READ_ONCE(*x);\n}\n\nexists (0:r0=0)\n";

    @Test
    void theFirstLineMayCarryATexNameADescriptionAndASemicolon() {
        LitmusTest t = LitmusParser.parse("C MP+foo.litmus (MP-tex) \"what it shows\" ;\n" + BODY, "t.litmus");
        assertEquals("MP+foo", t.name());
        assertEquals("MP+foo", t.program().name());
    }

    @Test
    void diyHeaderLinesAndFreeTextBeforeTheInitBlockAreSkipped() {
        String src = "C t\n\"Rfe PodRR Fre\"\nCycle=Rfe PodRR Fre PodWW\nRelax=\nSafe=Rfe Fre\n"
                + "Prefetch=0:x=F,0:y=W\nCom=Rf Fr\nOrig=PodWW Rfe PodRR Fre\nC another name line\n" + BODY;
        assertEquals("t", LitmusParser.parse(src, "t.litmus").name());
    }

    @Test
    void aMissingInitBlockIsStillReportedAtTheThread() {
        LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class,
                () -> LitmusParser.parse("C t\nCycle=Rfe\nP0(int *x) {}\n", "t.litmus"));
        assertEquals("t.litmus:3:1: expected '{' opening the init block but found 'P0'", e.getMessage());
    }

    @Test
    void conditionsCompareFields() {
        LitmusTest t = LitmusParser.parse("C t\n{\n}\n\nP0(int *x)\n{\n\tint r0;\n\n\tr0 = READ_ONCE(*x);\n}\n\n"
                + "P1(int *x)\n{\n\tint r0;\n\n\tr0 = READ_ONCE(*x);\n}\n\nexists (0:r0=1:r0 /\\ x=P1:r0)\n", "t.litmus");
        Cond c = t.program().condition().proposition();
        assertEquals(new Cond.And(new Cond.Same("0:r0", "1:r0"), new Cond.Same("x", "1:r0")), c);
        assertTrue(c.eval(Map.of("0:r0", Value.of(2), "1:r0", Value.of(2), "x", Value.of(2))::get));
    }

    @Test
    void theFilterIsKeptApartFromTheReportedFields() {
        LitmusTest t = LitmusParser.parse("C t\n{\n}\n\nP0(int *x, int *y)\n{\n\tint r0;\n\tint r1;\n\n"
                + "\tr0 = READ_ONCE(*x);\n\tr1 = READ_ONCE(*y);\n}\n\nfilter (0:r1=0)\nexists (0:r0=0)\n", "t.litmus");
        assertEquals(1, t.program().observables().size(), "0:r0 only");
        assertEquals("0:r1", t.program().filter().observables().get(0).name());
        assertEquals("filter (0:r1=0)", t.program().filter().text());
    }

    @Test
    void typedRegistersInTheInitBlock() {
        LitmusTest t = LitmusParser.parse("C t\n{\n\tint *0:r1 = x;\n\tint 0:r2;\n}\n\nP0(int *x)\n{\n"
                + "\tint r0;\n\n\tr0 = READ_ONCE(*r1);\n}\n\nexists (0:r0=0 /\\ 0:r2=0)\n", "t.litmus");
        assertEquals(new daxlab.program.Instr.Assign("r1", daxlab.program.Expr.addr("x")),
                t.program().threads().get(0).body().get(0));
    }
}
