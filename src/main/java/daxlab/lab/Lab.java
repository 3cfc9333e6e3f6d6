package daxlab.lab;

import daxlab.engine.Engine;
import daxlab.axiomatic.Explanation;
import daxlab.dax.Accessors;
import daxlab.dax.DaxScenario;
import daxlab.dax.KernelSource;
import daxlab.dax.OwnPut;
import daxlab.dax.OwnReader;
import daxlab.dax.PutVariant;
import daxlab.dax.PutVersion;
import daxlab.dax.ReaderVariant;
import daxlab.dax.ReaderVersion;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.dax.export.DaxExport;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Witness;
import daxlab.verdict.Candidate;
import daxlab.verdict.Herd7Answers;
import daxlab.verdict.Property;
import daxlab.verdict.Reply;
import daxlab.verdict.Report;
import daxlab.verdict.Review;

import daxlab.chart.Charts;
import daxlab.chart.Picture;
import daxlab.stress.Durations;
import daxlab.stress.ReaderTwin;
import daxlab.stress.RunMode;
import daxlab.stress.Stress;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The notebook's vocabulary: one static method per experiment, so that a cell reads like the
 * claim it tests. {@code import static daxlab.lab.Lab.*;} brings it in (the daxlab kernel does
 * this at start-up, with the scenario and variant names).
 * <pre>{@code
 * enumerate(PUT_VS_GET, ORIGINAL)                 // every SC interleaving, counted
 * enumerate(PUT_VS_GET, PATCH_V1_RELAXED, "lkmm") // every execution the LKMM allows
 * models(PUT_VS_GET, PATCH_V1_RELAXED)            // the same under sc, tso, armv8, lkmm
 * }</pre>
 */
public final class Lab {
    private Lab() {
    }

    /** The scenario's program and grading rules, for a closer look. */
    public static DaxScenario scenario(Scenario s, PutVersion put, ReaderVersion reader) {
        return Scenarios.build(s, put, reader);
    }

    /**
     * The scenario as a C litmus test herd7 accepts: symbolic values as integers (legend in the
     * header), the exists clause = the scenario's FORBIDDEN outcomes.
     */
    public static String source(Scenario s, PutVersion put, ReaderVersion reader) {
        return DaxExport.export(Scenarios.build(s, put, reader), DaxExport.Form.PLAIN).text();
    }

    /**
     * The five functions that touch holder_data and holder_ops, as kernel C the way mainline
     * has them (abridged): fs_dax_get(), fs_put_dax() before the patch,
     * dax_holder_notify_failure(), dax_holder(), kill_dax().
     */
    public static String kernelSource() {
        return String.join("\n", KernelSource.fsDaxGet(Accessors.MAINLINE), KernelSource.fsPutDax(PutVariant.ORIGINAL),
                KernelSource.notifyFailure(ReaderVariant.DOUBLE_READ), KernelSource.daxHolder(Accessors.MAINLINE),
                KernelSource.killDax(Accessors.MAINLINE));
    }

    /** One version of fs_put_dax() as kernel C: a built-in's, or yours as you wrote it. */
    public static String kernelSource(PutVersion put) {
        return KernelSource.fsPutDax(put);
    }

    /** One version of dax_holder_notify_failure() as kernel C: a built-in's, or yours as you wrote it. */
    public static String kernelSource(ReaderVersion reader) {
        return KernelSource.notifyFailure(reader);
    }

    /**
     * Your own fs_put_dax(), as kernel C spelled as in drivers/dax/super.c: the whole function or
     * only its body. It goes wherever a built-in version goes: {@code enumerate(PUT_VS_GET, mine,
     * "lkmm")}, {@code allowed(...)}, {@code models(...)}, {@code verdict(mine)},
     * {@code kernelSource(mine)}, {@code source(...)}, {@code exportLitmus(dir, mine)}.
     * <pre>{@code
     * var mine = fix("check, then release", """
     *         if (READ_ONCE(dax_dev->holder_data) != holder)
     *                 return;
     *         WRITE_ONCE(dax_dev->holder_ops, NULL);
     *         WARN_ON(cmpxchg(&dax_dev->holder_data, holder, NULL) != holder);
     *         put_dax(dax_dev);
     *         """);
     * }</pre>
     * The parameters are {@code dax_dev} and {@code holder}; the shared fields
     * {@code dax_dev->holder_data} and {@code dax_dev->holder_ops}; the primitives READ_ONCE,
     * WRITE_ONCE, smp_load_acquire, smp_store_release, cmpxchg and xchg (and their _relaxed,
     * _acquire, _release forms), smp_mb, smp_wmb, smp_rmb; {@code WARN_ON(cond)} is counted in
     * outcome field {@code warn}, {@code put_dax(dax_dev)} drops the holder's reference,
     * {@code synchronize_srcu(&dax_srcu)} waits for the readers.
     *
     * @param name what you call it: your rows, chart titles and files carry it
     * @throws daxlab.dax.c.KernelCException at the line and column of {@code text} that cannot be
     *                                        read or run, saying what was expected there
     */
    public static OwnPut fix(String name, String text) {
        return new OwnPut(name, text);
    }

