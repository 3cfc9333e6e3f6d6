package daxlab.stress;

import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.Scenario;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Observable;
import daxlab.program.Value;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the jcstress tests of {@code daxlab.stress.tests} on this machine and returns what they
 * observed as {@link Histogram}s whose outcomes are the enumeration's ({@code holder_data=B;
 * holder_ops=NULL; get=OK}), graded by the same classifier, so the two can be put side by side.
 *
 * <p>jcstress runs in a child JVM ({@link StressChild}): jcstress keeps static state, and its
 * forks would inherit the JVM arguments of whatever process ran it (a notebook kernel, a test
 * runner). The child writes jcstress's result file into a temporary directory and this class reads
 * it back with jcstress's own {@link DiskReadCollector}. Interrupting the calling thread kills the
 * child and its forks.
 *
 * <pre>
 * Histogram h = Stress.run(Scenario.PUT_VS_GET, PutVariant.ORIGINAL, ReaderTwin.READ_ONCE, Duration.ofSeconds(1));
 * </pre>
 */
public final class Stress {
    private Stress() {
    }

    /** Model name of stress histograms. */
    public static final String MODEL = "stress";
    /** What a stress histogram counts. */
    public static final String UNIT = "observations";

    /**
     * One scenario on this machine, {@code timePerMode} in each {@link RunMode}. The reader is
     * ignored by scenarios without one.
     */
    public static Histogram run(Scenario scenario, PutVariant put, ReaderTwin reader, Duration timePerMode)
            throws InterruptedException {
        return run(StressTest.of(scenario, put, reader), StressOptions.of(timePerMode)).histogram();
    }

    public static StressRun run(StressTest test, StressOptions options) throws InterruptedException {
        return runAll(List.of(test), options).get(test);
    }

