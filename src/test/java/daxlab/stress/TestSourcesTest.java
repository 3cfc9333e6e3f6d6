package daxlab.stress;

import daxlab.stress.gen.TestSources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed jcstress sources are exactly what the generator makes from today's variants and
 * SC enumerations: add a variant, change one, or change what the enumerator finds, and this
 * fails until the sources are regenerated.
 */
class TestSourcesTest {
    private static final Path DIR = Path.of("src/main/java", StressTest.PACKAGE.replace('.', '/'));

    @Test
    void committedSourcesAreTheGeneratedOnes() throws IOException {
        Map<String, String> generated = TestSources.sources();
        Set<String> onDisk;
        try (Stream<Path> s = Files.list(DIR)) {
            onDisk = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(generated.keySet()), onDisk,
                "files in " + DIR + " (regenerate: java -jar target/daxlab.jar stress --generate-tests src/main/java)");
        for (Map.Entry<String, String> e : generated.entrySet()) {
            assertEquals(e.getValue(), Files.readString(DIR.resolve(e.getKey()), StandardCharsets.UTF_8),
                    e.getKey() + " is stale; regenerate: java -jar target/daxlab.jar stress --generate-tests src/main/java");
        }
    }

    @Test
    void everyCatalogTestHasAClassWithItsOutcomes() throws IOException {
        for (StressTest t : StressTest.all()) {
            String src = Files.readString(DIR.resolve(StressTest.outerClassName(t.scenario()) + ".java"));
            assertTrue(src.contains("public static class " + t.nestedClassName() + " {"), t.testName());
        }
        // put-vs-get and wrong-holder-vs-get: one per put; the four reader scenarios: one per put and reader.
        assertEquals(PutTwin.values().length * (2 + 4 * ReaderTwin.values().length), StressTest.all().size());
    }

    @Test
    void outcomeIdsAreQuotedRegularExpressions() throws IOException {
        String src = Files.readString(DIR.resolve("PutVsReader.java"));
        // OK(opsA,NULL) must match itself, not "OKopsA,NULL".
        assertTrue(src.contains("\"NULL, NULL, OK\\\\(opsA,NULL\\\\)\""), "parentheses escaped");
        assertTrue("NULL, NULL, OK(opsA,NULL)".matches("NULL, NULL, OK\\(opsA,NULL\\)"));
    }
}
