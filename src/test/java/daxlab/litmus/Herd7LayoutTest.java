package daxlab.litmus;

import daxlab.outcome.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** herd7's rules for the three quantifiers: Allowed/Forbidden/Required, Ok/No, swapped witnesses. */
class Herd7LayoutTest {
    private static final String SB = "C SB\n{}\nP0(int *x, int *y)\n{\n\tint r0;\n\tWRITE_ONCE(*x, 1);\n"
            + "\tr0 = READ_ONCE(*y);\n}\nP1(int *x, int *y)\n{\n\tint r0;\n\tWRITE_ONCE(*y, 1);\n"
            + "\tr0 = READ_ONCE(*x);\n}\n";

    private static String run(String condition) {
        LitmusTest t = LitmusParser.parse(SB + condition + "\n", "sb.litmus");
        Histogram h = LitmusEngines.byName("sc").run(t.program(), LitmusClassifier.of(t.program()), 10_000);
        return Herd7Layout.print(t.program(), h);
    }

    private static final String STATES = "States 3\n0:r0=0; 1:r0=1;\n0:r0=1; 1:r0=0;\n0:r0=1; 1:r0=1;\n";

    @Test
    void notExistsIsForbiddenAndOkWhenNothingSatisfiesIt() {
        // 6 interleavings, none with both reads 0: ~exists holds, and herd7 swaps the witness counts.
        assertEquals("Test SB Forbidden\n" + STATES + "Ok\nWitnesses\nPositive: 6 Negative: 0\n"
                + "Condition ~exists (0:r0=0 /\\ 1:r0=0)\nObservation SB Never 0 6\n\n",
                run("~exists (0:r0=0 /\\ 1:r0=0)"));
    }

    @Test
    void forallIsRequiredAndOkWhenEveryExecutionSatisfiesIt() {
        assertEquals("Test SB Required\n" + STATES + "Ok\nWitnesses\nPositive: 6 Negative: 0\n"
                + "Condition forall (not (0:r0=0 /\\ 1:r0=0))\nObservation SB Always 6 0\n\n",
                run("forall (~(0:r0=0 /\\ 1:r0=0))"));
        // Of the 6 interleavings, one ends with 0:r0=0 /\ 1:r0=1, which violates it.
        assertEquals("Test SB Required\n" + STATES + "No\nWitnesses\nPositive: 5 Negative: 1\n"
                + "Condition forall (0:r0=1 \\/ 1:r0=0 /\\ [x]=1)\nObservation SB Sometimes 5 1\n\n",
                run("locations [x]\nforall (0:r0=1 \\/ 1:r0=0 /\\ x=1)").replace("; [x]=1;", ";"));
    }

    @Test
    void herd7ParenthesisesADisjunctionInsideAConjunctionOnly() {
        assertEquals("exists ((0:r0=0 \\/ 1:r0=0) /\\ [x]=1 /\\ not (1:r0=1 /\\ 0:r0=1))",
                Herd7Layout.condition(LitmusParser.parseCondition(
                        "exists ((0:r0=0 \\/ 1:r0=0) /\\ x=1 /\\ ~(1:r0=1 /\\ 0:r0=1))", "c")));
    }
}