    /** Several tests in one child JVM (jcstress runs them one after another). */
    public static Map<StressTest, StressRun> runAll(List<StressTest> tests, StressOptions options)
            throws InterruptedException {
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("no tests to run");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (StressTest t : tests) {
            int threads = t.actors().size();
            if (threads > cores) {
                throw new StressException(t.scenario() + " has " + threads + " threads; jcstress runs a test only"
                        + " when each thread has a core of its own, and this machine has " + cores);
            }
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("daxlab-stress");
            Path results = dir.resolve("jcstress-results-daxlab.bin.gz");
            List<String> command = new ArrayList<>();
            command.add(java(options).toString());
            command.add("-cp");
            command.add(classpath(options));
            command.add(StressChild.class.getName());
            command.add(results.toString());
            command.add(Long.toString(options.timePerMode().toMillis()));
            command.add(options.modes().stream().map(Enum::name).collect(Collectors.joining(",")));
            tests.forEach(t -> command.add(t.testName()));

            long start = System.nanoTime();
            options.progress().accept("stress: " + tests.size() + " test(s) x " + options.modes().size() + " mode(s), "
                    + options.timePerMode().toMillis() + " ms each, in a child JVM");
            List<String> output = runChild(command, dir, options, tests.size() * options.modes().size());
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            if (!Files.exists(results)) {
                throw new StressException("the stress child wrote no results; its output:\n" + String.join("\n", output));
            }
            return collect(tests, readResults(results), forkMillis(output), options, wallSeconds);
        } catch (IOException e) {
            throw new StressException("stress run failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The jcstress tests the child's class path holds, as jcstress's {@code -l} lists them. */
    public static List<String> listJcstressTests(StressOptions options) throws InterruptedException {
        List<String> command = List.of(java(options).toString(), "-cp", classpath(options),
                "org.openjdk.jcstress.Main", "-l");
        try {
            Path dir = Files.createTempDirectory("daxlab-stress");
            try {
                return runChild(command, dir, options.withProgress(null), 0).stream()
                        .filter(l -> l.startsWith(StressTest.PACKAGE + ".")).collect(Collectors.toList());
            } finally {
                deleteQuietly(dir);
            }
        } catch (IOException e) {
            throw new StressException("cannot list the jcstress tests: " + e.getMessage(), e);
        }
    }

    // ---- the child process ---------------------------------------------------------------------

    private static List<String> runChild(List<String> command, Path dir, StressOptions options, int forks)
            throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StressException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            int done = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith(StressChild.DONE)) {
                        done++;
                        String[] f = line.substring(StressChild.DONE.length()).split(" ");
                        options.progress().accept("stress: [" + done + "/" + forks + "] " + f[0] + " " + f[1] + ": "
                                + f[2] + " samples in " + f[3] + " ms");
                    }
                }
            } catch (IOException e) {
                // the child died; its exit code says so
            }
        }, "daxlab-stress-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int code = p.waitFor();
            reader.join();
            if (code != 0) {
                throw new StressException("the stress child failed (exit " + code + "):\n"
                        + lines.stream().filter(l -> !l.isBlank()).skip(Math.max(0, lines.size() - 40))
                        .collect(Collectors.joining("\n")));
            }
            return new ArrayList<>(lines);
        } catch (InterruptedException e) {
            // Forks first: once the child is gone, they would be orphans.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            options.progress().accept("stress: interrupted; child and forks killed");
            throw e;
        }
    }

    private static Path java(StressOptions options) {
        Path java = options.java() != null ? options.java()
                : Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new StressException("no java executable at " + java
                    + "; stress needs a JDK or JRE 17+ (set JAVA_HOME, or pass the java to use)");
        }
        return java;
    }

    /**
     * The jar this class came from; or, when running from a classes directory (tests before
     * {@code package}, an IDE), that directory plus the jars jcstress needs.
     */
    static String classpath(StressOptions options) {
        if (options.classpath() != null) {
            List<String> parts = new ArrayList<>();
            for (String part : options.classpath().split(File.pathSeparator)) {
                if (!Files.exists(Path.of(part))) {
                    throw new StressException("the stress class path names " + part + ", which does not exist"
                            + " (build the jar with: mvn -q -B package -DskipTests)");
                }
                // The child runs in a temporary directory: relative entries would point nowhere.
                parts.add(Path.of(part).toAbsolutePath().toString());
            }
            return String.join(File.pathSeparator, parts);
        }
        Path self = codeSource(Stress.class);
        if (Files.isRegularFile(self)) {
            return self.toString();
        }
        Set<String> parts = new LinkedHashSet<>();
        parts.add(self.toString());
        for (String marker : new String[] {"org.openjdk.jcstress.Main", "joptsimple.OptionParser",
                "com.sun.jna.Native", "com.sun.jna.platform.FileUtils"}) {
            try {
                parts.add(codeSource(Class.forName(marker)).toString());
            } catch (ClassNotFoundException | StressException e) {
                if (marker.startsWith("org.openjdk")) {
                    throw new StressException("jcstress is not on the class path; build the jar"
                            + " (mvn -q -B package -DskipTests) and run target/daxlab.jar", e);
                }
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    private static Path codeSource(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            throw new StressException("cannot tell where " + c.getName() + " was loaded from");
        }
        try {
            return Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new StressException("bad code source " + cs.getLocation(), e);
        }
    }

    // ---- reading the results back ----------------------------------------------------------------

    private static List<TestResult> readResults(Path file) throws IOException {
        List<TestResult> out = new ArrayList<>();
        DiskReadCollector drc = new DiskReadCollector(file.toString(), out::add);
        try {
            drc.dump();
        } catch (ClassNotFoundException e) {
            throw new StressException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            drc.close();
        }
        return out;
    }

    /** "TEST MODE" -> milliseconds that fork took, from the child's progress lines. */
    private static Map<String, Long> forkMillis(List<String> output) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : output) {
            if (line.startsWith(StressChild.DONE)) {
                String[] f = line.substring(StressChild.DONE.length()).split(" ");
                out.merge(f[0] + " " + f[1], Long.parseLong(f[3]), Long::sum);
            }
        }
        return out;
    }

    private static Map<StressTest, StressRun> collect(List<StressTest> tests, List<TestResult> results,
                                                      Map<String, Long> forkMillis, StressOptions options,
                                                      double wallSeconds) {
        Map<StressTest, StressRun> out = new LinkedHashMap<>();
        for (StressTest t : tests) {
            List<TestResult> mine = results.stream().filter(r -> r.getName().equals(t.testName()))
                    .collect(Collectors.toList());
            for (TestResult r : mine) {
                if (r.status() != Status.NORMAL) {
                    throw new StressException(t.testName() + " in " + RunMode.of(r.getConfig().jvmArgs).label()
                            + " ended with " + r.status() + ":\n" + Stream.of(r.getMessages(), r.getVmErr())
                            .flatMap(List::stream).collect(Collectors.joining("\n")));
                }
            }
            Map<RunMode, List<TestResult>> byMode = new EnumMap<>(RunMode.class);
            for (TestResult r : mine) {
                byMode.computeIfAbsent(RunMode.of(r.getConfig().jvmArgs), m -> new ArrayList<>()).add(r);
            }
            Map<RunMode, Histogram> modeHistograms = new EnumMap<>(RunMode.class);
            byMode.forEach((m, rs) -> modeHistograms.put(m, histogram(t, rs, List.of(m),
                    forkMillis.getOrDefault(t.testName() + " " + m, 0L), options, wallSeconds)));
            long allMillis = options.modes().stream()
                    .mapToLong(m -> forkMillis.getOrDefault(t.testName() + " " + m, 0L)).sum();
            out.put(t, new StressRun(t, histogram(t, mine, options.modes(), allMillis, options, wallSeconds),
                    modeHistograms));
        }
        return out;
    }

    private static Histogram histogram(StressTest t, List<TestResult> results, List<RunMode> modes, long forkMillis,
                                       StressOptions options, double wallSeconds) {
        DaxScenario d = t.daxScenario();
        List<String> fields = d.program().observables().stream().map(Observable::name).collect(Collectors.toList());
        Map<Outcome, BigInteger> counts = new TreeMap<>(Comparator.naturalOrder());
        for (TestResult r : results) {
            for (String key : r.getStateKeys()) {
                counts.merge(outcome(fields, key), BigInteger.valueOf(r.getCount(key)), BigInteger::add);
            }
        }
        List<Histogram.Entry> entries = new ArrayList<>();
        counts.forEach((o, n) -> entries.add(new Histogram.Entry(o, n, d.classifier().grade(o), null)));
        long total = counts.values().stream().mapToLong(BigInteger::longValueExact).sum();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("modes", modes.stream().map(RunMode::label).collect(Collectors.joining(", ")));
        facts.put("time per mode", options.timePerMode().toMillis() + " ms");
        // Per second of fork time, JVM start-up and warm-up included: a floor on the stress rate.
        facts.put("samples/s", forkMillis <= 0 ? "-" : String.format(Locale.ROOT, "%.0f", total * 1000.0 / forkMillis));
        facts.put("fork time", String.format(Locale.ROOT, "%.1f s", forkMillis / 1000.0));
        facts.put("wall time", String.format(Locale.ROOT, "%.1f s", wallSeconds));
        facts.put("jvm", results.isEmpty() ? "?" : jvm(results.get(0)));
        facts.put("cpu", MachineFacts.cpuModel());
        facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return new Histogram(d.scenario().id(), t.variantLabel(), MODEL, UNIT, entries, facts);
    }

    /** {@code B, NULL, OK} -> {@code holder_data=B; holder_ops=NULL; get=OK}. */
    static Outcome outcome(List<String> fields, String key) {
        String[] values = key.split(", ", -1);
        if (values.length != fields.size()) {
            throw new StressException("result '" + key + "' has " + values.length + " values; expected "
                    + fields.size() + " (" + String.join(", ", fields) + ")");
        }
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(fields.get(i), Value.parse(values[i]));
        }
        return new Outcome(m);
    }

    private static String jvm(TestResult r) {
        Map<String, String> env = r.getEnv() == null ? Map.of() : r.getEnv().entries();
        return env.getOrDefault("java.vm.name", "?") + " " + env.getOrDefault("java.version", "?");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
