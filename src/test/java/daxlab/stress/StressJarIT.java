package daxlab.stress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar as users get it: jcstress finds every test in it (the annotation processor ran
 * and the shade plugin kept META-INF/TestList), and {@code daxlab stress --json} runs from it.
 */
class StressJarIT {
    private static final Path JAR = Path.of("target", "daxlab.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void jcstressListsEveryExpectedTest() throws InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by package");
        List<String> listed = Stress.listJcstressTests(StressOptions.of(Duration.ofMillis(1))
                .withClasspath(JAR.toString()));
        Set<String> expected = StressTest.all().stream().map(StressTest::testName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(listed));
        assertEquals(expected.size(), listed.size(), "each test listed once");
    }

    @Test
    void stressCommandPrintsTheEnumerationsJsonShape() throws IOException, InterruptedException {
        List<String> command = List.of(JAVA, "-jar", JAR.toString(), "stress", "--scenario", "wrong-holder-put",
                "--put", "PATCH_V1", "--reader", "READ_ONCE", "--modes", "C1", "--time", "200ms", "--json");
        Path out = Files.createTempFile("stress", ".json");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "stress command finished");
        assertEquals(0, p.exitValue());
        JsonNode root = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        Files.delete(out);
        assertEquals("wrong-holder-put", root.get("scenario").asText());
        assertEquals("put=PATCH_V1 reader=READ_ONCE", root.get("variant").asText());
        assertEquals("stress", root.get("model").asText());
        assertEquals("observations", root.get("unit").asText());
        List<String> classes = new ArrayList<>();
        long sum = 0;
        for (JsonNode o : root.get("outcomes")) {
            assertEquals("A", o.get("outcome").get("holder_data").asText());
            assertEquals("NULL", o.get("outcome").get("holder_ops").asText());
            classes.add(o.get("class").asText());
            sum += o.get("count").asLong();
        }
        assertTrue(sum > 0);
        assertEquals(root.get("total").asLong(), sum);
        assertTrue(classes.stream().allMatch("FORBIDDEN"::equals), classes.toString());
        assertTrue(root.get("facts").has("cpu"));
    }
}
