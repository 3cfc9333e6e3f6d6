package daxlab.lab;

import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.Explanation;
import daxlab.axiomatic.Model;
import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.litmus.DaxExport;
import daxlab.interleave.Schedule;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Witness;
import daxlab.verdict.Candidate;
import daxlab.verdict.Matrix;
import daxlab.verdict.Property;
import daxlab.verdict.Report;

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

    /**
     * The witness of the first FORBIDDEN outcome as a picture: threads as lanes, steps in order,
     * the step that completes the outcome in red; titled with the scenario, variant and outcome.
     */
    public static Picture timeline(Histogram h) {
        Histogram.Entry e = h.forbidden().stream().filter(x -> x.witness() instanceof Schedule).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no FORBIDDEN outcome with a schedule in " + h.title()));
        Schedule s = (Schedule) e.witness();
        String title = h.scenario() + (h.variant().isEmpty() ? "" : " [" + h.variant() + "]") + " under " + h.model()
                + ": a schedule reaching " + e.outcome().text() + " (" + e.grade().label() + ")";
        return Charts.timeline(title, s, step -> step == s.steps().get(s.steps().size() - 1));
    }

    /** How many of the counted interleavings / executions reach a FORBIDDEN outcome, as "n of N". */
    public static String forbiddenShare(Histogram h) {
        return h.countWhere(e -> e.outcomeClass() == OutcomeClass.FORBIDDEN) + " of " + h.total() + " " + h.unit();
    }

    /**
     * Why a weak model never gives the scenario's FORBIDDEN outcomes: the axiom and the cycle,
     * for each FORBIDDEN outcome some candidate execution would give.
     */
    public static String explain(Scenario s, PutVariant put, ReaderVariant reader, String model) {
        DaxScenario d = Scenarios.build(s, put, reader);
        List<Explanation> all = Axiomatic.explainForbidden(d.program(), Model.byName(model), d.classifier());
        if (all.isEmpty()) {
            return "no candidate execution of " + s + " [" + d.variantLabel() + "] gives a FORBIDDEN outcome";
        }
        return all.stream().map(Explanation::text).collect(Collectors.joining("\n"));
    }

    /** The verdict matrix of the thread's candidates over every property and model. */
    public static Matrix verdict() {
        return Matrix.compute(Candidate.fromTheThread(), Arrays.asList(Property.values()), Models.NAMES, Models::run);
    }

    /** The verdict as 72-column text for a reply on the list. */
    public static String report(Matrix m) {
        return Report.text(m);
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
