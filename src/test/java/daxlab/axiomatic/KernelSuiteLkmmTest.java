package daxlab.axiomatic;

import daxlab.litmus.HerdNames;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusTest;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every kernel litmus test under the LKMM: the verdict of its {@code Result:} header line, and
 * exactly herd7's final states, Positive/Negative counts and {@code Flag} lines from the
 * {@code .herd7} file beside it.
 */
class KernelSuiteLkmmTest {
    static Path dir() {
        return daxlab.litmus.KernelSuite.dir();
    }

    static List<Path> tests() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".litmus")).sorted().collect(Collectors.toList());
        }
    }

    /** What herd7 printed: states (as herd7 writes them), counts, flags. */
    record Herd(TreeSet<String> states, long positive, long negative, List<String> flags) {
        static Herd read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            TreeSet<String> states = new TreeSet<>();
            int n = 0;
            long pos = -1;
            long neg = -1;
            List<String> flags = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.startsWith("States ")) {
                    n = Integer.parseInt(l.substring(7).trim());
                    for (int k = 1; k <= n; k++) {
                        states.add(lines.get(i + k).trim());
                    }
                }
                Matcher m = Pattern.compile("^Positive: (\\d+) Negative: (\\d+)").matcher(l);
                if (m.find()) {
                    pos = Long.parseLong(m.group(1));
                    neg = Long.parseLong(m.group(2));
                }
                if (l.startsWith("Flag ")) {
                    flags.add(l.substring(5).trim());
                }
            }
            return new Herd(states, pos, neg, flags);
        }
    }

    static String expectedVerdict(LitmusTest t) {
        Matcher m = Pattern.compile("Result:\\s*(\\w+)").matcher(t.source());
        return m.find() ? m.group(1) : "?";
    }

    /** One final state as herd7 prints it: {@code 1:r0=x; 1:r1=0; [y]=1;}. */
    static String herdText(Outcome o) {
        List<String> fields = new ArrayList<>(o.fields().keySet());
        fields.sort(HerdNames.FIELD_ORDER);
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(HerdNames.bracketed(f)).append('=').append(HerdNames.text(o.fields().get(f))).append(';');
        }
        return sb.toString();
    }

    @TestFactory
    Stream<DynamicTest> everyKernelTestAgreesWithHerd7() throws IOException {
        List<Path> tests = tests();
        assertEquals(34, tests.size(), "the 34 kernel litmus tests in " + dir());
        return tests.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            LitmusTest t = LitmusParser.parse(p);
            Herd herd = Herd.read(p.resolveSibling(p.getFileName() + ".herd7"));
            Axiomatic.Result r = Axiomatic.run(t.program(), new Lkmm(), Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "");
            Histogram h = r.histogram();
            TreeSet<String> states = new TreeSet<>();
            long pos = 0;
            long neg = 0;
            for (Histogram.Entry e : h.entries()) {
                states.add(herdText(e.outcome()));
                Map<String, daxlab.program.Value> f = e.outcome().fields();
                if (t.program().condition().proposition().eval(f::get)) {
                    pos += e.count().longValueExact();
                } else {
                    neg += e.count().longValueExact();
                }
            }
            String verdict = pos == 0 ? "Never" : neg == 0 ? "Always" : "Sometimes";
            assertEquals(expectedVerdict(t), verdict, "verdict (Result: line)");
            assertEquals(herd.states(), states, "final states");
            assertEquals(herd.positive() + "/" + herd.negative(), pos + "/" + neg, "Positive/Negative");
            assertEquals(herd.flags(), new ArrayList<>(r.flags().keySet()), "flags");

            // The same through the litmus package's herd7 reader and printer: what
            // `daxlab litmus --model lkmm` prints is herd7's output, line for line, but the Hash.
            Path herdFile = p.resolveSibling(p.getFileName() + ".herd7");
            daxlab.litmus.Herd7Result expected = daxlab.litmus.Herd7Result.parse(herdFile);
            assertEquals(expected.outcomes(), new java.util.HashSet<>(h.outcomes()), "Herd7Result outcomes");
            assertEquals(expected.dataRace(), r.flags().containsKey("data-race"), "Flag data-race");
            String printed = daxlab.litmus.Herd7Layout.print(t.program(), h, new ArrayList<>(r.flags().keySet()));
            String herdText = Files.readAllLines(herdFile).stream().filter(l -> !l.startsWith("Hash="))
                    .collect(Collectors.joining("\n", "", "\n"));
            assertEquals(herdText.strip(), printed.strip(), "herd7 layout");
        }));
    }

    /** The two SC engines agree on every kernel test too (locks, spin_is_locked, pointers). */
    @TestFactory
    Stream<DynamicTest> scAxiomaticEqualsInterleavingsOnTheKernelSuite() throws IOException {
        return tests().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            LitmusTest t = LitmusParser.parse(p);
            assertEquals(new java.util.HashSet<>(daxlab.interleave.Interleavings.enumerate(t.program(), Classifier.NONE)
                            .outcomes()),
                    new java.util.HashSet<>(Axiomatic.enumerate(t.program(), new Sc(), Classifier.NONE).outcomes()));
        }));
    }

    /** Hardware models nest on the kernel suite: SC within TSO within ARMv8, and ARMv8 within LKMM here. */
    @TestFactory
    Stream<DynamicTest> modelsNestOnTheKernelSuite() throws IOException {
        return tests().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            LitmusTest t = LitmusParser.parse(p);
            java.util.Set<Outcome> sc = new java.util.HashSet<>(Axiomatic.enumerate(t.program(), new Sc(), Classifier.NONE).outcomes());
            java.util.Set<Outcome> tso = new java.util.HashSet<>(Axiomatic.enumerate(t.program(), new Tso(), Classifier.NONE).outcomes());
            java.util.Set<Outcome> arm = new java.util.HashSet<>(Axiomatic.enumerate(t.program(), new Armv8(), Classifier.NONE).outcomes());
            java.util.Set<Outcome> lkmm = new java.util.HashSet<>(Axiomatic.enumerate(t.program(), new Lkmm(), Classifier.NONE).outcomes());
            org.junit.jupiter.api.Assertions.assertTrue(tso.containsAll(sc), "SC within TSO");
            org.junit.jupiter.api.Assertions.assertTrue(arm.containsAll(tso), "TSO within ARMv8");
            // The LKMM is meant to be weaker than every architecture Linux runs on.
            org.junit.jupiter.api.Assertions.assertTrue(lkmm.containsAll(arm), "ARMv8 within LKMM");
        }));
    }
}