    /**
     * Your own dax_holder_notify_failure(), as kernel C: the whole function, or only what runs
     * inside mainline's dax_read_lock() and dax_alive() check, returning the result.
     * <pre>{@code
     * var r = reader("acquire once", """
     *         const struct dax_holder_operations *ops = smp_load_acquire(&dax_dev->holder_ops);
     *
     *         if (!ops)
     *                 return -EOPNOTSUPP;
     *         return ops->notify_failure(dax_dev, off, len, mf_flags);
     *         """);
     * }</pre>
     * {@code ops->notify_failure(...)} is the holder's callback (it finds its holder through
     * {@code dax_holder()}); through NULL it is an oops (result NULL_CALL).
     *
     * @param name what you call it: your rows, chart titles and files carry it
     * @throws daxlab.dax.c.KernelCException at the line and column of {@code text} that cannot be
     *                                        read or run, saying what was expected there
     */
    public static OwnReader reader(String name, String text) {
        return new OwnReader(name, text);
    }

    /** One of fs_dax_get, dax_holder, kill_dax as mainline has it, as kernel C. */
    public static String kernelSource(String function) {
        switch (function) {
            case "fs_dax_get":
                return KernelSource.fsDaxGet(Accessors.MAINLINE);
            case "dax_holder":
                return KernelSource.daxHolder(Accessors.MAINLINE);
            case "kill_dax":
                return KernelSource.killDax(Accessors.MAINLINE);
            default:
                throw new IllegalArgumentException("no kernel source for '" + function
                        + "'; functions: fs_dax_get, dax_holder, kill_dax (fs_put_dax and the reader by version)");
        }
    }

    /** Every SC interleaving with today's reader. */
    public static Histogram enumerate(Scenario s, PutVersion put) {
        return enumerate(s, put, ReaderVariant.DOUBLE_READ, Engine.SC);
    }

    public static Histogram enumerate(Scenario s, PutVersion put, String model) {
        return enumerate(s, put, ReaderVariant.DOUBLE_READ, model);
    }

    public static Histogram enumerate(Scenario s, PutVersion put, ReaderVersion reader) {
        return enumerate(s, put, reader, Engine.SC);
    }

    public static Histogram enumerate(Scenario s, PutVersion put, ReaderVersion reader, String model) {
        return enumerate(s, put, reader, Engine.byName(model));
    }

    /** One scenario under one engine. */
    public static Histogram enumerate(Scenario s, PutVersion put, ReaderVersion reader, Engine engine) {
        return Models.run(Scenarios.build(s, put, reader), engine);
    }

    /** One scenario under every model, strongest first: sc, tso, armv8, lkmm. */
    public static List<Histogram> models(Scenario s, PutVersion put) {
        return models(s, put, ReaderVariant.DOUBLE_READ);
    }

    public static List<Histogram> models(Scenario s, PutVersion put, ReaderVersion reader) {
        return Engine.VERDICT.stream().map(m -> enumerate(s, put, reader, m)).collect(Collectors.toList());
    }

    /**
     * Which outcomes each model allows (sc, tso, armv8, lkmm, lkmm-once), as a matrix: a model
     * allows an outcome or not; only the sc column counts (interleavings).
     */
    public static Allowed allowed(Scenario s, PutVersion put, ReaderVersion reader) {
        return allowed(s, put, reader, Accessors.MAINLINE);
    }

