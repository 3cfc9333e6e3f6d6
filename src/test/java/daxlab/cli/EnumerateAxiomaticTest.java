package daxlab.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code daxlab enumerate --model ...} with the axiomatic models. */
class EnumerateAxiomaticTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new String[] {Integer.toString(rc), out.toString(), err.toString()};
    }

    @Test
    void relaxedPatchLosesOpsUnderLkmmAndArmv8ButNotTso() {
        String[] lkmm = run("enumerate", "--scenario", "put-vs-get", "--put", "PATCH_V1_RELAXED", "--model", "lkmm",
                "--explain");
        assertEquals("0", lkmm[0], lkmm[2]);
        assertTrue(lkmm[1].contains("under lkmm: executions per outcome"), lkmm[1]);
        assertTrue(lkmm[1].contains("FORBIDDEN   lost ops"), lkmm[1]);
        assertTrue(lkmm[1].contains("witness of FORBIDDEN"), lkmm[1]);
        String[] arm = run("enumerate", "--scenario", "put-vs-get", "--put", "PATCH_V1_RELAXED", "--model", "armv8");
        assertTrue(arm[1].contains("lost ops"), arm[1]);
        String[] tso = run("enumerate", "--scenario", "put-vs-get", "--put", "PATCH_V1_RELAXED", "--model", "tso",
                "--explain");
        assertTrue(!tso[1].contains("FORBIDDEN   lost ops"), tso[1]);
        assertTrue(tso[1].contains("holder_data=B; holder_ops=NULL; get=OK under tso: forbidden"), tso[1]);
    }

    @Test
    void unknownModelIsAUsageError() {
        String[] r = run("enumerate", "--scenario", "put-vs-get", "--model", "power");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("valid models: sc, sc-axiomatic, tso, armv8, lkmm"), r[2]);
    }

    @Test
    void tooSmallABudgetIsAUsageError() {
        String[] r = run("enumerate", "--scenario", "put-vs-get-vs-reader", "--model", "lkmm", "--budget", "3");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("more than 3 candidate executions"), r[2]);
    }
}
