package daxlab.litmus;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The litmus suites the cross-checks run on, each a directory of {@code .litmus} files with
 * herd7's output beside each as {@code FILE.litmus.herd7}:
 * <ul>
 * <li>the project's own ({@code src/test/resources/litmus}, see its README), always;</li>
 * <li>the differential suite ({@code src/test/resources/litmus-diff}, see its README): herd7's grammar,
 *     every primitive of {@code linux-kernel.def}, and generated cycles, always;</li>
 * <li>the generated suite ({@code src/test/resources/litmus-gen}, see its README): diy7-style cycles
 *     (MP, SB, LB, S, R, 2+2W, WRC, ISA2, IRIW, Z6.x, 3.SB, W+RWC...) whose edges are the kernel's
 *     primitives, written by {@code src/test/python/litmus_gen.py}, always;</li>
 * <li>the kernel's ({@code tools/memory-model/litmus-tests} of a kernel tree, with herd7's
 *     outputs recorded beside them), when the environment variable {@value #KERNEL_ENV} names
 *     its directory. Unset, the kernel suite is not part of the run; set to a directory that is
 *     not a suite, the tests fail saying why.</li>
 * </ul>
 */
public final class LitmusSuites {
    /** The environment variable naming the kernel's litmus tests. */
    public static final String KERNEL_ENV = "DAXLAB_KERNEL_LITMUS";
    /** How many tests the own suite has: a file lost or added without its .herd7 fails the run. */
    static final int OWN_TESTS = 60;
    /** How many tests the differential suite has (see its README). */
    static final int DIFF_TESTS = 69;
    /** How many tests the generated suite has (see its README). */
    static final int GEN_TESTS = 400;

    /** One suite: a name for test reports, its directory and its tests in name order. */
    public record Suite(String name, Path dir, List<Path> tests) {
        /** herd7's output for {@code test}, recorded beside it. */
        public static Path herd7(Path test) {
            return test.resolveSibling(test.getFileName() + ".herd7");
        }

        /** The test of this suite called {@code fileName}. */
        public Path test(String fileName) {
            Path p = dir.resolve(fileName);
            if (!tests.contains(p)) {
                throw new IllegalArgumentException("no " + fileName + " in " + dir);
            }
            return p;
        }
    }

    private LitmusSuites() {
    }

    /** The project's own suite, from the test class path. */
    public static Suite own() {
        return fromClassPath("own", "litmus", OWN_TESTS, "OWN_TESTS");
    }

    /** The differential suite, from the test class path. */
    public static Suite diff() {
        return fromClassPath("diff", "litmus-diff", DIFF_TESTS, "DIFF_TESTS");
    }

    /** The generated suite, from the test class path. */
    public static Suite gen() {
        return fromClassPath("gen", "litmus-gen", GEN_TESTS, "GEN_TESTS");
    }

    private static Suite fromClassPath(String name, String dir, int expected, String constant) {
        URL url = LitmusSuites.class.getResource("/" + dir);
        if (url == null) {
            throw new IllegalStateException("no " + dir + "/ on the test class path (src/test/resources/" + dir + ")");
        }
        try {
            Suite s = read(name, Paths.get(url.toURI()));
            if (s.tests().size() != expected) {
                throw new IllegalStateException("expected " + expected + " litmus tests in " + s.dir() + ", found "
                        + s.tests().size() + " (adding one? record its .herd7 and update LitmusSuites." + constant + ")");
            }
            return s;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kernel's suite when {@value #KERNEL_ENV} names it. */
    public static Optional<Suite> kernel() {
        String env = System.getenv(KERNEL_ENV);
        if (env == null || env.isBlank()) {
            return Optional.empty();
        }
        Path dir = Paths.get(env);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(KERNEL_ENV + "=" + env + " is not a directory; it should name the"
                    + " kernel's litmus tests (tools/memory-model/litmus-tests) with herd7's output beside each");
        }
        Suite s = read("kernel", dir);
        if (s.tests().isEmpty()) {
            throw new IllegalStateException(KERNEL_ENV + "=" + env + " holds no .litmus files");
        }
        return Optional.of(s);
    }

    /** The own suite, the differential one, the generated one, then the kernel's when it is named. */
    public static List<Suite> all() {
        List<Suite> out = new ArrayList<>();
        out.add(own());
        out.add(diff());
        out.add(gen());
        kernel().ifPresent(out::add);
        return out;
    }

    /** One container per suite, one dynamic test per litmus file, each running {@code check}. */
    public static Stream<DynamicNode> forEachTest(ThrowingConsumer<Path> check) {
        return all().stream().map(s -> DynamicContainer.dynamicContainer(s.name() + " (" + s.dir() + ")",
                s.tests().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check.accept(p)))));
    }

    /** Reads a suite: every .litmus must have its .herd7 beside it, and every .herd7 its .litmus. */
    static Suite read(String name, Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.sorted().collect(Collectors.toList());
            List<Path> tests = files.stream().filter(p -> p.getFileName().toString().endsWith(".litmus"))
                    .collect(Collectors.toList());
            List<String> problems = new ArrayList<>();
            for (Path t : tests) {
                if (!Files.isRegularFile(Suite.herd7(t))) {
                    problems.add(t.getFileName() + " has no " + Suite.herd7(t).getFileName());
                }
            }
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (n.endsWith(".litmus.herd7") && !tests.contains(f.resolveSibling(n.substring(0, n.length() - 6)))) {
                    problems.add(n + " has no test beside it");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("litmus suite " + dir + ": " + String.join("; ", problems)
                        + " (record herd7's output: herd7 -conf linux-kernel.cfg FILE.litmus | grep -v '^Time '"
                        + " > FILE.litmus.herd7)");
            }
            return new Suite(name, dir, List.copyOf(tests));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
