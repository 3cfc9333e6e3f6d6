package daxlab.axiomatic;

import daxlab.program.FenceKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The grace-period guarantee for models that know nothing of RCU (SC, TSO, ARMv8). The kernel's
 * {@code synchronize_rcu()}/{@code synchronize_srcu()} returns only after every read-side
 * section that was running when it started has ended. With a grace period from {@code s}
 * (start) to {@code e} (end) and a section from {@code l} to {@code u} on another thread, either
 * the section started after the grace period did ({@code s -> l}) or it ended before the grace
 * period did ({@code u -> e}). An execution is allowed when one choice per pair keeps the
 * model's order acyclic; a section that never ends leaves only {@code s -> l}.
 */
final class GracePeriods {
    private GracePeriods() {
    }

    /** One pair's two ways out, as edge sets; {@code alternative} is null for a section that never ends. */
    record Choice(Rel edge, Rel alternative) {
    }

    static List<Choice> choices(Execution x) {
        List<Choice> out = new ArrayList<>();
        for (int s = 0; s < x.size(); s++) {
            Event g = x.event(s);
            boolean rcu = g.isFence(FenceKind.SYNC_RCU);
            boolean srcu = g.kind() == Event.Kind.SRCU_SYNC;
            if (!rcu && !srcu) {
                continue;
            }
            int e = s + 1; // the GP_END event follows its start in the same thread
            Rel sections = rcu ? x.rcuRscs() : x.srcuRscs();
            for (int l = 0; l < x.size(); l++) {
                Event lock = x.event(l);
                if (lock.thread() == g.thread()) {
                    continue;
                }
                boolean isLock = rcu ? lock.isFence(FenceKind.RCU_LOCK)
                        : lock.kind() == Event.Kind.SRCU_LOCK && lock.location().equals(g.location());
                if (!isLock) {
                    continue;
                }
                long unlocks = sections.row(l);
                if (unlocks == 0) {
                    out.add(new Choice(after(x, s, l, -1), null));
                }
                // One choice per section: an SRCU lock whose index reaches two unlocks has two.
                for (long bits = unlocks; bits != 0; bits &= bits - 1) {
                    int u = Long.numberOfTrailingZeros(bits);
                    out.add(new Choice(after(x, s, l, u), before(x, e, l, u)));
                }
            }
        }
        return out;
    }

    /**
     * The grace period started first: {@code s} before the section's events of the lock's
     * thread (up to its unlock when that thread ends it; all that follow the lock when another
     * thread does, srcu_up_read() after srcu_down_read()).
     */
    private static Rel after(Execution x, int s, int l, int u) {
        Rel.Builder b = Rel.builder(x.size());
        int t = x.event(l).thread();
        boolean here = u >= 0 && x.event(u).thread() == t;
        for (int k = l; k < x.size() && x.event(k).thread() == t && (!here || k <= u); k++) {
            b.add(s, k);
        }
        return b.build();
    }

    /**
     * The section ended first: its events before the grace period's end {@code e} (from the lock
     * to the unlock in one thread; the unlocking thread's events up to its unlock otherwise).
     */
    private static Rel before(Execution x, int e, int l, int u) {
        Rel.Builder b = Rel.builder(x.size());
        int t = x.event(u).thread();
        boolean here = x.event(l).thread() == t;
        for (int k = here ? l : 0; k <= u; k++) {
            if (x.event(k).thread() == t) {
                b.add(k, e);
            }
        }
        return b.build();
    }

    /** Whether some choice per pair keeps {@code order} acyclic. */
    static boolean satisfiable(Rel order, List<Choice> choices) {
        return search(order, choices, 0);
    }

    private static boolean search(Rel order, List<Choice> choices, int k) {
        if (!order.acyclic()) {
            return false;
        }
        if (k == choices.size()) {
            return true;
        }
        Choice c = choices.get(k);
        if (search(order.union(c.edge()), choices, k + 1)) {
            return true;
        }
        return c.alternative() != null && search(order.union(c.alternative()), choices, k + 1);
    }

    /** The first choice's edges, for showing why no choice works. */
    static Rel firstChoice(int n, List<Choice> choices) {
        Rel r = Rel.empty(n);
        for (Choice c : choices) {
            r = r.union(c.edge());
        }
        return r;
    }

    /** {@code [M] ; po ; [F] | [F] ; po ; [M]}: a full fence event ordered with its neighbours. */
    static Rel aroundFences(Execution x, long fences) {
        Rel po = x.po();
        return po.restrict(x.all() & ~fences, fences).union(po.restrict(fences, x.all() & ~fences))
                .union(po.restrict(fences, fences));
    }
}
