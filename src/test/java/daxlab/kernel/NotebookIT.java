package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A notebook whose cell throws, executed by nbclient: it fails, and the error reads well. */
class NotebookIT {
    @Test
    void aThrowingCellFailsTheNotebookWithTheUsersExceptionAndCellLines() throws Exception {
        Jupyter j = JupyterTools.jupyter();
        JupyterTools.Run run = JupyterTools.run(j.process(List.of(
                JupyterTools.PYTHON_TESTS.resolve("run_error_notebook.py").toString(),
                JupyterTools.ROOT.resolve("src/test/notebooks/error/cell-error.ipynb").toString())), 240);
        assertEquals(0, run.exit(), run.err());
        JsonNode r = run.json();
        assertTrue(r.get("failed").asBoolean(), "the notebook should have failed: " + r);
        String message = r.get("message").asText();
        assertTrue(message.contains("java.lang.IllegalStateException"), message);
        assertTrue(message.contains("holder_ops wiped by a stranger"), message);
        // the frames point at the cell's own lines: the throw (line 2) and the call (line 4)
        assertTrue(message.contains("wipe, cell [2] line 2: throw new IllegalStateException"), message);
        assertTrue(message.contains("cell [2] line 4: wipe(\"a stranger\");"), message);
        // the cell after the failing one never ran
        assertEquals("[]", r.get("outputs").get(2).toString(), r.toString());
        assertEquals("[\"error\"]", r.get("outputs").get(1).toString(), r.toString());
    }
}
