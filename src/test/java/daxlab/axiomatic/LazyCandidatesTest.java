package daxlab.axiomatic;

import daxlab.dax.DaxScenario;
import daxlab.dax.Scenarios;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusSuites;
import daxlab.program.Code;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.ThreadCode;
import daxlab.program.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lazy candidate enumeration ({@link Candidates}) yields exactly the candidates of the eager
 * one it replaced ({@link EagerCandidates}), in the same order: the counts depend on the set, and
 * the witnesses (the first allowed execution per outcome, shown in notebooks) on the order. Checked
 * on every dax scenario, the litmus suites, and random programs with several writes per location
 * and spinlocks, with and without the coherence pre-filter, and in herd7's reads-from view that
 * the cat interpreter starts from.
 */
class LazyCandidatesTest {

    /** How many candidates, and a digest of each as text (its events, rf and co) in order. */
    record Sequence(long count, String digest) {
    }

    /** What is enumerated: candidates with or without the coherence pre-filter, or herd7's reads-from view. */
    enum Enumeration { PREFILTER, EVERY, READS_FROM }

    static Sequence sequence(Program p, Enumeration mode, boolean eager) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] n = {0};
        java.util.function.Consumer<Execution> sink = x -> {
            n[0]++;
            md.update((x.events() + "|" + x.rf() + "|" + x.co() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
        boolean prefilter = mode == Enumeration.PREFILTER;
        if (eager) {
            EagerCandidates c = new EagerCandidates(p, prefilter, Long.MAX_VALUE);
            if (mode == Enumeration.READS_FROM) {
                c.forEachReadsFrom(sink);
            } else {
                c.forEach(sink);
            }
        } else {
            Candidates c = new Candidates(p, prefilter, Long.MAX_VALUE);
            if (mode == Enumeration.READS_FROM) {
                c.forEachReadsFrom(sink);
            } else {
                c.forEach(sink);
            }
        }
        return new Sequence(n[0], java.util.HexFormat.of().formatHex(md.digest()));
    }

    static void same(Program p) {
        for (Enumeration m : Enumeration.values()) {
            assertEquals(sequence(p, m, true), sequence(p, m, false), p.name() + " (" + m + ")");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDaxScenario() {
        return Scenarios.everyVariant().stream().map(DaxScenario::program)
                .map(p -> DynamicTest.dynamicTest(p.name(), () -> same(p)));
    }

    @TestFactory
    Stream<DynamicNode> litmusSuites() {
        return LitmusSuites.forEachTest(f -> same(LitmusParser.parse(f).program()));
    }

    /** kind 0 load, 1 store, 2 xchg, 3 cmpxchg, 4 critical section around a store, 5 spin_is_locked. */
    record Op(int kind, String location, int value) {
    }

    @Provide
    Arbitrary<List<List<Op>>> programs() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of("x", "x", "y"),
                Arbitraries.integers().between(0, 2)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(2).ofMaxSize(3)
                .filter(spec -> roughCandidates(spec) <= 5_000);
    }

    /**
     * About how many candidates a program has without the pre-filter, per combination of paths:
     * per location, (writes)! coherence orders times (writes + 1) sources per read. The eager
     * oracle builds them all, so the programs are kept to what it does in a moment.
     */
    static long roughCandidates(List<List<Op>> spec) {
        java.util.Map<String, int[]> rw = new java.util.HashMap<>();
        for (List<Op> thread : spec) {
            for (Op o : thread) {
                int[] loc = rw.computeIfAbsent(o.location(), k -> new int[2]);
                int[] lock = rw.computeIfAbsent("s", k -> new int[2]);
                switch (o.kind()) {
                    case 0 -> loc[1]++;
                    case 1 -> loc[0]++;
                    case 2, 3 -> {
                        loc[0]++;
                        loc[1]++;
                    }
                    case 4 -> {
                        loc[0]++;
                        lock[0]++;
                    }
                    default -> lock[1]++;
                }
            }
        }
        long n = 1;
        for (int[] c : rw.values()) {
            for (int i = 2; i <= c[0]; i++) {
                n *= i;
            }
            for (int i = 0; i < c[1]; i++) {
                n *= c[0] + 1;
            }
        }
        return n;
    }

    static Program build(List<List<Op>> spec) {
        Program.Builder b = Program.builder("random").init("x", Value.of(0)).init("y", Value.of(0))
                .init("s", Value.of(0));
        int written = 0;
        for (int t = 0; t < spec.size(); t++) {
            Code c = new Code();
            int regs = 0;
            for (Op o : spec.get(t)) {
                String reg = "r" + regs++;
                switch (o.kind()) {
                    case 0 -> c.readOnce(reg, o.location());
                    case 1 -> c.writeOnce(o.location(), Value.of(++written));
                    case 2 -> c.xchg(reg, o.location(), Value.of(++written), Mode.FULL);
                    case 3 -> c.cmpxchg(reg, o.location(), Value.of(o.value()), Value.of(++written));
                    case 4 -> {
                        int w = ++written;
                        c.spinLock("s").writeOnce(o.location(), Value.of(w)).spinUnlock("s");
                    }
                    default -> c.spinIsLocked(reg, "s");
                }
            }
            b.thread(new ThreadCode("P" + t, c.instructions()));
        }
        return b.observe("x").observe("y").build();
    }

    @Property(tries = 200)
    void sameCandidatesInTheSameOrder(@ForAll("programs") List<List<Op>> spec) {
        same(build(spec));
    }
}
