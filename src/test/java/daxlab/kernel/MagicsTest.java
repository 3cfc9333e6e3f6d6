package daxlab.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsTest {
    @Test
    void magicLinesAreTakenOutAndTheJavaKeepsItsLineNumbers() {
        Magics.Parsed p = Magics.parse("%jars lib/*.jar\nint x = 1;\n  %classpath \"a dir\" b.jar\nx");
        assertEquals("\nint x = 1;\n\nx", p.javaCode());
        assertEquals(List.of(List.of("jars", "lib/*.jar"), List.of("classpath", "a dir", "b.jar")), p.magics());
    }

    @Test
    void mavenSaysItIsOfflineAndWhatToDoInstead() {
        CellFailure f = assertThrows(CellFailure.class, () -> Magics.run(List.of("maven", "g:a:1"), null));
        assertEquals("MagicError", f.ename());
        assertTrue(f.evalue().contains("offline") && f.evalue().contains("%jars lib/*.jar"), f.evalue());
    }

    @Test
    void unknownAndCellMagicsAreErrors() {
        assertTrue(assertThrows(CellFailure.class, () -> Magics.run(List.of("time"), null)).evalue()
                .contains("%jars, %classpath and %maven"));
        assertThrows(CellFailure.class, () -> Magics.parse("%%bash\necho hi"));
        assertTrue(assertThrows(CellFailure.class, () -> Magics.run(List.of("jars", "no-such-dir/*.jar"), null))
                .evalue().contains("no jar matches"));
    }
}
