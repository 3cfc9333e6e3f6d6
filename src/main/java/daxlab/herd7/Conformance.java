package daxlab.herd7;

import daxlab.engine.Engine;
import daxlab.dax.export.DaxExport;
import daxlab.litmus.Herd7Result;
import daxlab.litmus.Herd7Result.Comparison;
import daxlab.litmus.LitmusEngine;
import daxlab.litmus.LitmusEngines;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusRun;
import daxlab.litmus.LitmusTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The conformance of our engines with herd7 on every exported dax litmus file: herd7's answer
 * under a model against each of our engines for that model ({@link Herd7Model#engines()}),
 * compared by {@link Herd7Result#differencesFrom} as {@code daxlab litmus --check} compares.
 * Used by {@code daxlab conformance} (live herd7) and by the build's test (herd7's recorded
 * answers), so that both judge alike.
 */
public final class Conformance {

    /** How one comparison came out, from best to worst. */
    public enum Status {
        /** Everything compared is equal. */
        AGREE("agree"),
        /** herd7's model is weaker here and reaches more states; ours are among them. */
        WITHIN("within"),
        /** Differs exactly as {@link KnownDifferences} documents. */
        DOCUMENTED("documented"),
        /** Differs. */
        DIFFER("DIFFERS"),
        /** herd7 gave no answer (timeout, error): nothing was compared. */
        NOT_RUN("not-run");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        /** How the conformance line says it. */
        public String word() {
            return word;
        }

        static Status worst(Status a, Status b) {
            return a.ordinal() >= b.ordinal() ? a : b;
        }
    }

    /**
     * One of our engines against herd7 on one file.
     *
     * @param ours        our answer in herd7's terms; empty when the engine failed (then
     *                    {@code differences} says how)
     * @param differences herd7's terms, as {@code daxlab litmus --check} prints them
     * @param documented  the documented difference for this engine and file, if any
     */
    public record EngineCheck(Engine engine, Comparison comparison, Optional<Herd7Result> ours, Duration elapsed,
                              Duration cpu, List<String> differences, Optional<KnownDifferences.Entry> documented, Status status) {
        public EngineCheck {
            differences = List.copyOf(differences);
        }
    }

    /**
     * A litmus file to compare on: its name ({@code NAME.litmus}, unique among the files of a
     * run) and its text, which herd7 and our engines both read.
     */
    public record Source(String fileName, String text) {
        /** An exported dax litmus file. */
        public static Source of(DaxExport.Export e) {
            return new Source(e.fileName(), e.text());
        }
    }

    /**
     * One litmus file (an exported dax file, or one of the user's) under one herd7 model.
     *
     * @param run     the herd7 process, when herd7 was run live (empty for a recorded answer)
     * @param herd7   herd7's answer; empty when it gave none ({@code problem} says why)
     * @param weaker  why herd7's model is weaker than ours on this file, if it is (sc.cat)
     */
    public record Check(Source source, Herd7Model model, Optional<Herd7Run> run, Optional<Herd7Result> herd7,
                        Optional<String> problem, Optional<String> weaker, List<EngineCheck> engines) {
        public Check {
            engines = List.copyOf(engines);
        }

        /** NAME.lkmm.herd7: the file and model this check is about, as its recording is named. */
        public String name() {
            return model.recordName(source.fileName());
        }

        public Status status() {
            if (herd7.isEmpty()) {
                return Status.NOT_RUN;
            }
            Status s = Status.AGREE;
            for (EngineCheck e : engines) {
                s = Status.worst(s, e.status());
            }
            return s;
        }

        public Duration herd7Elapsed() {
            return run.map(Herd7Run::elapsed).orElse(Duration.ZERO);
        }

        /** herd7's CPU time as its {@code Time} line reports it, zero without one. */
        public Duration herd7Cpu() {
            return herd7.flatMap(Herd7Result::time).map(t -> {
                try {
                    return Duration.ofNanos(Math.round(Double.parseDouble(t) * 1e9));
                } catch (NumberFormatException e) {
                    return Duration.ZERO;
                }
            }).orElse(Duration.ZERO);
        }

        public Duration oursElapsed() {
            return engines.stream().map(EngineCheck::elapsed).reduce(Duration.ZERO, Duration::plus);
        }

        public Duration oursCpu() {
            return engines.stream().map(EngineCheck::cpu).reduce(Duration.ZERO, Duration::plus);
        }
    }

    private Conformance() {
    }

    /**
     * Our engines for {@code model} on the exported file, against herd7's answer. The file is
     * parsed from its text, so the engines run exactly what herd7 ran.
     */
    public static Check compare(DaxExport.Export export, Herd7Model model, Herd7Result herd7, Optional<Herd7Run> run,
                                KnownDifferences known) {
        return compare(Source.of(export), model, herd7, run, known);
    }

    /**
     * Our engines for {@code model} on the litmus file, against herd7's answer, the file parsed
     * from its text.
     */
    public static Check compare(Source export, Herd7Model model, Herd7Result herd7, Optional<Herd7Run> run,
                                KnownDifferences known) {
        LitmusTest test = LitmusParser.parse(export.text(), export.fileName());
        Optional<String> weaker = model.weakerThanOurs(test.program());
        List<EngineCheck> engines = new ArrayList<>();
        for (Engine name : model.engines()) {
            engines.add(check(export, model, herd7, test, name, known));
        }
        return new Check(export, model, run, Optional.of(herd7), Optional.empty(), weaker, engines);
    }

    private static EngineCheck check(Source export, Herd7Model model, Herd7Result herd7, LitmusTest test,
                                     Engine name, KnownDifferences known) {
        LitmusEngine engine = LitmusEngines.byName(name.id());
        Comparison how = model.comparison(name, test.program());
        Optional<KnownDifferences.Entry> documented = known.of(export.fileName(), model, name);
        LitmusRun run;
        try {
            run = LitmusRun.of(test, engine, LitmusEngine.DEFAULT_BUDGET);
        } catch (RuntimeException e) {
            // A budget exceeded or an engine error: a difference, said in one line.
            return new EngineCheck(name, how, Optional.empty(), Duration.ZERO, Duration.ZERO,
                    List.of(name + " gave no answer: " + (e.getMessage() == null ? e.toString() : e.getMessage())),
                    documented, Status.DIFFER);
        }
        Herd7Result ours = run.result();
        List<String> diffs = new ArrayList<>(ours.differencesFrom(herd7, how));
        Status status;
        if (documented.isPresent() && documented.get().lines().equals(diffs)) {
            status = Status.DOCUMENTED;
        } else if (documented.isPresent()) {
            diffs.add("documented in " + KnownDifferences.RESOURCE + " (" + documented.get().reason() + ") as "
                    + documented.get().lines() + (diffs.isEmpty() ? ", no longer seen: remove it there" : ""));
            status = Status.DIFFER;
        } else if (!diffs.isEmpty()) {
            status = Status.DIFFER;
        } else if (how == Comparison.WITHIN && !(ours.outcomes().equals(herd7.outcomes())
                && ours.observation().equals(herd7.observation()))) {
            status = Status.WITHIN;
        } else {
            status = Status.AGREE;
        }
        return new EngineCheck(name, how, Optional.of(ours), run.elapsed(), run.cpu(), diffs, documented, status);
    }

    /** herd7 gave no answer: nothing to compare. */
    static Check notRun(Source export, Herd7Model model, Herd7Run run, String problem) {
        return new Check(export, model, Optional.of(run), Optional.empty(), Optional.of(problem), Optional.empty(), List.of());
    }

    /**
     * Runs herd7 under every model on every export, {@code jobs} at a time, and compares; hands
     * each check to {@code inOrder} in the order of {@code exports} x {@code models} as soon as it
     * and those before it are done. The litmus files are written into {@code dir}.
     */
    public static List<Check> run(Herd7 herd7, List<DaxExport.Export> exports, List<Herd7Model> models, int jobs,
                                  Duration timeout, KnownDifferences known, Path dir, Consumer<Check> inOrder)
            throws IOException, InterruptedException {
        return runSources(herd7, exports.stream().map(Source::of).collect(java.util.stream.Collectors.toList()), models,
                jobs, timeout, known, dir, inOrder);
    }

    /**
     * {@link #run} on any litmus files (the user's, a suite's): each is written into a directory
     * of its own under {@code dir}, under its own name, so that two suites' tests of one name
     * both run.
     */
    public static List<Check> runSources(Herd7 herd7, List<Source> exports, List<Herd7Model> models, int jobs,
                                         Duration timeout, KnownDifferences known, Path dir, Consumer<Check> inOrder)
            throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (Source e : exports) {
            Path own = Files.createDirectory(dir.resolve(Integer.toString(files.size())));
            files.add(Files.writeString(own.resolve(e.fileName()), e.text(), StandardCharsets.UTF_8));
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "herd7-conformance");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Check>> futures = new ArrayList<>();
            for (int i = 0; i < exports.size(); i++) {
                Source e = exports.get(i);
                Path file = files.get(i);
                for (Herd7Model m : models) {
                    futures.add(pool.submit(() -> {
                        Herd7Run r = herd7.run(m, file, timeout);
                        Optional<String> problem = r.problem();
                        return problem.isPresent() ? notRun(e, m, r, problem.get())
                                : compare(e, m, r.result(), Optional.of(r), known);
                    }));
                }
            }
            List<Check> out = new ArrayList<>();
            for (Future<Check> f : futures) {
                Check c;
                try {
                    c = f.get();
                } catch (ExecutionException x) {
                    Throwable cause = x.getCause();
                    if (cause instanceof IOException) {
                        throw (IOException) cause;
                    }
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    throw new IllegalStateException(cause);
                }
                out.add(c);
                inOrder.accept(c);
            }
            return out;
        } finally {
            // Interrupts the workers, whose herd7 processes are then killed (Herd7.run).
            pool.shutdownNow();
        }
    }

    /**
     * The checks' total time: herd7's processes (wall clock, start-up included) and what its
     * {@code Time} lines report (its CPU time per test); our engines' wall clock and CPU time in
     * this JVM (JIT compilation aside).
     */
    public record Times(Duration herd7, Duration herd7Cpu, Duration ours, Duration oursCpu) {
        public static Times of(List<Check> checks) {
            return new Times(sum(checks, Check::herd7Elapsed), sum(checks, Check::herd7Cpu),
                    sum(checks, Check::oursElapsed), sum(checks, Check::oursCpu));
        }

        private static Duration sum(List<Check> checks, java.util.function.Function<Check, Duration> f) {
            return checks.stream().map(f).reduce(Duration.ZERO, Duration::plus);
        }

        /** herd7's wall-clock time over ours. */
        public double ratio() {
            return ours.isZero() ? Double.NaN : (double) herd7.toNanos() / ours.toNanos();
        }

        /** herd7's CPU time over ours. */
        public double cpuRatio() {
            return oursCpu.isZero() ? Double.NaN : (double) herd7Cpu.toNanos() / oursCpu.toNanos();
        }
    }
}
