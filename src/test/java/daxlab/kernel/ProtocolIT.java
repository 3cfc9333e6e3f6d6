package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through jupyter_client: a message signed with the wrong key is refused (no reply, nothing
 * runs) and the kernel goes on serving; an interrupt stops a long enumeration within a second.
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
    }
}