    public static Allowed allowed(Scenario s, PutVersion put, ReaderVersion reader, Accessors accessors) {
        DaxScenario d = Scenarios.build(s, put, reader, accessors);
        List<Histogram> runs = Engine.VERDICT.stream().map(m -> Models.run(d, m)).collect(Collectors.toList());
        return new Allowed(s + (d.variantLabel().isEmpty() ? "" : " [" + d.variantLabel() + "]")
                + ": which outcomes each model allows", runs);
    }

    /** One scenario under one model with the accessors marked or as in mainline. */
    public static Histogram enumerate(Scenario s, PutVersion put, ReaderVersion reader, Accessors accessors,
                                      String model) {
        return enumerate(s, put, reader, accessors, Engine.byName(model));
    }

    /** One scenario under one engine with the accessors marked or as in mainline. */
    public static Histogram enumerate(Scenario s, PutVersion put, ReaderVersion reader, Accessors accessors,
                                      Engine engine) {
        return Models.run(Scenarios.build(s, put, reader, accessors), engine);
    }

    /** One scenario and model, several put versions. */
    public static List<Histogram> variants(Scenario s, String model, PutVersion... puts) {
        return Arrays.stream(puts).map(p -> enumerate(s, p, ReaderVariant.DOUBLE_READ, model))
                .collect(Collectors.toList());
    }

    /** One scenario and model, several readers. */
    public static List<Histogram> readers(Scenario s, PutVersion put, String model, ReaderVersion... readers) {
        return Arrays.stream(readers).map(r -> enumerate(s, put, r, model)).collect(Collectors.toList());
    }

    /**
     * The scenario on this CPU with jcstress, {@code time} in all (split over the interpreter,
     * C1, C2 and C2 with its scheduling randomizers). The Java twin of {@code DOUBLE_READ} uses two
     * opaque loads: two plain loads of one field are merged by the JIT (the READ_ONCE lesson).
     * Only the built-in versions have Java twins (they are written by hand): yours run under the
     * models instead.
     *
     * @throws IllegalArgumentException for a version of yours, saying why
     */
    public static Histogram stress(Scenario s, PutVersion put, ReaderVersion reader, String time) {
        PutVariant p = builtIn(put);
        ReaderVariant r = builtIn(reader);
        ReaderTwin twin = r == ReaderVariant.DOUBLE_READ ? ReaderTwin.DOUBLE_READ_OPAQUE : ReaderTwin.byName(r.name());
        return stress(s, p, twin, time);
    }

    /** As above, with the Java reader named exactly ({@code ReaderTwin.DOUBLE_READ_PLAIN}, ...). */
    public static Histogram stress(Scenario s, PutVersion put, ReaderTwin reader, String time) {
        PutVariant p = builtIn(put);
        Duration perMode = Durations.parse(time).dividedBy(RunMode.values().length);
        try {
            return Stress.run(s, p, reader, perMode.isZero() ? Duration.ofMillis(1) : perMode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stress run of " + s + " interrupted");
        }
    }

    /** Why yours cannot run under jcstress, and what to use instead. */
    private static IllegalArgumentException noTwin(String label) {
        return new IllegalArgumentException("stress(...) runs jcstress on the Java twin of a built-in version, "
                + "written by hand for each one (daxlab.stress.PutTwin, ReaderTwin); " + label + " has none. "
                + "enumerate(...), allowed(...) and models(...) run your C itself, under every model.");
    }

    private static PutVariant builtIn(PutVersion put) {
        return put.accept(new PutVersion.Visitor<>() {
            @Override
            public PutVariant builtIn(PutVariant v) {
                return v;
            }

            @Override
            public PutVariant own(OwnPut p) {
                throw noTwin(p.label());
            }
        });
    }

    private static ReaderVariant builtIn(ReaderVersion reader) {
        return reader.accept(new ReaderVersion.Visitor<>() {
            @Override
            public ReaderVariant builtIn(ReaderVariant v) {
                return v;
            }

            @Override
            public ReaderVariant own(OwnReader r) {
                throw noTwin(r.label());
            }
        });
    }

    /**
     * States a claim about a run and checks it: prints {@code claim holds: ...}, or fails the cell
     * (and so the notebook tests) with {@code claim does not hold: ...}. Stress cells use it, since
     * their counts change from run to run but their claims must not.
     */
    public static String claim(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError("claim does not hold: " + what);
        }
        return "claim holds: " + what;
    }

