package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernelspec is "daxlab": an IJava "java" kernel stays; daxlab's own old "java" one goes. */
class KernelspecTest {
    private static final String IJAVA = "{\"argv\": [\"java\", \"-jar\", \"/opt/ijava/ijava.jar\", \"{connection_file}\"],"
            + " \"display_name\": \"Java\", \"language\": \"java\"}";

    @Test
    void installsAsDaxlabAndLeavesAnotherJavaKernelAlone(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("daxlab.jar"), "not really a jar");
        Path kernels = dir.resolve("kernels");
        Files.createDirectories(kernels.resolve("java"));
        Files.writeString(kernels.resolve("java/kernel.json"), IJAVA);

        Kernelspec.Installed installed = Kernelspec.install(kernels, jar);
        assertEquals(kernels.resolve("daxlab"), installed.dir());
        assertEquals(Optional.empty(), installed.replacedOldName());
        assertEquals(IJAVA, Files.readString(kernels.resolve("java/kernel.json")), "IJava's kernelspec is untouched");

        JsonNode spec = new ObjectMapper().readTree(kernels.resolve("daxlab/kernel.json").toFile());
        assertEquals("Java (daxlab)", spec.get("display_name").asText());
        assertEquals("java", spec.get("language").asText());
        assertEquals("message", spec.get("interrupt_mode").asText());
        assertEquals(KernelMain.class.getName(), spec.get("argv").get(4).asText());
        assertEquals(jar.toAbsolutePath().normalize().toString(), spec.get("argv").get(3).asText());
    }

    @Test
    void replacesTheKernelspecAnEarlierDaxlabInstalledAsJava(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("daxlab.jar"), "not really a jar");
        Path kernels = dir.resolve("kernels");
        Kernelspec.install(kernels, jar);
        // what an earlier daxlab wrote: the same spec under the name "java"
        Files.move(kernels.resolve("daxlab"), kernels.resolve("java"));

        Kernelspec.Installed installed = Kernelspec.install(kernels, jar);
        assertEquals(Optional.of(kernels.resolve("java")), installed.replacedOldName());
        assertFalse(Files.exists(kernels.resolve("java")));
        assertTrue(Files.isRegularFile(kernels.resolve("daxlab/kernel.json")));
    }
}
