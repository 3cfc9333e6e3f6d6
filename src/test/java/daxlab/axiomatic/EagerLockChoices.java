package daxlab.axiomatic;

import java.util.ArrayList;
import java.util.List;

/**
 * The spinlock choices of {@link EagerCandidates}: the old, eager {@code LockChoices.options}, every
 * order of the critical sections listed before any is used (it shares {@link LockChoices.Sections},
 * what lock.cat reads off the accesses, with the lazy choices it checks).
 */
final class EagerLockChoices {
    private EagerLockChoices() {
    }

    static List<Rel[]> options(Skeleton sk, String l) {
        LockChoices.Sections s = LockChoices.Sections.of(sk, l);
        if (s == null) {
            return List.of();
        }
        List<Rel[]> out = new ArrayList<>();
        List<List<int[]>> orders = new ArrayList<>();
        permute(s.sections(), 0, orders);
        for (List<int[]> order : orders) {
            Rel[] rfCo = s.rfCo(sk.n, order);
            readers(sk, s.readers(), s.readerSources(), 0, rfCo[0], rfCo[1], out);
        }
        return out;
    }

    private static void readers(Skeleton sk, List<Integer> readers, List<int[]> sources, int k, Rel rf, Rel co,
                                List<Rel[]> out) {
        if (k == readers.size()) {
            if (Candidates.locallyConsistent(sk, rf, co)) {
                out.add(new Rel[] {rf, co});
            }
            return;
        }
        for (int w : sources.get(k)) {
            readers(sk, readers, sources, k + 1, rf.union(Rel.builder(sk.n).add(w, readers.get(k)).build()), co, out);
        }
    }

    private static void permute(List<int[]> xs, int k, List<List<int[]>> out) {
        if (k == xs.size()) {
            out.add(new ArrayList<>(xs));
            return;
        }
        for (int i = k; i < xs.size(); i++) {
            java.util.Collections.swap(xs, k, i);
            permute(xs, k + 1, out);
            java.util.Collections.swap(xs, k, i);
        }
    }
}