    /** Whether every outcome {@code observed} reached is one {@code model} allows (stress within an enumeration). */
    public static boolean allowedBy(Histogram observed, Histogram model) {
        return observed.entries().stream().filter(e -> e.count().signum() > 0)
                .allMatch(e -> model.count(e.outcome()).signum() > 0);
    }

    /** Several histograms as one grouped chart: bars per outcome, one colour per run. */
    public static Picture compare(Histogram... hs) {
        return Charts.compare(hs);
    }

    public static Picture compare(List<Histogram> hs) {
        return Charts.compare(hs);
    }

    /** The witness of the first FORBIDDEN outcome (a schedule under sc, an execution otherwise). */
    public static Witness witness(Histogram h) {
        return h.forbidden().stream().filter(e -> e.witness() != null).map(Histogram.Entry::witness).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no FORBIDDEN outcome in " + h.title()));
    }

    /** The witness of the first outcome graded with {@code hazard}, e.g. {@code "callback after put"}. */
    public static Witness witness(Histogram h, String hazard) {
        return h.entries().stream().filter(e -> e.count().signum() > 0 && e.grade().has(hazard) && e.witness() != null)
                .map(Histogram.Entry::witness).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outcome graded '" + hazard + "' in " + h.title()));
    }

    /**
     * The witness of the first FORBIDDEN outcome the run reaches, as a picture: under {@code sc} the
     * schedule (threads as lanes, steps in order, the step that completes the outcome in red); under
     * an axiomatic model the execution (threads as lanes, events in program order, rf/co/fr arrows,
     * the reads in red). Titled with the scenario, variant, model and outcome.
     *
     * @throws IllegalArgumentException naming the histogram when it reaches no FORBIDDEN outcome
     */
    public static Picture timeline(Histogram h) {
        return Charts.witness(h);
    }

    /** How many of the counted interleavings / executions reach a FORBIDDEN outcome, as "n of N". */
    public static String forbiddenShare(Histogram h) {
        return h.countWhere(e -> e.outcomeClass() == OutcomeClass.FORBIDDEN) + " of " + h.total() + " " + h.unit();
    }

    /**
     * For each FORBIDDEN outcome some candidate execution (or interleaving) gives: if the model
     * allows it, how many executions give it and one of them (a schedule under {@code sc}); if not,
     * the axiom and the cycle that rule it out. Model names mean what they mean to
     * {@link #enumerate} ({@link Models}): the allowed outcomes here are the FORBIDDEN bars there.
     */
    public static String explain(Scenario s, PutVersion put, ReaderVersion reader, String model) {
        return explain(s, put, reader, Engine.byName(model));
    }

    /** {@link #explain(Scenario, PutVersion, ReaderVersion, String)} under an engine. */
    public static String explain(Scenario s, PutVersion put, ReaderVersion reader, Engine model) {
        DaxScenario d = Scenarios.build(s, put, reader);
        List<Explanation> all = Models.explain(d, model);
        if (all.isEmpty()) {
            return "no candidate execution of " + s.id() + " [" + d.variantLabel() + "] gives a FORBIDDEN outcome";
        }
        return all.stream().map(Explanation::text).collect(Collectors.joining("\n"));
    }

    /** The same as typed results, one per FORBIDDEN outcome some candidate gives. */
    public static List<Explanation> explanations(Scenario s, PutVersion put, ReaderVersion reader, String model) {
        return Models.explain(Scenarios.build(s, put, reader), Engine.byName(model));
    }

    /**
     * The data races behind the LKMM's {@code Flag data-race} in a run: each racing pair of
     * accesses with how many executions race on it, then per FORBIDDEN outcome reached how many of
     * its executions are race-free (herd7 gives a racy execution no guarantee at all, so a bad
     * outcome reached only by racy executions says "mark the accesses" before "fix the algorithm").
     */
    public static String races(Histogram h) {
        StringBuilder sb = new StringBuilder(h.scenario() + (h.variant().isEmpty() ? "" : " [" + h.variant() + "]")
                + " under " + h.model() + ": ");
        if (h.races().isEmpty()) {
            return sb.append("no data race\n").toString();
        }
        sb.append(h.races().size()).append(h.races().size() == 1 ? " racing pair" : " racing pairs").append(", ")
                .append(h.racy()).append(" of ").append(h.total()).append(' ').append(h.unit()).append(" racy\n");
        h.races().forEach(r -> sb.append("  ").append(r.text()).append('\n'));
        for (Histogram.Entry e : h.forbidden()) {
            if (e.count().signum() > 0) {
                sb.append("  FORBIDDEN ").append(e.outcome().text()).append(" (").append(e.grade().label())
                        .append("): ").append(e.raceFree()).append(" of ").append(e.count()).append(" race-free\n");
            }
        }
        return sb.toString();
    }

