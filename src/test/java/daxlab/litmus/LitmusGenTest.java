package daxlab.litmus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated suite is what its generator writes: {@code src/test/python/litmus_gen.py} with
 * the README's seed and count (and no herd7, so {@code Result: RESULT} where herd7's verdict was
 * recorded) writes exactly the suite's tests, so that the suite can be written again and a
 * change to the generator shows up here.
 */
class LitmusGenTest {

    @Test
    void theGeneratorWritesTheSuiteAgain(@TempDir Path dir) throws IOException, InterruptedException {
        Path script = Paths.get("src/test/python/litmus_gen.py").toAbsolutePath();
        assertTrue(Files.isRegularFile(script), "no " + script);
        Path log = dir.resolve("log");
        Path out = dir.resolve("gen");
        Process p = new ProcessBuilder("python3", script.toString(), "--out", out.toString(), "--seed", "10", "--count",
                "400").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "litmus_gen.py did not finish in 120 s");
        assertEquals(0, p.exitValue(), Files.readString(log));
        LitmusSuites.Suite gen = LitmusSuites.gen();
        List<String> written;
        try (Stream<Path> s = Files.list(out)) {
            written = s.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(gen.tests().stream().map(f -> f.getFileName().toString()).collect(Collectors.toList()), written);
        for (Path t : gen.tests()) {
            String recorded = Files.readString(t, StandardCharsets.UTF_8);
            String verdict = verdict(recorded);
            assertEquals(recorded.replace("Result: " + verdict, "Result: RESULT"),
                    Files.readString(out.resolve(t.getFileName()), StandardCharsets.UTF_8), t.getFileName().toString());
        }
    }

    /** The verdict of a test's {@code Result:} line. */
    private static String verdict(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Result: (\\w+)").matcher(text);
        assertTrue(m.find(), "no Result: line in\n" + text);
        return m.group(1);
    }
}
