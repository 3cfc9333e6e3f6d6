package daxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void enumeratePrintsTableAndWitness() {
        CliRun r = run("enumerate", "--scenario", "put-vs-get", "--put", "ORIGINAL", "--model", "sc");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("put-vs-get [put=ORIGINAL] under sc: interleavings per outcome"), r.out());
        assertTrue(r.out().contains("FORBIDDEN   lost ops"), r.out());
        assertTrue(r.out().contains("  P0 fs_put_dax: cmpxchg(holder_data, A, NULL) -> A\n"), r.out());
        assertTrue(r.out().contains("  P0 fs_put_dax: holder_ops = NULL\n"), r.out());
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        CliRun r = run("enumerate", "--scenario", "put-vs-get", "--put", "original", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("put-vs-get", j.get("scenario").asText());
        assertEquals("sc", j.get("model").asText());
        assertEquals(4, j.get("total").asInt());
        assertEquals(3, j.get("outcomes").size());
        JsonNode lost = null;
        for (JsonNode o : j.get("outcomes")) {
            if (o.get("class").asText().equals("FORBIDDEN")) {
                lost = o;
            }
        }
        assertEquals("B", lost.get("outcome").get("holder_data").asText());
        assertEquals("NULL", lost.get("outcome").get("holder_ops").asText());
        assertEquals("OK", lost.get("outcome").get("get").asText());
        assertEquals(1, lost.get("count").asInt());
    }

    @Test
    void unknownScenarioListsTheValidOnes() {
        CliRun r = run("enumerate", "--scenario", "put-vs-nothing");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown scenario 'put-vs-nothing'"), r.err());
        assertTrue(r.err().contains("put-vs-get, put-vs-get-by-bdev, put-vs-reader"), r.err());
        assertTrue(r.err().contains("kill-vs-get"), r.err());
    }

    @Test
    void unknownVariantListsTheValidOnes() {
        CliRun r = run("enumerate", "--scenario", "put-vs-get", "--put", "PATCH_V9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ORIGINAL, PATCH_V1"), r.err());
    }

    @Test
    void unknownModelListsTheValidOnes() {
        CliRun r = run("enumerate", "--scenario", "put-vs-get", "--model", "alpha");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown model 'alpha'; valid models: sc"), r.err());
    }

    @Test
    void budgetErrorIsExitTwo() {
        CliRun r = run("enumerate", "--scenario", "put-vs-get-vs-reader", "--budget", "10");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("over the budget of 10 states"), r.err());
    }

    @Test
    void allRunsEveryScenario() {
        CliRun r = run("enumerate", "--all", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("["));
        for (daxlab.dax.Scenario s : daxlab.dax.Scenario.values()) {
            assertTrue(r.out().contains("\"scenario\" : \"" + s.id() + "\""), s.id());
        }
    }

    @Test
    void benchPrintsATable() {
        CliRun r = run("bench", "--max-n", "2", "--repeat", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| 2 | 4 | "), r.out());
    }

    @Test
    void reportJsonNamesEveryCellsLitmusFileAndOneRecommendation() throws Exception {
        CliRun r = run("report", "--models", "sc,lkmm-once", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        int recommended = 0;
        for (JsonNode c : j.get("candidates")) {
            recommended += c.get("recommended").asBoolean() ? 1 : 0;
        }
        assertEquals(1, recommended);
        for (JsonNode c : j.get("cells")) {
            assertTrue(c.get("litmus").asText().matches("dax-[a-z-]+(\\+[A-Z_0-9]+)*(\\+marked)?(\\+once)?\\.litmus"),
                    c.toString());
        }
    }

    @Test
    void replyIsMailReady() {
        CliRun r = run("reply");
        assertEquals(0, r.code(), r.err());
        for (String line : r.out().split("\n")) {
            assertTrue(line.length() <= 72, line);
        }
        assertTrue(r.out().contains("Concern #1, the writer side"), r.out());
        assertTrue(r.out().contains("@@ fs_put_dax() @@"), r.out());
    }

    @Test
    void reportRejectsAnEmptyOrUnknownModelList() {
        CliRun empty = run("report", "--models", ",");
        assertEquals(2, empty.code(), empty.out());
        assertTrue(empty.err().startsWith("Invalid value for option '--models': needs at least one model; valid models: sc,"),
                empty.err());
        CliRun unknown = run("report", "--models", "sc,arm");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("Invalid value for option '--models': unknown model 'arm'"), unknown.err());
    }
}
