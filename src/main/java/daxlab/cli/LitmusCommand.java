package daxlab.cli;

import daxlab.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import daxlab.cat.CatException;
import daxlab.cat.CatModel;
import daxlab.cat.ModelFiles;
import daxlab.cat.litmus.CatLitmusEngine;
import daxlab.dax.export.DaxExport;
import daxlab.litmus.Herd7Layout;
import daxlab.litmus.Herd7Result;
import daxlab.litmus.HerdNames;
import daxlab.litmus.LitmusEngine;
import daxlab.litmus.LitmusEngines;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusRun;
import daxlab.litmus.LitmusSyntaxException;
import daxlab.litmus.LitmusTest;
import daxlab.outcome.Histogram;
import daxlab.outcome.HistogramJson;
import daxlab.program.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code daxlab litmus FILE...}: runs C litmus tests and prints, per test, what herd7 prints, so
 * that the two can be diffed. A file that cannot be read or run is reported (file:line:col and
 * what was expected) and skipped; the others still run; the exit code is then 2.
 */
@Command(name = "litmus", mixinStandardHelpOptions = true,
        description = {"Run C litmus tests (the Linux kernel's format) and print herd7's layout.",
                "Also exports the dax scenarios as litmus tests for herd7 (--export-dax)."},
        footer = {"", "Exit status: 0 every file ran (and agrees with herd7 under --check); 1 a --check difference;",
                "2 bad input: an invalid option, or a file that cannot be read, parsed or run within the budget",
                "(named with file:line:col; the others still run)."})
