package daxlab.interleave;

import daxlab.outcome.Outcome;
import daxlab.program.Program;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * The slow, obvious way to count interleavings: walk every schedule, one at a time, with
 * {@link Replay}. Tests compare the memoized enumerator against it on small programs.
 */
public final class BruteForce {
    private BruteForce() {
    }

    public static Map<Outcome, BigInteger> count(Program p) {
        Map<Outcome, BigInteger> out = new TreeMap<>();
        walk(Replay.start(p), out);
        return out;
    }

    private static void walk(Replay r, Map<Outcome, BigInteger> out) {
        if (r.done()) {
            out.merge(r.outcome(), BigInteger.ONE, BigInteger::add);
            return;
        }
        for (int t = 0; t < r.threads(); t++) {
            if (r.enabled(t)) {
                Replay next = r.copy();
                next.step(t);
                walk(next, out);
            }
        }
    }
}
