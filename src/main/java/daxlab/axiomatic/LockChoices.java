package daxlab.axiomatic;

import java.util.ArrayList;
import java.util.List;

/**
 * The rf and co choices on a spinlock, as lock.cat generates them:
 * <ul>
 * <li>each {@code spin_lock}'s write (LKW) is matched with the next {@code spin_unlock} (UL) of
 *     its thread: a critical section; at most one LKW per lock may stay unmatched (more would
 *     deadlock: axiom {@code unmatched-locks}), and it comes last in co;</li>
 * <li>{@code co} is the initial write, then the critical sections in some order, each UL right
 *     after its LKW;</li>
 * <li>each LKR reads from the write just before its LKW in co (an UL or the initial write);</li>
 * <li>{@code spin_is_locked} returning true (RL) inside its own critical section reads that
 *     section's LKW, outside it any other thread's LKW; returning false (RU) it reads its thread's
 *     last UL or another thread's UL or the initial write; an RU inside its own critical section
 *     is impossible (axiom {@code nested-is-locked}), as is taking a lock twice ({@code lock-nest}).</li>
 * </ul>
 * The orders of the critical sections are generated lazily, as a swap permutation cut short when
 * a section would come before an earlier one of its own thread (coherence rejects that whatever
 * the readers do), so that many sections cost what their consistent orders cost.
 */
final class LockChoices {
    private LockChoices() {
    }

    /**
     * The choices on spinlock {@code l}, or null when there is none (the program would deadlock or
     * break a lock.cat axiom in every execution).
     *
     * @throws IllegalArgumentException for a program that misuses the lock
     */
    static Candidates.Generator choices(Skeleton sk, String l, Effort effort) {
        Sections s = Sections.of(sk, l);
        if (s == null) {
            return null;
        }
        return v -> orders(sk, s.sections(), 0, effort, order -> {
            Rel[] rfCo = s.rfCo(sk.n, order);
            return readers(sk, s.readers(), s.readerSources(), 0, rfCo[0], rfCo[1], effort, v);
        });
    }

    /**
     * What lock.cat reads off the accesses of one spinlock before choosing anything: the critical
     * sections, the lock that stays held, each {@code spin_lock}'s read and write, and the writes
     * each {@code spin_is_locked}/failed {@code spin_trylock} may read.
     *
     * @param init          the lock's initial write
     * @param sections      each critical section as {LKW, UL}; the lazy choices reorder it in place
     * @param unmatched     the LKW left holding the lock (at most one)
     * @param lockRmw       each {@code spin_lock} as {LKR, LKW}
     * @param readers       the RL, RU and LF events
     * @param readerSources for each reader, the writes it may read
     */
    record Sections(int init, List<int[]> sections, List<Integer> unmatched, List<int[]> lockRmw,
                    List<Integer> readers, List<int[]> readerSources) {

        /**
         * The sections of spinlock {@code l}, or null when there is no choice (the program would
         * deadlock or break a lock.cat axiom in every execution).
         *
         * @throws IllegalArgumentException for a program that misuses the lock
         */
        static Sections of(Skeleton sk, String l) {
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
                                return null; // lock-nest: it would deadlock
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
                                return null; // nested-is-locked
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
                return null; // unmatched-locks: the second spin_lock would wait forever
            }
            for (int[] s : readerSources) {
                if (s.length == 0) {
                    return null;
                }
            }
            return new Sections(init, sections, unmatched, lockRmw, readers, readerSources);
        }

        /**
         * The rf and co of the lock for one order of the sections: co is the initial write, each
         * section's LKW then UL, then the lock left held; each LKR reads the write just before its
         * LKW. The readers' rf is chosen apart.
         */
        Rel[] rfCo(int n, List<int[]> order) {
            List<Integer> chain = new ArrayList<>();
            chain.add(init);
            for (int[] s : order) {
                chain.add(s[0]);
                chain.add(s[1]);
            }
            chain.addAll(unmatched);
            Rel.Builder rf = Rel.builder(n);
            for (int[] p : lockRmw) {
                int pos = chain.indexOf(p[1]);
                rf.add(chain.get(pos - 1), p[0]);
            }
            return new Rel[] {rf.build(), Rel.totalOrder(n, chain)};
        }
    }

    private static boolean readers(Skeleton sk, List<Integer> readers, List<int[]> sources, int k, Rel rf, Rel co,
                                   Effort effort, Candidates.Visitor v) {
        effort.step();
        if (k == readers.size()) {
            return !Candidates.locallyConsistent(sk, rf, co) || v.accept(rf, co);
        }
        for (int w : sources.get(k)) {
            if (!readers(sk, readers, sources, k + 1, rf.union(Rel.builder(sk.n).add(w, readers.get(k)).build()), co,
                    effort, v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every order of the critical sections, as a swap permutation; a prefix whose last section
     * has a later section of its own thread after it is cut off (its UL would be co-before that
     * thread's earlier LKW, against program order).
     */
    private static boolean orders(Skeleton sk, List<int[]> xs, int k, Effort effort,
                                  java.util.function.Predicate<List<int[]>> each) {
        effort.step();
        if (k == xs.size()) {
            return each.test(xs);
        }
        for (int i = k; i < xs.size(); i++) {
            java.util.Collections.swap(xs, k, i);
            boolean go = laterSectionBefore(sk, xs, k) || orders(sk, xs, k + 1, effort, each);
            java.util.Collections.swap(xs, k, i);
            if (!go) {
                return false;
            }
        }
        return true;
    }

    private static boolean laterSectionBefore(Skeleton sk, List<int[]> xs, int k) {
        int lkw = xs.get(k)[0];
        for (int j = k + 1; j < xs.size(); j++) {
            if (sk.po.has(xs.get(j)[0], lkw)) {
                return true;
            }
        }
        return false;
    }
}
