package daxlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import daxlab.herd7.Conformance;
import daxlab.herd7.Conformance.Check;
import daxlab.herd7.Conformance.EngineCheck;
import daxlab.herd7.Conformance.Status;
import daxlab.herd7.Herd7;
import daxlab.herd7.Herd7Model;
import daxlab.herd7.KnownDifferences;
import daxlab.herd7.Recording;
import daxlab.dax.export.DaxExport;
import daxlab.litmus.Herd7Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code daxlab conformance}: herd7 on every exported dax litmus file, under the LKMM and under
 * SC, against our engines for the same model; one line per file and model, a summary, and herd7's
 * time against ours. With {@code --litmus}, the same on the user's litmus files (a suite's
 * directory, the kernel's tests) instead, under the LKMM unless {@code --model} says otherwise.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run herd7 on every dax litmus file (as `litmus --export-dax` writes them) under the LKMM",
                "(linux-kernel.cfg) and under SC (sc.cat with linux-kernel.def), and compare with our engines:",
                "lkmm for the LKMM; sc and sc-axiomatic for SC. Compared: final states, Ok/No and Observation",
                "(Never/Sometimes/Always), Flag lines, and Positive/Negative counts of executions (lkmm,",
                "sc-axiomatic). Where sc.cat is weaker than SC with grace periods (synchronize_srcu), our states",
                "must be among herd7's. Differences documented in known-differences.txt are reported, not failed.",
                "With --litmus: the same on your own litmus files instead (under the LKMM unless --model says)."},
        footer = {"", "Exit status: 0 every file agrees (documented differences aside); 1 a difference, or a file herd7"
                + " gave no answer for (timeout, error); 2 bad usage (herd7 or the LKMM's files not found), or a --litmus"
                + " file that cannot be read or parsed (named with file:line:col; the others still run)."})
