package daxlab.litmus;

import daxlab.program.Program;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every test of the litmus suites parses, and printing then parsing it gives the same program. */
class LitmusSuitesParseTest {

    @TestFactory
    Stream<DynamicNode> everyTestParses() {
        return LitmusSuites.forEachTest(p -> {
            LitmusTest t = LitmusParser.parse(p);
            String expectedName = p.getFileName().toString().replaceAll("\\.litmus$", "");
            assertEquals(expectedName, t.name());
            assertEquals(t.name(), t.program().name());
            assertTrue(t.program().finalCondition().isPresent(), "every suite test has a condition");
            assertFalse(t.program().observables().isEmpty());
        });
    }

    @TestFactory
    Stream<DynamicNode> printThenParseGivesTheSameProgram() {
        return LitmusSuites.forEachTest(p -> {
            LitmusTest t = LitmusParser.parse(p);
            String printed = LitmusPrinter.print(t);
            LitmusTest again = LitmusParser.parse(printed, p.getFileName() + " (printed)");
            Program a = t.program();
            Program b = again.program();
            assertEquals(a, b, () -> "round trip changed the program; printed:\n" + printed);
            assertEquals(t.locationsClause(), again.locationsClause());
            assertEquals(printed, LitmusPrinter.print(again), "printing is a fixed point");
            assertTrue(printed.contains(" * Result: "), "the header comment (with its Result: line) is kept");
        });
    }
}
