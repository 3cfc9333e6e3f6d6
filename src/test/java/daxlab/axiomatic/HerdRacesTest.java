package daxlab.axiomatic;

import daxlab.litmus.LitmusParser;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Race;
import daxlab.program.Program;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data races the LKMM finds, pair by pair, against herd7 7.58's: every dax scenario exported
 * as written (plain accesses plain) and a few small kernel-style tests with plain accesses, in
 * {@code src/test/resources/daxlab/races/}. herd7's answers ({@code herd7-races.txt}, written by
 * {@code src/test/python/herd7_races.py}) give per test the allowed executions, whether herd7
 * prints {@code Flag data-race}, how many executions race, and per racing pair of accesses
 * (thread, R/W, location, plain or marked) in how many executions it races.
 */
class HerdRacesTest {
    private static final String DIR = "/daxlab/races/";

    /** herd7's answer for one test. */
    record Expected(String test, long executions, boolean flag, long racy, TreeMap<String, Long> pairs) {
    }

    static List<Expected> expected() {
        List<Expected> out = new ArrayList<>();
        String[] blocks = read("herd7-races.txt").split("\n\n");
        for (String b : blocks) {
            if (!b.startsWith("test ")) {
                continue;
            }
            String test = null;
            long executions = -1;
            boolean flag = false;
            long racy = -1;
            TreeMap<String, Long> pairs = new TreeMap<>();
            for (String l : b.split("\n")) {
                String[] w = l.split(" ", 2);
                switch (w[0]) {
                    case "test": test = w[1]; break;
                    case "executions": executions = Long.parseLong(w[1]); break;
                    case "flag": flag = w[1].equals("data-race"); break;
                    case "racy": racy = Long.parseLong(w[1]); break;
                    case "pair":
                        int colon = w[1].lastIndexOf(" : ");
                        pairs.put(w[1].substring(0, colon), Long.parseLong(w[1].substring(colon + 3)));
                        break;
                    default: throw new IllegalStateException("herd7-races.txt: unexpected line " + l);
                }
            }
            out.add(new Expected(test, executions, flag, racy, pairs));
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = HerdRacesTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> racesAgreeWithHerd7() {
        List<Expected> all = expected();
        // Every dax scenario as exported today, and the small tests: a stale or missing answer fails.
        java.util.Set<String> exported = new TreeSet<>();
        for (var d : daxlab.dax.export.DaxExport.everyScenario()) {
            exported.add(daxlab.dax.export.DaxExport.testName(d, daxlab.dax.export.DaxExport.Form.PLAIN));
        }
        java.util.Set<String> answered = all.stream().map(Expected::test).filter(t -> t.startsWith("dax-"))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        assertEquals(exported, answered, "herd7's races are recorded for exactly the dax exports; re-record with "
                + "src/test/python/herd7_races.py (see its usage)");
        for (String t : exported) {
            assertEquals(daxlab.dax.export.DaxExport.export(daxlab.dax.Scenarios.everyVariant().stream()
                            .filter(d -> daxlab.dax.export.DaxExport.testName(d, daxlab.dax.export.DaxExport.Form.PLAIN).equals(t))
                            .findFirst().orElseThrow(), daxlab.dax.export.DaxExport.Form.PLAIN).text(),
                    read(t + ".litmus"), t + ".litmus is not the current export: re-export and re-record");
        }
        assertTrue(all.stream().filter(Expected::flag).count() > 50 && all.stream().anyMatch(e -> !e.flag()),
                "both flagged and race-free tests");
        return all.stream().map(e -> DynamicTest.dynamicTest(e.test(), () -> check(e)));
    }

    private static void check(Expected e) {
        Program p = LitmusParser.parse(read(e.test() + ".litmus"), e.test() + ".litmus").program();
        Lkmm lkmm = new Lkmm();
        long[] executions = {0};
        long[] racy = {0};
        TreeMap<String, Long> pairs = new TreeMap<>();
        new Candidates(p, true, Axiomatic.DEFAULT_BUDGET).forEach(x -> {
            Verdict v = lkmm.check(x);
            if (!v.isConsistent()) {
                return;
            }
            executions[0]++;
            assertEquals(v.flags().contains(daxlab.outcome.Flag.DATA_RACE), !v.races().isEmpty(),
                    "the flag is raised exactly when some pair races");
            if (v.racy()) {
                racy[0]++;
            }
            Set<String> here = new TreeSet<>();
            for (int[] pair : v.races().pairs()) {
                int a = pair[0];
                int b = pair[1];
                if (x.event(b).thread() < x.event(a).thread()) {
                    a = pair[1];
                    b = pair[0];
                }
                here.add(side(x, a) + " | " + side(x, b));
            }
            here.forEach(s -> pairs.merge(s, 1L, Long::sum));
        });
        assertEquals(e.executions(), executions[0], "allowed executions");
        assertEquals(e.racy(), racy[0], "executions with a data race");
        assertEquals(e.pairs(), pairs, "racing pairs, each with its number of executions");

        // The engine's front door reports the same, per outcome and as named races.
        Axiomatic.Result r = Axiomatic.run(p, lkmm, Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "");
        Histogram h = r.histogram();
        assertEquals(e.flag(), r.flags().containsKey(daxlab.outcome.Flag.DATA_RACE), "Flag data-race");
        assertEquals(e.flag(), !h.races().isEmpty(), "named races exactly when flagged");
        assertEquals(BigInteger.valueOf(e.racy()), h.racy(), "per-outcome racy counts add up to herd7's");
        assertEquals(e.racy(), (long) r.flags().getOrDefault(daxlab.outcome.Flag.DATA_RACE, 0L), "the flagged-executions count");
        Set<String> coarse = new HashSet<>();
        e.pairs().keySet().forEach(k -> coarse.add(k.replaceAll(" [RW] ", " ")));
        Set<String> named = h.races().stream().map(HerdRacesTest::coarse).collect(Collectors.toSet());
        assertEquals(coarse, named, "named races: thread, location and marking of both sides");
        // Counts per coarse pair: the executions racing on it number at least herd7's count of each
        // finer pair inside it and at most their sum; each named race is among them.
        for (String k : coarse) {
            List<Long> fine = e.pairs().entrySet().stream().filter(en -> en.getKey().replaceAll(" [RW] ", " ").equals(k))
                    .map(en -> en.getValue()).collect(Collectors.toList());
            long sumFine = fine.stream().mapToLong(Long::longValue).sum();
            long maxFine = fine.stream().mapToLong(Long::longValue).max().orElse(0);
            List<Race> ours = h.races().stream().filter(r2 -> coarse(r2).equals(k)).collect(Collectors.toList());
            for (Race race : ours) {
                assertTrue(race.executions() >= 1 && race.executions() <= Math.min(sumFine, e.racy()), race.text());
            }
            assertTrue(ours.stream().mapToLong(Race::executions).sum() >= maxFine, k);
        }
    }

    /** {@code P1 W holder_ops plain}, as herd7_races.py writes a side. */
    private static String side(Execution x, int i) {
        Event ev = x.event(i);
        return "P" + ev.thread() + " " + (ev.isRead() ? "R" : "W") + " " + ev.location() + " "
                + (Lkmm.marked(ev) ? "marked" : "plain");
    }

    private static String coarse(Race r) {
        return r.first().thread() + " " + r.location() + " " + (r.first().plain() ? "plain" : "marked") + " | "
                + r.second().thread() + " " + r.location() + " " + (r.second().plain() ? "plain" : "marked");
    }
}
