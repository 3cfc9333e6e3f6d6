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
        int rc = Main.execute(cl, args);
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

    /** --explain means the same under every model name: here an allowed FORBIDDEN outcome and its witness. */
    @Test
    void explainShowsAllowedOutcomesWithTheirWitnessAndRacesAreListed() {
        String[] arm = run("enumerate", "--scenario", "put-vs-observer", "--put", "PATCH_V1", "--model", "armv8",
                "--explain");
        assertEquals("0", arm[0], arm[2]);
        assertTrue(arm[1].contains("seen_ops=opsA under armv8: allowed by 1 of 1 candidate executions; no axiom of "
                + "armv8 rejects it; a witness execution:\n    a: init: Winit holder_data=A"), arm[1]);
        String[] sc = run("enumerate", "--scenario", "put-vs-get", "--put", "ORIGINAL", "--model", "sc", "--explain");
        assertTrue(sc[1].contains("get=OK under sc: allowed by 1 of 1 candidate executions; no axiom of sc rejects it; "
                + "reached by 1 interleaving, e.g.:"), sc[1]);
        String[] lkmm = run("enumerate", "--scenario", "put-vs-get", "--put", "ORIGINAL", "--model", "lkmm");
        assertTrue(lkmm[1].contains("data races (Flag data-race: no guarantee for the executions that have one):\n"
                + "  holder_ops: P0 fs_put_dax: holder_ops = NULL (plain store) vs P1 fs_dax_get: holder_ops = opsB "
                + "(plain store), in 2 executions\n"
                + "  FORBIDDEN holder_data=B; holder_ops=NULL; get=OK: 0 of 1 executions race-free\n"), lkmm[1]);
        String[] once = run("enumerate", "--scenario", "put-vs-get", "--put", "ORIGINAL", "--model", "lkmm-once");
        assertTrue(!once[1].contains("data races"), once[1]);
        String[] json = run("enumerate", "--scenario", "put-vs-get", "--put", "ORIGINAL", "--model", "lkmm", "--json");
        assertTrue(json[1].contains("\"races\" : [ {") && json[1].contains("\"executions\" : 2"), json[1]);
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