    /**
     * The verdict: every fs_put_dax() version with every reader (and the fixes with marked
     * accessors), over every claim and model; it renders as the matrix.
     */
    public static Review verdict() {
        return Review.compute(Engine.VERDICT, Models::run);
    }

    /**
     * The verdict with your fs_put_dax() in it: its rows (with every built-in reader, then with
     * the acquire reader and marked accessors) after the built-in ones, labelled with its name
     * and {@code (yours)}.
     */
    public static Review verdict(PutVersion yours) {
        return Review.compute(Candidate.rowsFor(yours), Engine.VERDICT, Models::run);
    }

    /** The verdict with your reader in it: with every built-in fs_put_dax(), then with the marked fixes. */
    public static Review verdict(ReaderVersion yours) {
        return Review.compute(Candidate.rowsFor(yours), Engine.VERDICT, Models::run);
    }

    /** The verdict with one fs_put_dax() and one reader, either or both yours: with mainline's and with marked accessors. */
    public static Review verdict(PutVersion put, ReaderVersion reader) {
        return Review.compute(Candidate.rowsFor(put, reader), Engine.VERDICT, Models::run);
    }

    /**
     * Your rows of a verdict against {@code claims} (every claim when none is named), under every
     * model: {@code yes} or {@code not yet} per claim, with the models that break it and what
     * they reach. Your rows with marked accessors are the ones judged when there are any: there
     * every BAD and every race is your code's, not mainline's plain accesses around it. It never
     * throws on a claim that does not hold: it says so.
     *
     * @throws IllegalArgumentException when the verdict has no row of yours
     */
    public static Check check(Review v, Property... claims) {
        return Check.of(v.matrix(), claims.length == 0 ? v.matrix().properties() : Arrays.asList(claims));
    }

    /** A claim checked without failing the cell: {@code yes: ...} or {@code not yet: ...}. */
    public static Check check(boolean holds, String claim) {
        return new Check(holds, (holds ? "yes: " : "not yet: ") + claim);
    }

    /** The verdict as 72-column text: every table, the races, before and after, the recommendation. */
    public static String report(Review r) {
        return Report.text(r);
    }

    /** The reply to paste under the quoted thread: plain text within 72 columns. */
    public static String reply(Review r) {
        return Reply.text(r, Herd7Answers.recorded());
    }

