package daxlab.stress.gen;

import daxlab.dax.DaxScenario;
import daxlab.dax.Scenario;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;
import daxlab.program.Observable;
import daxlab.stress.StressTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the jcstress tests of {@code daxlab.stress.tests} from the same lists the enumerator
 * reads: the scenarios, the variants (through their twins), each program's observables (the
 * result slots, in the enumeration's field order) and the SC enumeration of each program (the
 * {@code @Outcome}s, graded by the scenario's classifier). The build runs {@link #main} after
 * compiling the library and compiles what it writes with jcstress's annotation processor (see
 * pom.xml), so the tests cannot drift from the IR.
 *
 * <p>To read them: {@code mvn -o -q process-classes} and open
 * {@code target/generated-sources/jcstress}, or {@code daxlab stress --generate-tests DIR}.
 */
public final class TestSources {
    private TestSources() {
    }

    /**
     * {@code TestSources SOURCE_ROOT [CLASSES]}: writes the sources under SOURCE_ROOT. With
     * CLASSES (the build's output directory), a source is written again, even when its text has
     * not changed, if the library there was compiled after it: its new time stamp makes the
     * build's second javac run compile the tests against the library as it is now.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 2) {
            System.err.println("usage: TestSources SOURCE_ROOT [CLASSES]   (e.g. target/generated-sources/jcstress target/classes)");
            System.exit(2);
        }
        FileTime library = args.length == 2 ? newestLibraryClass(Path.of(args[1])) : null;
        List<Path> written = write(Path.of(args[0]), library);
        System.out.println("TestSources: " + written.size() + " jcstress sources up to date in " + args[0]);
    }

    /** Writes every source under {@code sourceRoot}; see {@link #write(Path, FileTime)}. */
    public static List<Path> write(Path sourceRoot) throws IOException {
        return write(sourceRoot, null);
    }

