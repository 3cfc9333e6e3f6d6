package daxlab.axiomatic;

import daxlab.litmus.HerdNames;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusSuites;
import daxlab.litmus.LitmusTest;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.ThreadCode;
import daxlab.program.Walk;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cross-checks on every litmus suite ({@link LitmusSuites}: the project's own always, the
 * kernel's when {@code DAXLAB_KERNEL_LITMUS} names it):
 * <ul>
 * <li>the LKMM agrees with herd7: the verdict of the test's {@code Result:} header line, and
 *     exactly herd7's final states, Positive/Negative counts and {@code Flag} lines from the
 *     {@code .herd7} file beside it, printed in herd7's layout;</li>
 * <li>SC axiomatic reaches exactly the final states of the SC interleavings;</li>
 * <li>the models nest: SC within TSO within ARMv8 within the LKMM.</li>
 * </ul>
 */
class LitmusSuitesTest {

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
                        // herd7 numbers the symbol of a value no write determines (S8); daxlab prints S.
                        states.add(lines.get(i + k).trim().replaceAll("=S[0-9]+;", "=S;"));
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
    Stream<DynamicNode> lkmmAgreesWithHerd7() {
        return LitmusSuites.forEachTest(p -> {
            LitmusTest t = LitmusParser.parse(p);
            Herd herd = Herd.read(LitmusSuites.Suite.herd7(p));
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
            assertEquals(herd.flags(), r.flags().keySet().stream().map(daxlab.outcome.Flag::name)
                    .collect(java.util.stream.Collectors.toList()), "flags");

            // The same through the litmus package's herd7 reader and printer: what
            // `daxlab litmus --model lkmm` prints is herd7's output, line for line.
            Path herdFile = LitmusSuites.Suite.herd7(p);
            daxlab.litmus.Herd7Result expected = daxlab.litmus.Herd7Result.parse(herdFile);
            assertEquals(expected.outcomes(), new HashSet<>(h.outcomes()), "Herd7Result outcomes");
            assertEquals(expected.dataRace(), r.flags().containsKey(daxlab.outcome.Flag.DATA_RACE), "Flag data-race");
            String printed = daxlab.litmus.Herd7Layout.print(t.program(), h);
            // Hash and Time lines are herd7's own, not the model's answer; so is the number of the
            // symbol it gives a value no write determines (S8 there, S here).
            String herdText = Files.readAllLines(herdFile).stream()
                    .filter(l -> !l.startsWith("Hash=") && !l.startsWith("Time "))
                    .map(l -> l.replaceAll("=S[0-9]+;", "=S;"))
                    .collect(Collectors.joining("\n", "", "\n"));
            assertEquals(herdText.strip(), printed.strip(), "herd7 layout");
        });
    }

    /** The two SC engines agree on every test (locks, spin_is_locked, pointers, RCU, SRCU). */
    @TestFactory
    Stream<DynamicNode> scAxiomaticEqualsScInterleavings() {
        return LitmusSuites.forEachTest(p -> {
            LitmusTest t = LitmusParser.parse(p);
            assertEquals(new HashSet<>(daxlab.interleave.Interleavings.enumerate(t.program(), Classifier.NONE).outcomes()),
                    new HashSet<>(Axiomatic.enumerate(t.program(), new Sc(), Classifier.NONE).outcomes()));
        });
    }

    /**
     * The models nest on every test: SC within TSO within ARMv8 within the LKMM. The one
     * exception is TSO within ARMv8 for a thread with {@code smp_store_release} followed by
     * {@code smp_load_acquire}: arm64's {@code STLR ; LDAR} stays in order, x86's two
     * {@code MOV}s do not (SB+poreleaseacquires); there SC within each of them is checked.
     */
    @TestFactory
    Stream<DynamicNode> modelsNest() {
        return LitmusSuites.forEachTest(p -> {
            LitmusTest t = LitmusParser.parse(p);
            Set<Outcome> sc = outcomes(t, new Sc());
            Set<Outcome> tso = outcomes(t, new Tso());
            Set<Outcome> arm = outcomes(t, new Armv8());
            Set<Outcome> lkmm = outcomes(t, new Lkmm());
            assertTrue(tso.containsAll(sc), "SC within TSO");
            if (t.program().threads().stream().anyMatch(LitmusSuitesTest::releaseThenAcquire)) {
                assertTrue(arm.containsAll(sc), "SC within ARMv8");
            } else {
                assertTrue(arm.containsAll(tso), "TSO within ARMv8");
            }
            // The LKMM is meant to be weaker than every architecture Linux runs on.
            assertTrue(lkmm.containsAll(arm), "ARMv8 within LKMM");
            assertTrue(lkmm.containsAll(tso), "TSO within LKMM");
        });
    }

    /** A release (store or RMW) followed in program order by an acquire (load or RMW). */
    static boolean releaseThenAcquire(ThreadCode thread) {
        List<Instr> inOrder = new ArrayList<>();
        Walk.each(thread.body(), inOrder::add);
        boolean released = false;
        for (Instr i : inOrder) {
            if (released && (i instanceof Instr.Load && ((Instr.Load) i).mode() == Mode.ACQUIRE
                    || i instanceof Instr.Rmw && ((Instr.Rmw) i).mode() == Mode.ACQUIRE)) {
                return true;
            }
            released |= i instanceof Instr.Store && ((Instr.Store) i).mode() == Mode.RELEASE
                    || i instanceof Instr.Rmw && ((Instr.Rmw) i).mode() == Mode.RELEASE;
        }
        return false;
    }

    private static Set<Outcome> outcomes(LitmusTest t, Model m) {
        return new HashSet<>(Axiomatic.enumerate(t.program(), m, Classifier.NONE).outcomes());
    }
}
