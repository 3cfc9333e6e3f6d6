package daxlab.axiomatic;

import java.util.ArrayList;
import java.util.List;

/** The spinlock choices of {@link EagerCandidates}: the old, eager {@code LockChoices.options}. */
final class EagerLockChoices {
    private EagerLockChoices() {
    }

    static List<Rel[]> options(Skeleton sk, String l) {
        int n = sk.n;
        int init = -1;
        List<int[]> sections = new ArrayList<>();      // {LKW, UL}
        List<Integer> unmatched = new ArrayList<>();     // LKW with no UL
        List<int[]> lockRmw = new ArrayList<>();         // {LKR, LKW}
        List<Integer> readers = new ArrayList<>();       // RL / RU events
        List<int[]> readerSources = new ArrayList<>();
        List<Integer> lkws = new ArrayList<>();
        List<Integer> uls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Event e = sk.events[i];
            if (e.isMemory() && e.location().equals(l)) {
                if (e.isInit()) {
                    init = i;
                } else if (e.lock() == Event.LockPart.NONE) {
                    throw new IllegalArgumentException(sk.program.name() + ": '" + e.source().orElseThrow().text()
                            + "' accesses spinlock '" + l + "' as data; use spin_lock/spin_unlock/spin_is_locked");
                } else if (e.lock() == Event.LockPart.LKW) {
                    lkws.add(i);
                } else if (e.lock() == Event.LockPart.UL) {
                    uls.add(i);
                }
            }
        }
        for (ThreadTrace t : sk.traces) {
            int open = -1;
            int lastUl = -1;
            int pendingLkr = -1;
            for (int i = 0; i < n; i++) {
                Event e = sk.events[i];
                if (e.thread() != t.thread() || !e.isMemory() || !e.location().equals(l)) {
                    continue;
                }
                switch (e.lock()) {
                    case LKR:
                        if (open >= 0) {
                            return List.of(); // lock-nest: it would deadlock
                        }
                        pendingLkr = i;
                        break;
                    case LKW:
                        open = i;
                        lockRmw.add(new int[] {pendingLkr, i});
                        break;
                    case UL:
                        if (open < 0) {
                            throw new IllegalArgumentException(sk.program.name() + ": thread "
                                    + sk.program.threads().get(t.thread()).name() + " calls spin_unlock(" + l
                                    + ") without holding it");
                        }
                        sections.add(new int[] {open, i});
                        open = -1;
                        lastUl = i;
                        break;
                    case RL:
                    case LF: {
                        // lock.cat: "let LF = LF | RL", a read of the lock taken with no ordering.
                        readers.add(i);
                        if (open >= 0) {
                            readerSources.add(new int[] {open});
                        } else {
                            List<Integer> s = new ArrayList<>();
                            for (int w : lkws) {
                                if (sk.events[w].thread() != t.thread()) {
                                    s.add(w);
                                }
                            }
                            readerSources.add(s.stream().mapToInt(Integer::intValue).toArray());
                        }
                        break;
                    }
                    case RU: {
                        if (open >= 0) {
                            return List.of(); // nested-is-locked
                        }
                        readers.add(i);
                        List<Integer> s = new ArrayList<>();
                        if (lastUl >= 0) {
                            s.add(lastUl);
                        }
                        for (int w : uls) {
                            if (sk.events[w].thread() != t.thread()) {
                                s.add(w);
                            }
                        }
                        s.add(init);
                        readerSources.add(s.stream().mapToInt(Integer::intValue).toArray());
                        break;
                    }
                    default:
                        break;
                }
            }
            if (open >= 0) {
                unmatched.add(open);
            }
        }
        if (unmatched.size() > 1) {
            return List.of(); // unmatched-locks: the second spin_lock would wait forever
        }
        for (int[] s : readerSources) {
            if (s.length == 0) {
                return List.of();
            }
        }
        List<Rel[]> out = new ArrayList<>();
        List<List<int[]>> orders = new ArrayList<>();
        permute(sections, 0, orders);
        for (List<int[]> order : orders) {
            List<Integer> chain = new ArrayList<>();
            chain.add(init);
            for (int[] s : order) {
                chain.add(s[0]);
                chain.add(s[1]);
            }
            chain.addAll(unmatched);
            Rel.Builder co = Rel.builder(n);
            for (int i = 0; i < chain.size(); i++) {
                for (int j = i + 1; j < chain.size(); j++) {
                    co.add(chain.get(i), chain.get(j));
                }
            }
            Rel.Builder rf = Rel.builder(n);
            for (int[] p : lockRmw) {
                int pos = chain.indexOf(p[1]);
                rf.add(chain.get(pos - 1), p[0]);
            }
            readers(sk, readers, readerSources, 0, rf.build(), co.build(), out);
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
