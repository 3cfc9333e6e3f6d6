package daxlab.litmus;

import daxlab.program.Program;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kernel litmus test parses, and printing then parsing it gives the same program. */
class KernelParseTest {

    @TestFactory
    Stream<DynamicTest> everyKernelTestParses() {
        return KernelSuite.tests().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            LitmusTest t = LitmusParser.parse(p);
            String expectedName = p.getFileName().toString().replaceAll("\\.litmus$", "");
            assertEquals(expectedName, t.name());
            assertEquals(t.name(), t.program().name());
            assertTrue(t.program().finalCondition().isPresent(), "every kernel test has a condition");
            assertFalse(t.program().observables().isEmpty());
        }));
    }

    @TestFactory
    Stream<DynamicTest> printThenParseGivesTheSameProgram() {
        return KernelSuite.tests().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            LitmusTest t = LitmusParser.parse(p);
            String printed = LitmusPrinter.print(t);
            LitmusTest again = LitmusParser.parse(printed, p.getFileName() + " (printed)");
            Program a = t.program();
            Program b = again.program();
            assertEquals(a, b, () -> "round trip changed the program; printed:\n" + printed);
            assertEquals(t.locationsClause(), again.locationsClause());
            assertEquals(printed, LitmusPrinter.print(again), "printing is a fixed point");
        }));
    }

    static Path any() {
        return KernelSuite.tests().get(0);
    }
}
