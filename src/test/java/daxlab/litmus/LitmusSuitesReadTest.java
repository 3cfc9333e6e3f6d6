package daxlab.litmus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A suite is only what it says: every test with herd7's output beside it, and the own suite whole. */
class LitmusSuitesReadTest {

    @Test
    void theOwnSuiteIsWhole() {
        LitmusSuites.Suite own = LitmusSuites.own();
        assertEquals(LitmusSuites.OWN_TESTS, own.tests().size());
        assertTrue(own.tests().stream().allMatch(p -> Files.isRegularFile(LitmusSuites.Suite.herd7(p))));
    }

    @Test
    void aTestWithoutItsHerd7OutputOrAnOutputWithoutItsTestIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("A.litmus"), "C A\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n");
        Files.writeString(dir.resolve("A.litmus.herd7"), "Test A Allowed\n");
        Files.writeString(dir.resolve("B.litmus"), "C B\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n");
        Files.writeString(dir.resolve("C.litmus.herd7"), "Test C Allowed\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LitmusSuites.read("t", dir));
        assertTrue(e.getMessage().contains("B.litmus has no B.litmus.herd7"), e.getMessage());
        assertTrue(e.getMessage().contains("C.litmus.herd7 has no test beside it"), e.getMessage());

        Files.delete(dir.resolve("C.litmus.herd7"));
        Files.writeString(dir.resolve("B.litmus.herd7"), "Test B Allowed\n");
        assertEquals(List.of(dir.resolve("A.litmus"), dir.resolve("B.litmus")), LitmusSuites.read("t", dir).tests());
    }
}