    /**
     * Writes every source under {@code sourceRoot} and deletes any other {@code .java} file in the
     * tests' package (a scenario that no longer exists); returns the files written. A file whose
     * text is already right and which is newer than {@code library} (when given) is left alone,
     * so an unchanged build does not compile it again.
     */
    static List<Path> write(Path sourceRoot, FileTime library) throws IOException {
        Path dir = sourceRoot.resolve(StressTest.PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        Map<String, String> sources = sources();
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : (Iterable<Path>) old::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".java") && !sources.containsKey(name)) {
                    Files.delete(f);
                }
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = dir.resolve(e.getKey());
            boolean current = Files.isRegularFile(f)
                    && Files.readString(f, StandardCharsets.UTF_8).equals(e.getValue())
                    && (library == null || Files.getLastModifiedTime(f).compareTo(library) > 0);
            if (!current) {
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
            written.add(f);
        }
        return written;
    }

    /** When the newest class of the library under {@code classes} (the tests' own left out) was written. */
    private static FileTime newestLibraryClass(Path classes) throws IOException {
        Path tests = classes.resolve(StressTest.PACKAGE.replace('.', '/'));
        try (Stream<Path> s = Files.walk(classes)) {
            return s.filter(p -> p.toString().endsWith(".class") && !p.startsWith(tests))
                    .map(p -> {
                        try {
                            return Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    /** File name ({@code PutVsGet.java}) -> source text, one per stress scenario. */
    public static Map<String, String> sources() {
        Map<Scenario, List<StressTest>> byScenario = StressTest.all().stream()
                .collect(Collectors.groupingBy(StressTest::scenario, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> out = new LinkedHashMap<>();
        byScenario.forEach((s, tests) -> out.put(StressTest.outerClassName(s) + ".java", source(s, tests)));
        return out;
    }

    /** The SC enumeration of a test's program. */
    public static Histogram enumerate(StressTest t) {
        DaxScenario d = t.daxScenario();
        return Interleavings.enumerate(d.program(), d.classifier(), Settings.defaults().withVariant(d.variantLabel()));
    }

    static String source(Scenario s, List<StressTest> tests) {
        String outer = StressTest.outerClassName(s);
        StringBuilder sb = new StringBuilder();
        sb.append("// Generated by daxlab.stress.gen.TestSources from daxlab.dax and the SC enumeration. Do not edit:\n")
                .append("// the build writes this file again; change the variants or Notes.java instead.\n")
                .append("package ").append(StressTest.PACKAGE).append(";\n\n")
                .append("import daxlab.stress.Device;\n")
                .append("import daxlab.stress.Holder;\n");
        boolean get = tests.get(0).actors().stream().anyMatch(a -> a.role() == StressTest.Role.GET);
        if (get) {
            sb.append("import daxlab.stress.KernelTwin;\n");
        }
        sb.append("import daxlab.stress.PutTwin;\n");
        if (s.usesReader()) {
            sb.append("import daxlab.stress.ReaderTwin;\n");
        }
        sb.append("import org.openjdk.jcstress.annotations.Actor;\n")
                .append("import org.openjdk.jcstress.annotations.Arbiter;\n")
                .append("import org.openjdk.jcstress.annotations.Description;\n")
                .append("import org.openjdk.jcstress.annotations.JCStressTest;\n")
                .append("import org.openjdk.jcstress.annotations.Outcome;\n")
                .append("import org.openjdk.jcstress.annotations.State;\n");
        tests.stream().map(t -> resultClass(t.daxScenario().program().observables().size())).distinct().sorted()
                .forEach(rc -> sb.append("import org.openjdk.jcstress.infra.results.").append(rc).append(";\n"));
        sb.append("\nimport static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;\n")
                .append("import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;\n")
                .append("import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;\n\n");
        sb.append("/*\n");
        for (String line : Notes.of(s).split("\n", -1)) {
            sb.append((" * " + line).stripTrailing()).append('\n');
        }
        sb.append(" */\n");
        sb.append("public final class ").append(outer).append(" {\n");
        sb.append("    private ").append(outer).append("() {\n    }\n");
        for (StressTest t : tests) {
            sb.append('\n');
            testClass(sb, t);
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static void testClass(StringBuilder sb, StressTest t) {
        DaxScenario d = t.daxScenario();
        Histogram sc = enumerate(t);
        List<Observable> obs = d.program().observables();
        String rc = resultClass(obs.size());
        BigInteger total = sc.total();

        sb.append("    /*\n     * fs_put_dax ").append(t.put()).append(": ").append(t.put().variant().summary()).append('\n');
        if (t.reader() != null) {
            sb.append("     * reader ").append(t.reader()).append(": ").append(t.reader().summary()).append('\n');
        }
        sb.append("     * SC enumeration: ").append(sc.entries().size()).append(" outcomes in ").append(total)
                .append(" interleavings, result fields: ")
                .append(obs.stream().map(Observable::name).collect(Collectors.joining(", "))).append(".\n");
        sb.append("     */\n");
        sb.append("    @JCStressTest\n");
        sb.append("    @Description(\"").append(java(d.scenario().id() + " [" + t.variantLabel() + "]: "
                + d.scenario().description())).append("\")\n");
        for (Histogram.Entry e : sc.entries()) {
            String id = e.outcome().fields().values().stream().map(Object::toString)
                    .collect(Collectors.joining(", "));
            String why = e.grade().label().isEmpty() ? "as the protocol means" : e.grade().label();
            sb.append("    @Outcome(id = \"").append(java(regex(id))).append("\", expect = ")
                    .append(expect(e.outcomeClass())).append(", desc = \"")
                    .append(java(why + "; SC: " + e.count() + " of " + total + " interleavings")).append("\")\n");
        }
        sb.append("    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = \"No SC interleaving ends here: "
                + "the JIT or the CPU reordered something.\")\n");
        sb.append("    @State\n");
        sb.append("    public static class ").append(t.nestedClassName()).append(" {\n");
        sb.append("        private final Device dev = new Device(")
                .append(t.initialHolder() == null ? "" : "Holder." + t.initialHolder()).append(");\n");

        List<StressTest.Actor> actors = t.actors();
        for (int i = 0; i < actors.size(); i++) {
            StressTest.Actor a = actors.get(i);
            String thread = "P" + i;
            sb.append("\n        @Actor\n");
            sb.append("        public void ").append(actorName(i, a)).append("(").append(rc).append(" r) {\n");
            if (a.role() == StressTest.Role.OBSERVER) {
                // Two loads, two result slots, in program order.
                sb.append("            r.r").append(slot(obs, "seen_data")).append(" = ReaderTwin.").append(t.reader())
                        .append(".observeHolderData(dev);\n");
                sb.append("            r.r").append(slot(obs, "seen_ops")).append(" = ReaderTwin.").append(t.reader())
                        .append(".observeHolderOps(dev);\n");
                sb.append("        }\n");
                continue;
            }
            String call;
            switch (a.role()) {
                case PUT:
                    call = "PutTwin." + t.put() + ".fsPutDax(dev, Holder." + a.holder() + ")";
                    break;
                case GET:
                    call = "KernelTwin.fsDaxGet(dev, Holder." + a.holder() + ")";
                    break;
                default:
                    call = "ReaderTwin." + t.reader() + (t.readerUnderSrcu() ? ".notifyFailureUnderSrcu(dev)"
                            : ".notifyFailure(dev)");
            }
            Integer slot = registerSlot(obs, thread);
            if (slot == null) {
                sb.append("            ").append(call).append(";\n");
            } else if (a.role() == StressTest.Role.PUT) {
                sb.append("            r.r").append(slot).append(" = ").append(call).append(" != 0 ? \"1\" : \"0\";\n");
            } else {
                sb.append("            r.r").append(slot).append(" = ").append(call).append(";\n");
            }
            sb.append("        }\n");
        }
        sb.append("\n        @Arbiter\n");
        sb.append("        public void finalState(").append(rc).append(" r) {\n");
        for (int i = 0; i < obs.size(); i++) {
            if (obs.get(i).ref() instanceof Observable.Loc) {
                String loc = ((Observable.Loc) obs.get(i).ref()).location();
                String getter = loc.equals("holder_data") ? "holderDataName" : loc.equals("holder_ops") ? "holderOpsName" : null;
                if (getter == null) {
                    throw new IllegalStateException("no Java twin reads location " + loc);
                }
                sb.append("            r.r").append(i + 1).append(" = dev.").append(getter).append("();\n");
            }
        }
        sb.append("        }\n");
        sb.append("    }\n");
    }

    /** The result slot (1-based) of the observable named {@code name}. */
    private static int slot(List<Observable> obs, String name) {
        for (int i = 0; i < obs.size(); i++) {
            if (obs.get(i).name().equals(name)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no observable " + name);
    }

    /** The result slot (1-based) of the one register observable of {@code thread}, if any. */
    private static Integer registerSlot(List<Observable> obs, String thread) {
        Integer slot = null;
        for (int i = 0; i < obs.size(); i++) {
            if (obs.get(i).ref() instanceof Observable.Register
                    && ((Observable.Register) obs.get(i).ref()).thread().equals(thread)) {
                if (slot != null) {
                    throw new IllegalStateException(thread + " has two observed registers; a twin returns one value");
                }
                slot = i + 1;
            }
        }
        return slot;
    }

    private static String actorName(int i, StressTest.Actor a) {
        switch (a.role()) {
            case PUT:
                return "p" + i + "FsPutDax" + a.holder();
            case GET:
                return "p" + i + "FsDaxGet" + a.holder();
            case OBSERVER:
                return "p" + i + "Observer";
            default:
                return "p" + i + "NotifyFailure";
        }
    }

    static String resultClass(int n) {
        return "L".repeat(n) + "_Result";
    }

    private static String expect(OutcomeClass c) {
        switch (c) {
            case ACCEPTABLE:
                return "ACCEPTABLE";
            case INTERESTING:
                return "ACCEPTABLE_INTERESTING";
            default:
                return "FORBIDDEN";
        }
    }

    /** jcstress reads an {@code @Outcome} id as a regular expression: quote what is special. */
    static String regex(String literal) {
        return literal.replaceAll("([\\\\()\\[\\]{}.*+?^$|])", "\\\\$1");
    }

    /** Escapes for a Java string literal. */
    private static String java(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
