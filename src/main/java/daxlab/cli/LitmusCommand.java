package daxlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import daxlab.cat.CatException;
import daxlab.cat.CatModel;
import daxlab.cat.ModelFiles;
import daxlab.cat.litmus.CatLitmusEngine;
import daxlab.litmus.DaxExport;
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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code daxlab litmus FILE...}: runs C litmus tests and prints, per test, what herd7 prints, so
 * that the two can be diffed. A file that cannot be read or run is reported (file:line:col and
 * what was expected) and skipped; the others still run; the exit code is then 2.
 */
@Command(name = "litmus", mixinStandardHelpOptions = true,
        description = {"Run C litmus tests (the Linux kernel's format) and print herd7's layout.",
                "Also exports the dax scenarios as litmus tests for herd7 (--export-dax)."},
        footer = {"", "Exit status: 0 every file ran (and agrees with herd7 under --check); 1 a --check difference;",
                "2 bad input: a file that cannot be read, parsed or run (named with file:line:col; the others still run)."})
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
            description = "give up on a test after this much work (states for sc; default: ${DEFAULT-VALUE})")
    long budget;

    @Option(names = "--check", description = {"compare each result with herd7's output beside the test (FILE.herd7):",
            "final states, Ok/No, Observation, flags; exit 1 if any differs"})
    boolean check;

    @Option(names = "--check-counts", description = "with --check, compare the Positive/Negative counts too")
    boolean checkCounts;

    @Option(names = "--export-dax", paramLabel = "DIR",
            description = "write every dax scenario as litmus tests (as written, and +once) into DIR")
    Path exportDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
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
                throw new Main.UsageError(e.getMessage());
            }
        }
        if (budget <= 0) {
            throw new Main.UsageError("--budget must be positive, got " + budget);
        }
        if (exportDir != null) {
            List<Path> written = DaxExport.writeAll(exportDir);
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
        for (Path f : files) {
            ObjectNode node = results.addObject();
            node.put("file", f.toString());
            String problem = null;
            try {
                LitmusTest t = LitmusParser.parse(f);
                LitmusRun run = LitmusRun.of(t, engine, budget);
                Herd7Result r = run.result();
                Histogram h = run.histogram();
                if (json) {
                    fill(node, mapper, engine, r, h);
                } else {
                    out.print(Herd7Layout.print(r));
                    out.flush();
                }
                if (check) {
                    Path expected = f.resolveSibling(f.getFileName() + ".herd7");
                    List<String> diffs = r.differencesFrom(Herd7Result.parse(expected),
                            checkCounts ? Herd7Result.Comparison.EXACT : Herd7Result.Comparison.WITHOUT_COUNTS);
                    ArrayNode d = node.putArray("differencesFromHerd7");
                    diffs.forEach(d::add);
                    if (diffs.isEmpty()) {
                        agree++;
                    } else {
                        disagree++;
                    }
                    if (!json) {
                        out.println(diffs.isEmpty() ? "Check " + r.test() + ": agrees with herd7"
                                : "Check " + r.test() + ": differs from herd7:");
                        diffs.forEach(x -> out.println("  " + x));
                        out.println();
                        out.flush();
                    }
                }
            } catch (LitmusSyntaxException e) {
                problem = e.getMessage();
            } catch (NoSuchFileException e) {
                problem = e.getFile() + ": no such file";
            } catch (java.nio.file.FileSystemException e) {
                problem = e.getMessage(); // names the file: not a regular file, not allowed, ...
            } catch (IOException e) {
                problem = f + ": cannot read: " + e.getMessage();
            } catch (RuntimeException e) {
                // Budget exceeded, a deadlock, an access to a non-location: the engine says what and where.
                problem = f + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
            if (problem != null) {
                failed = true;
                node.put("error", problem);
                err.println("daxlab: " + problem);
                err.flush();
            }
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

    /** The LKMM from the files --model-dir and --cat name, run by the cat interpreter. */
    private LitmusEngine catEngine() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--model") && !model.equals("lkmm")
                && !model.equals("lkmm-cat")) {
            throw new Main.UsageError("--model-dir and --cat give the files of the LKMM; use them with --model lkmm"
                    + " (or without --model), not --model " + model);
        }
        try {
            ModelFiles files = modelDir != null ? ModelFiles.directory(modelDir) : ModelFiles.shipped();
            if (catFile != null) {
                files = files.withCat(catFile);
            }
            return CatLitmusEngine.of("lkmm", CatModel.load("lkmm", files));
        } catch (CatException e) {
            throw new Main.UsageError(e.getMessage());
        }
    }

    private static void fill(ObjectNode node, ObjectMapper mapper, LitmusEngine engine, Herd7Result r, Histogram h) {
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
        r.flags().forEach(flags::add);
        node.put("condition", r.condition());
        node.put("observation", r.observation());
        node.set("histogram", HistogramJson.toNode(h));
    }
}
