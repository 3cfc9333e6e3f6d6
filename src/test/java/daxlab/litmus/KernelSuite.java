package daxlab.litmus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kernel's litmus tests: $DAXLAB_KERNEL_LITMUS, else ../shared/litmus/kernel beside the
 * project (where a checkout and CI find the shared material), else /work/shared/litmus/kernel.
 */
public final class KernelSuite {
    private KernelSuite() {
    }

    public static Path dir() {
        String env = System.getenv("DAXLAB_KERNEL_LITMUS");
        Path beside = Paths.get("").toAbsolutePath().resolveSibling("shared").resolve("litmus/kernel");
        Path p = env != null ? Paths.get(env)
                : Files.isDirectory(beside) ? beside : Paths.get("/work/shared/litmus/kernel");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("kernel litmus tests not found in " + p
                    + "; set DAXLAB_KERNEL_LITMUS to the directory holding *.litmus and *.litmus.herd7");
        }
        return p;
    }

    public static List<Path> tests() {
        try (Stream<Path> s = Files.list(dir())) {
            List<Path> out = s.filter(p -> p.getFileName().toString().endsWith(".litmus")).sorted()
                    .collect(Collectors.toList());
            if (out.size() != 34) {
                throw new IllegalStateException("expected the 34 kernel litmus tests in " + dir() + ", found " + out.size());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path herd7(Path test) {
        return test.resolveSibling(test.getFileName() + ".herd7");
    }
}
