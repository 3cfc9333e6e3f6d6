package daxlab.cli;

import daxlab.cat.CatModel;
import daxlab.engine.Engine;
import daxlab.litmus.Herd7Layout;
import daxlab.litmus.Herd7Result;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusSyntaxException;
import daxlab.litmus.LitmusTest;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Program;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code daxlab bench --litmus DIR}: the axiomatic engine on a directory of litmus tests, in one
 * process. Tests are parsed once; after warm-up rounds it times the whole suite (median of the
 * rounds) and each test (median of its runs), and checks each result against the
 * {@code NAME.litmus.herd7} file beside it when there is one (as {@code litmus --check --check-counts}:
 * states, verdict, flags, condition and counts). A file that does not parse or run within the
 * budget is reported and left out, and the others still run (exit status 2).
 */
final class LitmusBench {
    private LitmusBench() {
    }

    static int run(Path dir, String modelName, int warmup, int repeat, long budget,
                   picocli.CommandLine.Model.CommandSpec spec) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Function<Program, Histogram> engine;
        String shown;
        if (modelName.equals("lkmm-cat")) {
            // The kernel's files run by the cat interpreter, to compare with the hand-written lkmm.
            CatModel cat = CatModel.lkmm();
            engine = p -> cat.run(p, Classifier.NONE, budget, "").histogram();
            shown = cat.name() + " (" + cat.title() + ", interpreted)";
        } else {
            Engine model;
            try {
                model = Engine.byName(modelName);
            } catch (IllegalArgumentException e) {
                throw OptionTypes.invalid(spec, "--model", e.getMessage() + ", lkmm-cat");
            }
            engine = p -> model.run(p, Classifier.NONE, budget, "");
            shown = model.id();
        }
        if (!Files.isDirectory(dir)) {
            throw new Main.UsageError("--litmus " + dir + ": not a directory of .litmus files");
        }
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> p.toString().endsWith(".litmus")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new Main.UsageError("--litmus " + dir + ": cannot list it: " + Main.describe(e));
        }
        if (all.isEmpty()) {
            throw new Main.UsageError("--litmus " + dir + ": no .litmus files there");
        }
        // A file that cannot be parsed or run within the budget is reported and left out; the
        // others are timed, and the exit status says that something was left out.
        List<Path> files = new ArrayList<>();
        List<LitmusTest> tests = new ArrayList<>();
        int skipped = 0;
        for (Path f : all) {
            try {
                LitmusTest t = LitmusParser.parse(f);
                engine.apply(t.program());
                files.add(f);
                tests.add(t);
            } catch (LitmusSyntaxException e) {
                skipped++;
                err.println("daxlab: " + e.getMessage() + " (left out)");
            } catch (IOException e) {
                skipped++;
                err.println("daxlab: " + Main.describe(e) + " (left out)");
            } catch (RuntimeException e) {
                skipped++;
                err.println("daxlab: " + f + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())
                        + " (left out)");
            }
            err.flush();
        }
        if (tests.isEmpty()) {
            throw new Main.UsageError("--litmus " + dir + ": no test there could be run");
        }
        for (int i = 0; i < warmup; i++) {
            for (LitmusTest t : tests) {
                engine.apply(t.program());
            }
        }
        double[][] perTest = new double[tests.size()][repeat];
        double[] suite = new double[repeat];
        Histogram[] last = new Histogram[tests.size()];
        for (int r = 0; r < repeat; r++) {
            long s0 = System.nanoTime();
            for (int i = 0; i < tests.size(); i++) {
                long t0 = System.nanoTime();
                last[i] = engine.apply(tests.get(i).program());
                perTest[i][r] = (System.nanoTime() - t0) / 1e6;
            }
            suite[r] = (System.nanoTime() - s0) / 1e6;
        }
        out.printf("%s on %d litmus tests in %s: %d warm-up rounds, median of %d timed rounds, %s, %d cores%n%n",
                shown, tests.size(), dir, warmup, repeat,
                System.getProperty("java.vm.name") + " " + Runtime.version(), Runtime.getRuntime().availableProcessors());
        out.println("| test | executions | states | herd7 agrees | median ms |");
        out.println("|---|---|---|---|---|");
        int agree = 0;
        int compared = 0;
        for (int i = 0; i < tests.size(); i++) {
            Path herd = files.get(i).resolveSibling(files.get(i).getFileName() + ".herd7");
            String verdict = "-";
            if (Files.exists(herd)) {
                // The judgement of `litmus --check --check-counts` and `conformance`.
                boolean same = Herd7Layout.result(tests.get(i).program(), last[i])
                        .differencesFrom(Herd7Result.parse(herd), Herd7Result.Comparison.EXACT).isEmpty();
                compared++;
                if (same) {
                    agree++;
                }
                verdict = same ? "yes" : "NO";
            }
            out.printf("| %s | %s | %d | %s | %.3f |%n", tests.get(i).name(), last[i].total(),
                    last[i].entries().size(), verdict, median(perTest[i]));
        }
        double sumOfMedians = 0;
        for (double[] t : perTest) {
            sumOfMedians += median(t);
        }
        double fastest = Arrays.stream(suite).min().orElse(0);
        out.printf("%nwhole suite: %.1f ms (median of %d rounds; fastest round %.1f ms; sum of per-test medians "
                + "%.1f ms); herd7 agrees on %d of %d compared%n", median(suite), repeat, fastest, sumOfMedians,
                agree, compared);
        if (skipped > 0) {
            out.printf("%d of %d files left out (see the errors above)%n", skipped, all.size());
        }
        out.flush();
        return skipped > 0 ? 2 : agree == compared ? 0 : 1;
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
