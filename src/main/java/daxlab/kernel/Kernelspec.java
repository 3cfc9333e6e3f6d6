package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kernelspec Jupyter reads to start this kernel: {@code KERNELS/daxlab/kernel.json}, naming
 * this Java and this jar by absolute path, so the kernel starts the same whatever the PATH of
 * the process that launches it. The name is {@code daxlab}, not {@code java}: IJava and other
 * Java kernels install as {@code java}, and installing ours must not replace theirs.
 */
public final class Kernelspec {
    /** The name daxlab's kernelspec had before it was {@link DaxlabKernel#NAME}. */
    static final String OLD_NAME = "java";

    /** Where the kernelspec went, and the directory of daxlab's old-named kernelspec if one was removed. */
    public record Installed(Path dir, Optional<Path> replacedOldName) {
    }

    private Kernelspec() {
    }

    /**
     * Writes {@code kernelsDir/daxlab/kernel.json}. A {@code kernelsDir/java} that an earlier daxlab
     * installed (its argv starts daxlab's kernel) is removed, so Jupyter does not list two daxlab
     * kernels; any other {@code java} kernel stays.
     */
    public static Installed install(Path kernelsDir, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no daxlab jar at " + jar + " (build it: mvn -B package -DskipTests)");
        }
        Path dir = kernelsDir.resolve(DaxlabKernel.NAME);
        Files.createDirectories(dir);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of(java().toString(), "-Djava.awt.headless=true", "-cp",
                jar.toAbsolutePath().normalize().toString(), KernelMain.class.getName(), "{connection_file}"));
        spec.put("display_name", DaxlabKernel.DISPLAY_NAME);
        spec.put("language", "java");
        // Interrupts as messages: the kernel stops the running cell's thread; no signals.
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        Path file = dir.resolve("kernel.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), spec);
        return new Installed(dir, removeOldDaxlabSpec(kernelsDir));
    }

    private static Optional<Path> removeOldDaxlabSpec(Path kernelsDir) throws IOException {
        Path old = kernelsDir.resolve(OLD_NAME);
        Path json = old.resolve("kernel.json");
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        JsonNode argv;
        try {
            argv = new ObjectMapper().readTree(json.toFile()).path("argv");
        } catch (IOException e) {
            return Optional.empty(); // not ours to judge
        }
        boolean ours = false;
        for (JsonNode a : argv) {
            ours |= KernelMain.class.getName().equals(a.asText());
        }
        if (!ours) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(old)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
        return Optional.of(old);
    }

    /** The java executable running now. */
    public static Path java() {
        return ProcessHandle.current().info().command().map(Paths::get)
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java"));
    }

    /** The jar this code was loaded from (target/daxlab.jar), if it was a jar. */
    public static Path ownJar() {
        try {
            Path p = Paths.get(Kernelspec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("daxlab runs from " + p + ", not from a jar; pass --jar target/daxlab.jar");
            }
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jupyter's per-user kernels directory: $JUPYTER_DATA_DIR/kernels or ~/.local/share/jupyter/kernels. */
    public static Path userKernels() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        Path base = data != null && !data.isBlank() ? Paths.get(data)
                : Paths.get(System.getProperty("user.home"), ".local", "share", "jupyter");
        return base.resolve("kernels");
    }
}
