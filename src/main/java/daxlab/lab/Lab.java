package daxlab.lab;

import daxlab.axiomatic.Explanation;
import daxlab.dax.Accessors;
import daxlab.dax.DaxScenario;
import daxlab.dax.KernelSource;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.litmus.DaxExport;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Witness;
import daxlab.verdict.Herd7Answers;
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
    public static DaxScenario scenario(Scenario s, PutVariant put, ReaderVariant reader) {
        return Scenarios.build(s, put, reader);
    }

    /**
     * The scenario as a C litmus test herd7 accepts: symbolic values as integers (legend in the
     * header), the exists clause = the scenario's FORBIDDEN outcomes.
     */
    public static String source(Scenario s, PutVariant put, ReaderVariant reader) {
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

    /** One version of fs_put_dax() as kernel C. */
    public static String kernelSource(PutVariant put) {
        return KernelSource.fsPutDax(put);
    }

    /** One version of dax_holder_notify_failure() as kernel C. */
    public static String kernelSource(ReaderVariant reader) {
        return KernelSource.notifyFailure(reader);
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
    public static Histogram enumerate(Scenario s, PutVariant put) {
        return enumerate(s, put, ReaderVariant.DOUBLE_READ, "sc");
    }

    public static Histogram enumerate(Scenario s, PutVariant put, String model) {
        return enumerate(s, put, ReaderVariant.DOUBLE_READ, model);
    }

    public static Histogram enumerate(Scenario s, PutVariant put, ReaderVariant reader) {
        return enumerate(s, put, reader, "sc");
    }

    public static Histogram enumerate(Scenario s, PutVariant put, ReaderVariant reader, String model) {
        return Models.run(Scenarios.build(s, put, reader), model);
    }

    /** One scenario under every model, strongest first: sc, tso, armv8, lkmm. */
    public static List<Histogram> models(Scenario s, PutVariant put) {
        return models(s, put, ReaderVariant.DOUBLE_READ);
    }

    public static List<Histogram> models(Scenario s, PutVariant put, ReaderVariant reader) {
        return Models.NAMES.stream().map(m -> enumerate(s, put, reader, m)).collect(Collectors.toList());
    }

    /**
     * Which outcomes each model allows (sc, tso, armv8, lkmm, lkmm-once), as a matrix: a model
     * allows an outcome or not; only the sc column counts (interleavings).
     */
    public static Allowed allowed(Scenario s, PutVariant put, ReaderVariant reader) {
        return allowed(s, put, reader, Accessors.MAINLINE);
    }

    public static Allowed allowed(Scenario s, PutVariant put, ReaderVariant reader, Accessors accessors) {
        DaxScenario d = Scenarios.build(s, put, reader, accessors);
        List<Histogram> runs = Models.NAMES.stream().map(m -> Models.run(d, m)).collect(Collectors.toList());
        return new Allowed(s + (d.variantLabel().isEmpty() ? "" : " [" + d.variantLabel() + "]")
                + ": which outcomes each model allows", runs);
    }

    /** One scenario under one model with the accessors marked or as in mainline. */
    public static Histogram enumerate(Scenario s, PutVariant put, ReaderVariant reader, Accessors accessors,
                                      String model) {
        return Models.run(Scenarios.build(s, put, reader, accessors), model);
    }

    /** One scenario and model, several put versions. */
    public static List<Histogram> variants(Scenario s, String model, PutVariant... puts) {
        return Arrays.stream(puts).map(p -> enumerate(s, p, ReaderVariant.DOUBLE_READ, model))
                .collect(Collectors.toList());
    }

    /** One scenario and model, several readers. */
    public static List<Histogram> readers(Scenario s, PutVariant put, String model, ReaderVariant... readers) {
        return Arrays.stream(readers).map(r -> enumerate(s, put, r, model)).collect(Collectors.toList());
    }

    /**
     * The scenario on this CPU with jcstress, {@code time} in all (split over the interpreter,
     * C1, C2 and C2 with its scheduling randomizers). The Java twin of {@code DOUBLE_READ} uses two
     * opaque loads: two plain loads of one field are merged by the JIT (the READ_ONCE lesson).
     */
    public static Histogram stress(Scenario s, PutVariant put, ReaderVariant reader, String time) {
        ReaderTwin twin = reader == ReaderVariant.DOUBLE_READ ? ReaderTwin.DOUBLE_READ_OPAQUE
                : ReaderTwin.byName(reader.name());
        return stress(s, put, twin, time);
    }

    /** As above, with the Java reader named exactly ({@code ReaderTwin.DOUBLE_READ_PLAIN}, ...). */
    public static Histogram stress(Scenario s, PutVariant put, ReaderTwin reader, String time) {
        Duration perMode = Durations.parse(time).dividedBy(RunMode.values().length);
        try {
            return Stress.run(s, put, reader, perMode.isZero() ? Duration.ofMillis(1) : perMode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stress run of " + s + " interrupted");
        }
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
    public static String explain(Scenario s, PutVariant put, ReaderVariant reader, String model) {
        DaxScenario d = Scenarios.build(s, put, reader);
        List<Explanation> all = Models.explain(d, model);
        if (all.isEmpty()) {
            return "no candidate execution of " + s.id() + " [" + d.variantLabel() + "] gives a FORBIDDEN outcome";
        }
        return all.stream().map(Explanation::text).collect(Collectors.joining("\n"));
    }

    /** The same as typed results, one per FORBIDDEN outcome some candidate gives. */
    public static List<Explanation> explanations(Scenario s, PutVariant put, ReaderVariant reader, String model) {
        return Models.explain(Scenarios.build(s, put, reader), model);
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
        return Review.compute(Models.NAMES, Models::run);
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

    /** The model {@link #litmus(String)} runs a test under when none is named: the kernel's own. */
    public static final String DEFAULT_LITMUS_MODEL = "lkmm";

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
        List<String> names = models.length == 0 ? List.of(DEFAULT_LITMUS_MODEL) : Arrays.asList(models);
        List<daxlab.litmus.LitmusEngine> engines = names.stream().map(daxlab.litmus.LitmusEngines::byName)
                .collect(Collectors.toList());
        List<LitmusResult.Run> runs = new ArrayList<>();
        for (daxlab.litmus.LitmusEngine engine : engines) {
            Histogram h = engine.run(test.program(), daxlab.litmus.LitmusClassifier.of(test.program()), LITMUS_BUDGET);
            runs.add(new LitmusResult.Run(engine.model(), h,
                    daxlab.litmus.Herd7Layout.result(test.program(), h, daxlab.litmus.LitmusEngine.flags(h))));
        }
        return new LitmusResult(test, runs);
    }

    /** As {@code daxlab litmus}'s default {@code --budget}: the most states or candidate executions per run. */
    public static final long LITMUS_BUDGET = 5_000_000;
}