final class ConformanceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "run only the files whose name contains one of these (e.g. put-vs-get, +once)")
    List<String> names = new ArrayList<>();

    @Option(names = "--litmus", paramLabel = "PATH",
            description = "instead of the dax exports: these litmus files, or every .litmus file in these directories"
                    + " (repeatable); --model defaults to lkmm then")
    List<Path> litmus;

    @Option(names = "--herd7", paramLabel = "PATH",
            description = "herd7 to run (herdtools7 7.58 or later); default: $HERD7, else herd7 on the PATH")
    Path herd7;

    @Option(names = "--lkmm-dir", paramLabel = "DIR",
            description = {"the LKMM's files (the kernel's tools/memory-model: linux-kernel.cfg, .bell, .cat, .def,",
                    "lock.cat); default: the current directory if it has linux-kernel.cfg, else lkmm/ beside herd7"})
    Path lkmmDir;

    @Option(names = "--model", paramLabel = "MODEL", split = ",",
            description = "herd7 models to run: lkmm, sc (default: both)")
    List<String> models;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1", converter = OptionTypes.PositiveInt.class,
            description = "herd7 runs at a time (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", converter = OptionTypes.PositiveSeconds.class,
            description = "give up on a herd7 run after this long (default: ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(names = "--record", paramLabel = "DIR",
            description = {"write herd7's answers into DIR (NAME.lkmm.herd7, NAME.sc.herd7, litmus.sha256, README.md),",
                    "replacing the *.herd7 there; the project's are in " + Recording.PROJECT_DIR})
    Path record;

    @Option(names = "--strict", description = "count documented differences as differences (exit 1)")
    boolean strict;

    @Option(names = "--json", description = "print one JSON object (herd7, checks, summary) instead of lines")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Herd7Model> chosen = chosenModels();
        if (record != null && litmus != null) {
            throw new Main.UsageError("--record replaces the dax exports' recorded answers: run it without --litmus");
        }
        if (record != null && (!names.isEmpty() || chosen.size() != Herd7Model.values().length)) {
            throw new Main.UsageError("--record replaces every recorded answer: run it without NAME or --model");
        }
        Herd7 h;
        try {
            h = Herd7.locate(herd7, lkmmDir, System.getenv());
        } catch (Herd7.NotFound e) {
            throw new Main.UsageError(e.getMessage());
        }
        List<DaxExport.Export> exports = List.of();
        List<Conformance.Source> sources;
        List<String> problems = List.of();
        if (litmus == null) {
            exports = DaxExport.all().stream()
                    .filter(e -> names.isEmpty() || names.stream().anyMatch(n -> e.fileName().contains(n)))
                    .collect(Collectors.toList());
            if (exports.isEmpty()) {
                throw new Main.UsageError("no exported dax litmus file's name contains " + String.join(" or ", names)
                        + " (see `daxlab litmus --export-dax DIR`)");
            }
            sources = exports.stream().map(Conformance.Source::of).collect(Collectors.toList());
        } else {
            LitmusInputs in = LitmusInputs.read(litmus, "--litmus");
            problems = in.problems();
            for (String p : problems) {
                err.println("daxlab: " + p + " (left out)");
            }
            err.flush();
            sources = new ArrayList<>();
            for (Map.Entry<Path, daxlab.litmus.LitmusTest> e : in.tests().entrySet()) {
                String name = e.getKey().getFileName().toString();
                if (!names.isEmpty() && names.stream().noneMatch(name::contains)) {
                    continue;
                }
                sources.add(new Conformance.Source(name, e.getValue().source()));
            }
            if (sources.isEmpty()) {
                throw new Main.UsageError(problems.isEmpty() ? "no --litmus file's name contains " + String.join(" or ", names)
                        : "no --litmus file could be read");
            }
        }
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        int width = sources.stream().mapToInt(e -> e.fileName().length()).max().orElse(0) - ".litmus".length();
        PrintWriter lines = json ? new PrintWriter(PrintWriter.nullWriter()) : out;
        lines.println("herd7: " + h.executable() + " (" + h.version() + "), LKMM files in " + h.lkmmDir());
        lines.println(sources.size() + " litmus files x " + chosen.stream().map(Herd7Model::id).collect(Collectors.joining(", "))
                + ", -j " + jobs + ", timeout " + seconds(timeout) + " s per herd7 run");
        lines.flush();
        KnownDifferences known = KnownDifferences.project();
        Path dir = Files.createTempDirectory("daxlab-conformance-");
        List<Check> checks;
        try {
            checks = Conformance.runSources(h, sources, chosen, jobs, timeout, known, dir, c -> {
                print(lines, c, width);
                lines.flush();
            });
        } finally {
            deleteTree(dir);
        }
        if (record != null) {
            int n = Recording.write(record, h, exports, checks);
            err.println("daxlab: recorded " + n + " herd7 answers in " + record);
            err.flush();
        }
        Summary total = new Summary(checks);
        List<String> summary = new ArrayList<>();
        for (Herd7Model m : chosen) {
            List<Check> mine = checks.stream().filter(c -> c.model() == m).collect(Collectors.toList());
            summary.add(m.id() + ": " + new Summary(mine).line(m) + "; " + times(mine, m));
        }
        Conformance.Times t = Conformance.Times.of(checks);
        summary.add("daxlab: " + total.agreeing() + " agree, " + total.differing() + " differ"
                + (total.count(Status.DOCUMENTED) > 0 ? " (" + total.count(Status.DOCUMENTED) + " documented in "
                + KnownDifferences.RESOURCE.substring(KnownDifferences.RESOURCE.lastIndexOf('/') + 1) + ")" : "")
                + (total.count(Status.NOT_RUN) > 0 ? ", " + total.count(Status.NOT_RUN) + " not run (no answer from herd7)" : "")
                + String.format(Locale.ROOT, "; herd7 %s s, daxlab %s s: herd7 took %.1f times as long (CPU: %s s, %s s, %.1f times)",
                seconds(t.herd7()), seconds(t.ours()), t.ratio(), seconds(t.herd7Cpu()), seconds(t.oursCpu()), t.cpuRatio()));
        if (json) {
            out.println(json(h, checks, total, t));
            summary.forEach(err::println);
        } else {
            summary.forEach(out::println);
        }
        out.flush();
        err.flush();
        boolean failed = total.count(Status.DIFFER) > 0 || total.count(Status.NOT_RUN) > 0
                || strict && total.count(Status.DOCUMENTED) > 0;
        if (!problems.isEmpty()) {
            err.println("daxlab: " + problems.size() + " --litmus " + (problems.size() == 1 ? "file" : "files")
                    + " left out (see above)");
            err.flush();
            return 2;
        }
        return failed ? 1 : 0;
    }

    private List<Herd7Model> chosenModels() {
        if (models == null) {
            // Your own files are about the LKMM; sc.cat is for the dax exports' SC claims.
            return litmus != null ? List.of(Herd7Model.LKMM) : List.of(Herd7Model.values());
        }
        String valid = Stream.of(Herd7Model.values()).map(Herd7Model::id).collect(Collectors.joining(", "));
        if (models.stream().allMatch(String::isBlank)) {
            throw OptionTypes.invalid(spec, "--model", "needs at least one model; valid: " + valid);
        }
        List<Herd7Model> out = new ArrayList<>();
        for (String m : models) {
            Herd7Model found = Stream.of(Herd7Model.values()).filter(x -> x.id().equals(m.strip())).findFirst()
                    .orElseThrow(() -> OptionTypes.invalid(spec, "--model", "unknown herd7 model '" + m + "'; valid: "
                            + valid));
            if (!out.contains(found)) {
                out.add(found);
            }
        }
        return out;
    }

    /** Counts per status. */
    private static final class Summary {
        final Map<Status, Integer> counts = new EnumMap<>(Status.class);

        Summary(List<Check> checks) {
            for (Status s : Status.values()) {
                counts.put(s, 0);
            }
            checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        }

        int count(Status s) {
            return counts.get(s);
        }

        /** Agreeing, herd7's weaker model aside: our states among its own. */
        int agreeing() {
            return count(Status.AGREE) + count(Status.WITHIN);
        }

        int differing() {
            return count(Status.DOCUMENTED) + count(Status.DIFFER);
        }

        String line(Herd7Model m) {
            int files = counts.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder sb = new StringBuilder().append(files).append(" files: ").append(agreeing()).append(" agree");
            if (count(Status.WITHIN) > 0) {
                sb.append(" (").append(count(Status.WITHIN)).append(" by inclusion: sc.cat is weaker there)");
            }
            sb.append(", ").append(differing()).append(" differ");
            if (count(Status.DOCUMENTED) > 0) {
                sb.append(" (").append(count(Status.DOCUMENTED)).append(" documented)");
            }
            if (count(Status.NOT_RUN) > 0) {
                sb.append(", ").append(count(Status.NOT_RUN)).append(" not run");
            }
            return sb.toString();
        }
    }

    private static String times(List<Check> checks, Herd7Model m) {
        Conformance.Times t = Conformance.Times.of(checks);
        String perEngine = m.engines().size() == 1 ? m.engines().get(0).id()
                : m.engines().stream().map(e -> e + " " + seconds(checks.stream().flatMap(c -> c.engines().stream())
                        .filter(x -> x.engine().equals(e)).map(EngineCheck::elapsed).reduce(Duration.ZERO, Duration::plus)) + " s")
                .collect(Collectors.joining(", "));
        return "herd7 " + seconds(t.herd7()) + " s (CPU by its Time lines " + seconds(t.herd7Cpu()) + " s), daxlab "
                + seconds(t.ours()) + " s (CPU " + seconds(t.oursCpu()) + " s; " + perEngine + ")";
    }

    /** {@code agree      lkmm dax-put-vs-get+ORIGINAL  herd7: Sometimes 1 2, Flag data-race, 3 states} */
    private static void print(PrintWriter out, Check c, int width) {
        String file = c.source().fileName();
        String name = file.endsWith(".litmus") ? file.substring(0, file.length() - ".litmus".length()) : file;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s %-4s %-" + width + "s  ",
                c.status().word(), c.model().id(), name));
        if (c.herd7().isEmpty()) {
            out.println(sb.append(c.problem().orElse("herd7 gave no answer")));
            return;
        }
        sb.append("herd7: ").append(answer(c.herd7().get(), true));
        List<String> details = new ArrayList<>();
        switch (c.status()) {
            case WITHIN:
                sb.append("; ").append(c.weaker().orElse("")).append("; ").append(c.engines().stream()
                        .map(e -> e.engine() + ": " + e.ours().map(o -> answer(o, Herd7Model.countsExecutions(e.engine()))).orElse("-"))
                        .collect(Collectors.joining("; ")));
                break;
            case DOCUMENTED:
                for (EngineCheck e : c.engines()) {
                    if (e.status() == Status.DOCUMENTED) {
                        sb.append("; ").append(e.engine()).append(": ").append(String.join("; ", e.differences()))
                                .append(" (").append(e.documented().map(KnownDifferences.Entry::reason).orElse("")).append(')');
                    }
                }
                break;
            case DIFFER:
                for (EngineCheck e : c.engines()) {
                    if (e.status() == Status.DIFFER || e.status() == Status.DOCUMENTED) {
                        e.differences().forEach(d -> details.add("    " + e.engine() + ": " + d));
                    }
                }
                break;
            default:
                break;
        }
        out.println(sb);
        details.forEach(out::println);
    }

    /** {@code Sometimes 1 2, Flag data-race, 3 states}: the Observation line's words, in herd7's terms. */
    private static String answer(Herd7Result r, boolean counts) {
        return r.observation() + (counts ? " " + r.obsPositive() + " " + r.obsNegative() : "")
                + r.flags().stream().map(f -> ", " + f.herd7()).collect(Collectors.joining())
                + ", " + r.states().size() + (r.states().size() == 1 ? " state" : " states");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e9);
    }

    private String json(Herd7 h, List<Check> checks, Summary total, Conformance.Times t) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode herd = root.putObject("herd7");
        herd.put("path", h.executable().toString());
        herd.put("version", h.version());
        herd.put("lkmmDir", h.lkmmDir().toString());
        ArrayNode arr = root.putArray("checks");
        for (Check c : checks) {
            ObjectNode n = arr.addObject();
            n.put("file", c.source().fileName());
            n.put("model", c.model().id());
            n.put("status", c.status().word().toLowerCase(Locale.ROOT));
            c.run().ifPresent(r -> {
                n.put("command", String.join(" ", r.command()));
                n.put("herd7Seconds", r.elapsed().toNanos() / 1e9);
            });
            n.put("herd7CpuSeconds", c.herd7Cpu().toNanos() / 1e9);
            c.problem().ifPresent(p -> n.put("problem", p));
            c.weaker().ifPresent(w -> n.put("herd7Weaker", w));
            c.herd7().ifPresent(r -> n.set("herd7Answer", answerNode(mapper, r)));
            ArrayNode engines = n.putArray("engines");
            for (EngineCheck e : c.engines()) {
                ObjectNode en = engines.addObject();
                en.put("engine", e.engine().id());
                en.put("comparison", e.comparison().name().toLowerCase(Locale.ROOT));
                en.put("status", e.status().word().toLowerCase(Locale.ROOT));
                en.put("seconds", e.elapsed().toNanos() / 1e9);
                en.put("cpuSeconds", e.cpu().toNanos() / 1e9);
                e.ours().ifPresent(o -> en.set("answer", answerNode(mapper, o)));
                ArrayNode d = en.putArray("differences");
                e.differences().forEach(d::add);
                e.documented().ifPresent(k -> en.put("documented", k.reason()));
            }
        }
        ObjectNode s = root.putObject("summary");
        s.put("agree", total.agreeing());
        s.put("within", total.count(Status.WITHIN));
        s.put("differ", total.differing());
        s.put("documented", total.count(Status.DOCUMENTED));
        s.put("notRun", total.count(Status.NOT_RUN));
        s.put("herd7Seconds", t.herd7().toNanos() / 1e9);
        s.put("herd7CpuSeconds", t.herd7Cpu().toNanos() / 1e9);
        s.put("daxlabSeconds", t.ours().toNanos() / 1e9);
        s.put("daxlabCpuSeconds", t.oursCpu().toNanos() / 1e9);
        return mapper.writeValueAsString(root);
    }

    private static ObjectNode answerNode(ObjectMapper mapper, Herd7Result r) {
        ObjectNode a = mapper.createObjectNode();
        a.put("observation", r.observation());
        a.put("positive", r.obsPositive());
        a.put("negative", r.obsNegative());
        ArrayNode flags = a.putArray("flags");
        r.flags().forEach(f -> flags.add(f.name()));
        ArrayNode states = a.putArray("states");
        r.states().forEach(st -> states.add(daxlab.litmus.Herd7Layout.stateLine(st)));
        return a;
    }

    /** Removes the temporary directory this command made, with what the run wrote into it. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
