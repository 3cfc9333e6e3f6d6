package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through jupyter_client: a message signed with the wrong key is refused (no reply, nothing
 * runs) and the kernel goes on serving; an interrupt stops a long enumeration within a second, and
 * so a tight loop, a loop in a method the cell defined, and an endless sleep; completion and
 * inspection answer while a cell runs; System.exit fails its cell only; a 200,000-line cell ends
 * with its idle status, its output batched and the part past the cell's allowance accounted for.
 */
class ProtocolIT {
    @Test
    void forgedMessagesAreRefusedAndInterruptsStopEnumerations() throws Exception {
        Jupyter j = JupyterTools.jupyter();
        JupyterTools.Run run = JupyterTools.run(j.process(List.of(
                JupyterTools.PYTHON_TESTS.resolve("protocol_check.py").toString())), 300);
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode r = run.json();
        System.out.println("protocol check: " + r);
        assertEquals("ok", r.get("first_cell_status").asText(), r.toString());

        assertFalse(r.get("forged_reply").asBoolean(), "a forged message got a reply: " + r);
        assertFalse(r.get("forged_ran").asBoolean(), "a forged message ran: " + r);
        assertEquals("ok", r.get("after_forged_status").asText(), r.toString());
        assertTrue(run.err().contains("refused a message with a bad HMAC signature"), run.err());

        assertTrue(r.get("long_cell_started").asBoolean(), r.toString());
        assertEquals("error", r.get("interrupted_status").asText(), r.toString());
        assertEquals("java.util.concurrent.CancellationException", r.get("interrupted_ename").asText(), r.toString());
        assertTrue(r.get("interrupted_evalue").asText().contains("interrupted"), r.toString());
        double seconds = r.get("interrupt_to_reply_seconds").asDouble();
        assertTrue(seconds < 1.0, "the interrupted cell took " + seconds + " s to stop");
        assertEquals("ok", r.get("after_interrupt_status").asText(), r.toString());

        JsonNode spinners = r.get("spinners");
        for (String name : List.of("while_true", "method_loop", "sleep_forever")) {
            JsonNode s = spinners.get(name);
            assertTrue(s.get("started").asBoolean(), name + ": " + s);
            assertEquals("error", s.get("status").asText(), name + ": " + s);
            assertEquals(name.equals("sleep_forever") ? "java.lang.InterruptedException" : "Interrupted",
                    s.get("ename").asText(), name + ": " + s);
            assertTrue(s.get("seconds").asDouble() < 1.0, name + " took " + s.get("seconds") + " s to stop");
            assertEquals("ok", s.get("after").asText(), name + ": " + s);
        }

        JsonNode c = r.get("complete_while_running");
        assertTrue(c.get("matches").toString().contains("build("), c.toString());
        assertTrue(c.get("seconds").asDouble() < 2.0, "completion while a cell runs took " + c.get("seconds") + " s");
        assertTrue(c.get("inspect_found").asBoolean(), c.toString());
        assertEquals("error", c.get("cell_status").asText(), c.toString());

        assertEquals("error", r.get("exit_status").asText(), r.toString());
        assertEquals("SystemExit", r.get("exit_ename").asText(), r.toString());
        assertEquals("System.exit(0) called in a cell; the kernel keeps running", r.get("exit_evalue").asText());
        assertEquals("ok", r.get("after_exit_status").asText(), r.toString());
        assertTrue(r.get("kernel_alive_after_exit").asBoolean(), r.toString());

        assertEquals("ok", r.get("litmus_status").asText(), r.toString());
        assertEquals("[\"image/png\",\"text/html\",\"text/plain\"]", r.get("litmus_mimetypes").toString());
        // herd7's layout, one block per model, the LKMM block as herd7 prints it.
        String text = r.get("litmus_text").asText();
        assertTrue(text.startsWith("-- model sc\nTest MP Allowed\nStates 3\n"), text);
        assertTrue(text.contains("-- model lkmm\nTest MP Allowed\nStates 3\n1:r0=0; 1:r1=0;\n1:r0=0; 1:r1=1;\n"
                + "1:r0=1; 1:r1=1;\nNo\nWitnesses\nPositive: 0 Negative: 3\n"), text);
        assertEquals("LitmusSyntaxError", r.get("litmus_error_ename").asText(), r.toString());
        assertTrue(r.get("litmus_error_evalue").asText().startsWith("line 7, column "), r.toString());

        FloodCheck.assertComplete(r.get("flood"));
        assertEquals("ok", r.get("after_flood_status").asText(), r.toString());
    }
}
