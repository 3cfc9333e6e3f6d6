package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed notebooks, executed again with real Jupyter (`daxlab notebooks` as a user runs it,
 * its executed copies in target/site, see {@link FullSite}): no cell may fail, and every
 * enumeration cell must print exactly what is committed (its text, its streams, the kinds of
 * pictures it shows). Cells tagged {@code stress} vary from run to run; they are checked by the
 * claims they state themselves ({@code claim(...)} fails the cell when a claim does not hold).
 */
class NotebooksReproduceIT {
    private static final Path NOTEBOOKS = JupyterTools.ROOT.resolve("notebooks");
    private static final Path OUT = FullSite.SITE;

    @Test
    void everyNotebookRunsAndReproducesItsCommittedOutputs() throws Exception {
        JupyterTools.Run run = FullSite.run().run();
        assertEquals(0, run.exit(), "daxlab notebooks failed:\n" + run.out() + run.err());
        // The notebooks as `daxlab notebooks` finds them: notebooks/, then notebooks/solutions/.
        List<Path> committed = NotebookRun.notebooks(NOTEBOOKS);
        assertEquals(9, committed.size(), "the seven notebooks of the thread, the exercises and their solutions: "
                + committed);
        assertTrue(committed.contains(NOTEBOOKS.resolve("07-your-turn.ipynb")), committed.toString());
        assertTrue(committed.contains(NOTEBOOKS.resolve("solutions/07-your-turn-solutions.ipynb")), committed.toString());
        List<String> differences = new ArrayList<>();
        for (Path nb : committed) {
            compare(nb, OUT.resolve(nb.getFileName()), differences);
        }
        assertTrue(differences.isEmpty(), String.join("\n\n", differences));
    }

    private static void compare(Path committedFile, Path executedFile, List<String> differences) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode committed = json.readTree(committedFile.toFile()).get("cells");
        JsonNode executed = json.readTree(executedFile.toFile()).get("cells");
        assertEquals(committed.size(), executed.size(), committedFile + ": cell count");
        for (int i = 0; i < committed.size(); i++) {
            JsonNode c = committed.get(i);
            JsonNode e = executed.get(i);
            if (!"code".equals(c.get("cell_type").asText())) {
                continue;
            }
            for (JsonNode o : e.get("outputs")) {
                assertTrue(!"error".equals(o.get("output_type").asText()),
                        executedFile.getFileName() + " cell " + i + " failed: " + o);
            }
            assertTrue(c.get("outputs").size() > 0, committedFile.getFileName() + " cell " + i
                    + " has no committed output: run bin/daxlab notebooks --update-committed and commit the notebooks");
            if (tags(c).contains("stress")) {
                continue;
            }
            String want = summary(c.get("outputs"));
            String got = summary(e.get("outputs"));
            if (!want.equals(got)) {
                differences.add(committedFile.getFileName() + " cell " + i + " (" + text(c.get("source")).lines()
                        .findFirst().orElse("") + ")\n--- committed\n" + want + "\n--- now\n" + got);
            }
        }
    }

    /**
     * What must reproduce: each output's kind, stream text, MIME types and text/plain. Adjacent
     * outputs of one stream count as one, as a notebook shows them: how the kernel batches its
     * stream messages (every 50 ms) is transport, not content.
     */
    private static String summary(JsonNode outputs) {
        StringBuilder sb = new StringBuilder();
        String lastStream = null;
        for (JsonNode o : outputs) {
            String type = o.get("output_type").asText();
            String stream = type.equals("stream") ? o.path("name").asText() : null;
            if (stream != null && stream.equals(lastStream)) {
                sb.append(text(o.get("text")));
                continue;
            }
            lastStream = stream;
            sb.append('[').append(type.equals("execute_result") ? "result" : type).append("]\n");
            if (o.has("text")) {
                sb.append(text(o.get("text")));
            }
            if (o.has("data")) {
                List<String> mimes = new ArrayList<>();
                o.get("data").fieldNames().forEachRemaining(mimes::add);
                mimes.sort(null);
                sb.append(mimes).append('\n').append(text(o.get("data").get("text/plain")));
            }
        }
        return sb.toString();
    }

    private static List<String> tags(JsonNode cell) {
        List<String> out = new ArrayList<>();
        JsonNode t = cell.path("metadata").path("tags");
        t.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (!node.isArray()) {
            return node.asText();
        }
        StringBuilder sb = new StringBuilder();
        node.forEach(n -> sb.append(n.asText()));
        return sb.toString();
    }
}