    /** Writes every scenario as a C litmus test (as written, and with marked accesses) for herd7. */
    public static List<Path> exportLitmus(Path dir) {
        try {
            return new ArrayList<>(DaxExport.writeAll(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes every scenario that runs your fs_put_dax() as a C litmus test for herd7, with each
     * reader the scenario uses, as written and with marked accesses; file names carry your
     * version's name ({@code dax-put-vs-get+yours-check-then-release.litmus}).
     */
    public static List<Path> exportLitmus(Path dir, PutVersion yours) {
        List<DaxScenario> all = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            if (s.usesPut()) {
                Scenarios.readersOf(s).forEach(r -> all.add(Scenarios.build(s, yours, r)));
            }
        }
        return write(dir, all);
    }

    /** Every scenario that runs your reader, with each fs_put_dax() it uses, as C litmus tests for herd7. */
    public static List<Path> exportLitmus(Path dir, ReaderVersion yours) {
        List<DaxScenario> all = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            if (s.usesReader()) {
                Scenarios.putsOf(s).forEach(p -> all.add(Scenarios.build(s, p, yours)));
            }
        }
        return write(dir, all);
    }

    private static List<Path> write(Path dir, List<DaxScenario> scenarios) {
        List<Path> out = new ArrayList<>();
        try {
            java.nio.file.Files.createDirectories(dir);
            for (DaxScenario d : scenarios) {
                for (DaxExport.Form form : DaxExport.Form.values()) {
                    DaxExport.Export e = DaxExport.export(d, form);
                    Path p = dir.resolve(e.fileName());
                    java.nio.file.Files.writeString(p, e.text());
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The memory accesses of each thread of a scenario, in program order ({@code P0: rmw
     * holder_data, store holder_ops}): both branches of an if, calls inlined. To compare a litmus
     * test you wrote with the scenario it stands for ({@link #accesses(LitmusResult)}).
     */
    public static List<String> accesses(DaxScenario d) {
        return Accesses.of(d.program());
    }

    /** The memory accesses of each thread of a litmus test, as {@link #accesses(DaxScenario)} lists them. */
    public static List<String> accesses(LitmusResult r) {
        return Accesses.of(r.test().program());
    }

    /**
     * The last run, in this session, of the litmus test named {@code name} (its {@code C name}
     * line): a {@code %%litmus} cell's or {@code litmus(...)}'s, so that a later cell can check it.
     *
     * @throws IllegalArgumentException when no test of that name ran yet
     */
    public static LitmusResult litmusRun(String name) {
        synchronized (RUNS) {
            LitmusResult r = RUNS.get(name);
            if (r == null) {
                throw new IllegalArgumentException("no litmus test named '" + name + "' ran in this session; "
                        + (RUNS.isEmpty() ? "none ran yet" : "these did: " + String.join(", ", RUNS.keySet())));
            }
            return r;
        }
    }

    /** The last run of each litmus test, by name (see {@link #litmusRun}). */
    private static final java.util.Map<String, LitmusResult> RUNS = new java.util.LinkedHashMap<>();

    /** The model {@link #litmus(String)} runs a test under when none is named: the kernel's own. */
    public static final Engine DEFAULT_LITMUS_MODEL = Engine.LKMM;

    /**
     * Runs a C litmus test (the kernel's {@code tools/memory-model} format) under the LKMM: shown as
     * herd7 prints it, with the histogram of final states as a chart.
     * <pre>{@code
     * litmus("""
     *     C MP
     *     {}
     *     P0(int *buf, int *flag) { WRITE_ONCE(*buf, 1); smp_store_release(flag, 1); }
     *     P1(int *buf, int *flag) { int r0; int r1; r0 = smp_load_acquire(flag); r1 = READ_ONCE(*buf); }
     *     exists (1:r0=1 /\ 1:r1=0)
     *     """)
     * }</pre>
     *
     * @throws daxlab.litmus.LitmusSyntaxException at the test's line and column when it cannot be read
     */
    public static LitmusResult litmus(String text) {
        return litmus(text, new String[0]);
    }

    /** The same under each model named ({@code "sc"}, {@code "tso"}, {@code "armv8"}, {@code "lkmm"}, ...), in order. */
    public static LitmusResult litmus(String text, String... models) {
        return litmus(daxlab.litmus.LitmusParser.parse(text, "litmus"), models);
    }

    /** A test already parsed (with the file name its errors should carry), under each model named. */
    public static LitmusResult litmus(daxlab.litmus.LitmusTest test, String... models) {
        List<String> names = models.length == 0 ? List.of(DEFAULT_LITMUS_MODEL.id()) : Arrays.asList(models);
        List<daxlab.litmus.LitmusEngine> engines = names.stream().map(daxlab.litmus.LitmusEngines::byName)
                .collect(Collectors.toList());
        List<LitmusResult.Run> runs = new ArrayList<>();
        for (daxlab.litmus.LitmusEngine engine : engines) {
            Histogram h = engine.run(test.program(), daxlab.litmus.LitmusClassifier.of(test.program()), LITMUS_BUDGET);
            runs.add(new LitmusResult.Run(engine.model(), h,
                    daxlab.litmus.Herd7Layout.result(test.program(), h)));
        }
        LitmusResult result = new LitmusResult(test, runs);
        synchronized (RUNS) {
            RUNS.remove(test.name());
            RUNS.put(test.name(), result);
        }
        return result;
    }

    /** As {@code daxlab litmus}'s default {@code --budget}: the most states or candidate executions per run. */
    public static final long LITMUS_BUDGET = 5_000_000;
}