final class LitmusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "litmus files (*.litmus)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "sc",
            description = "memory model (default: ${DEFAULT-VALUE}); available: see --list-models")
    String model;

    @Option(names = "--model-dir", paramLabel = "DIR", description = {"run the LKMM read from DIR with daxlab's cat interpreter: a kernel",
            "tree's tools/memory-model (linux-kernel.cfg and the .bell, .cat, .def it names)"})
    Path modelDir;

    @Option(names = "--cat", paramLabel = "FILE", description = {"run the LKMM with FILE as its cat file (the rest from --model-dir, else",
            "daxlab's pinned copy); FILE's includes are looked up beside it first"})
    Path catFile;

    @Option(names = "--list-models", description = "list the memory models and exit")
    boolean listModels;

    @Option(names = "--json", description = "print one JSON array (one object per file) instead of herd7's layout")
    boolean json;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "" + LitmusEngine.DEFAULT_BUDGET,
            converter = OptionTypes.PositiveLong.class,
            description = "give up on a test after this much work: states (sc) or candidate executions (default: "
                    + "${DEFAULT-VALUE})")
    long budget;

    @Option(names = "--check", description = {"compare each result with herd7's output beside the test (FILE.herd7):",
            "final states, Ok/No, Observation, flags; exit 1 if any differs"})
    boolean check;

    @Option(names = "--check-counts", description = "with --check, compare the Positive/Negative counts too")
    boolean checkCounts;

    @Option(names = "--export-dax", paramLabel = "DIR",
            description = "write every dax scenario as litmus tests (as written, and +once) into DIR")
    Path exportDir;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1", converter = OptionTypes.PositiveInt.class,
            description = "run this many files at a time, each on its own core; results are printed in the order of "
                    + "the FILEs (default: ${DEFAULT-VALUE})")
    int jobs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What one file gave: herd7's layout (and the check's lines), its JSON, or what went wrong. */
    private record FileResult(String text, ObjectNode node, String problem, Boolean agrees, List<String> warnings) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listModels) {
            for (String m : LitmusEngines.names()) {
                out.println(m + "\t" + LitmusEngines.byName(m).description());
            }
            out.flush();
            return 0;
        }
        LitmusEngine engine;
        if (modelDir != null || catFile != null) {
            engine = catEngine();
        } else {
            try {
                engine = LitmusEngines.byName(model);
            } catch (IllegalArgumentException e) {
                throw OptionTypes.invalid(spec, "--model", e.getMessage());
            }
        }
        if (exportDir != null) {
            List<Path> written;
            try {
                written = DaxExport.writeAll(exportDir);
            } catch (IOException e) {
                throw new Main.UsageError("--export-dax " + exportDir + ": cannot write the litmus files there: "
                        + Main.describe(e));
            }
            err.println("daxlab: wrote " + written.size() + " litmus files to " + exportDir);
            err.flush();
        }
        if (files.isEmpty()) {
            if (exportDir == null) {
                throw new Main.UsageError("give litmus FILEs to run, or --export-dax DIR");
            }
            return 0;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode results = mapper.createArrayNode();
        boolean failed = false;
        int agree = 0;
        int disagree = 0;
        // Files run on a pool but are reported in the order given, each as soon as it and every
        // file before it are done.
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, files.size()), r -> {
            Thread t = new Thread(r, "daxlab-litmus");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> pending = new ArrayList<>();
            for (Path f : files) {
                pending.add(pool.submit(() -> runOne(f, engine, mapper)));
            }
            for (Future<FileResult> p : pending) {
                FileResult r;
                try {
                    r = p.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                results.add(r.node());
                for (String w : r.warnings()) {
                    err.println("daxlab: warning: " + w);
                }
                if (!json && r.text() != null) {
                    out.print(r.text());
                    out.flush();
                }
                if (r.agrees() != null) {
                    if (r.agrees()) {
                        agree++;
                    } else {
                        disagree++;
                    }
                }
                if (r.problem() != null) {
                    failed = true;
                    err.println("daxlab: " + r.problem());
                    err.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (json) {
            out.println(mapper.writeValueAsString(results));
        }
        if (check) {
            err.println("daxlab: " + agree + " agree with herd7, " + disagree + " differ"
                    + (failed ? ", some files could not be checked" : ""));
        }
        out.flush();
        err.flush();
        return failed ? 2 : disagree > 0 ? 1 : 0;
    }

    /** Parses, runs and (with --check) compares one file; never throws for a bad file. */
    private FileResult runOne(Path f, LitmusEngine engine, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", f.toString());
        StringBuilder text = new StringBuilder();
        Boolean agrees = null;
        String problem = null;
        List<String> warnings = List.of(); // what the parser accepted as herd7 does, but says
        try {
            LitmusTest t = LitmusParser.parse(f);
            warnings = t.warnings();
            if (!warnings.isEmpty()) {
                ArrayNode w = node.putArray("warnings");
                warnings.forEach(w::add);
            }
            LitmusRun run = LitmusRun.of(t, engine, budget);
            Herd7Result r = run.result();
            Histogram h = run.histogram();
            if (json) {
                fill(node, engine, r, h);
            } else {
                text.append(Herd7Layout.print(r));
            }
            if (check) {
                Path expected = f.resolveSibling(f.getFileName() + ".herd7");
                List<String> diffs = r.differencesFrom(Herd7Result.parse(expected),
                        checkCounts ? Herd7Result.Comparison.EXACT : Herd7Result.Comparison.WITHOUT_COUNTS);
                ArrayNode d = node.putArray("differencesFromHerd7");
                diffs.forEach(d::add);
                agrees = diffs.isEmpty();
                text.append(diffs.isEmpty() ? "Check " + r.test() + ": agrees with herd7\n"
                        : "Check " + r.test() + ": differs from herd7:\n");
                diffs.forEach(x -> text.append("  ").append(x).append('\n'));
                text.append('\n');
            }
        } catch (LitmusSyntaxException e) {
            problem = e.getMessage();
        } catch (java.nio.charset.CharacterCodingException e) {
            problem = f + ": not UTF-8 text (" + e.getMessage() + "); litmus files are UTF-8";
        } catch (IOException e) {
            problem = (e instanceof java.nio.file.FileSystemException ? "" : f + ": cannot read: ") + Main.describe(e);
        } catch (RuntimeException e) {
            // Budget exceeded, a deadlock, an access to a non-location: the engine says what and where.
            problem = f + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (OutOfMemoryError e) {
            problem = f + ": the " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap filled up"
                    + (jobs > 1 ? " (shared by " + jobs + " jobs)" : "")
                    + "; give it more with -Xmx (DAXLAB_JAVA_OPTS), run fewer jobs, or make the test smaller";
        } catch (StackOverflowError e) {
            problem = f + ": nested too deeply (the stack overflowed); make the test flatter";
        }
        if (problem != null) {
            node.put("error", problem);
            return new FileResult(null, node, problem, null, warnings);
        }
        return new FileResult(text.toString(), node, null, agrees, warnings);
    }

    /** The LKMM from the files --model-dir and --cat name, run by the cat interpreter. */
    private LitmusEngine catEngine() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--model") && !model.equals(Engine.LKMM.id())
                && !model.equals("lkmm-cat")) {
            throw new Main.UsageError("--model-dir and --cat give the files of the LKMM; use them with --model lkmm"
                    + " (or without --model), not --model " + model);
        }
        try {
            ModelFiles files = modelDir != null ? ModelFiles.directory(modelDir) : ModelFiles.shipped();
            if (catFile != null) {
                files = files.withCat(catFile);
            }
            return CatLitmusEngine.of(Engine.LKMM.id(), CatModel.load(Engine.LKMM.id(), files));
        } catch (CatException e) {
            throw new Main.UsageError(e.getMessage());
        }
    }

    private static void fill(ObjectNode node, LitmusEngine engine, Herd7Result r, Histogram h) {
        node.put("test", r.test());
        node.put("model", engine.model());
        node.put("unit", h.unit());
        node.put("kind", r.kind());
        ArrayNode states = node.putArray("states");
        for (Map<String, Value> s : r.states()) {
            ObjectNode o = states.addObject();
            s.forEach((k, v) -> o.put(k, HerdNames.text(v)));
        }
        node.put("ok", r.ok());
        node.put("positive", r.positive());
        node.put("negative", r.negative());
        ArrayNode flags = node.putArray("flags");
        r.flags().forEach(f -> flags.add(f.name()));
        node.put("condition", r.condition());
        node.put("observation", r.observation());
        node.set("histogram", HistogramJson.toNode(h));
    }
}
