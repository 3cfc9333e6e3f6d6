package daxlab.axiomatic;

import daxlab.outcome.Flag;
import daxlab.program.FenceKind;
import daxlab.program.Mode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Linux-kernel memory model: {@code linux-kernel.cat} with {@code lock.cat}, the tags of
 * {@code linux-kernel.bell}/{@code .def}, variant {@code lkmmv2} (a failed RMW carries no
 * ordering). Read it beside tools/memory-model/linux-kernel.cat: each {@code let} is one local
 * variable of {@link #check}, in the file's order, and each axiom and flag has the file's name.
 * It follows the kernel's current file, which differs from herdtools7's older catalogue copy in
 * three places: {@code po-unlock-lock-po} (an unlock then a lock on the same CPU orders, whether
 * or not the lock reads from that unlock), {@code rmw-sequence} at the end of
 * {@code cumul-fence} and {@code w-post-bounded}, and {@code to-r = (addr ; [R]) | ...}.
 * Without the first, MP+unlocklockonceonce+fencermbonceonce and
 * LB+unlocklockonceonce+poacquireonce would be allowed; herd7 says Never.
 *
 * <p>Locks are built into the candidate executions as lock.cat builds them (see
 * {@link Candidates}): {@code spin_lock} is an LKR/LKW pair in {@code rmw}, LKR reads the
 * unlock (or initial write) just before it in {@code co}, each critical section's UL follows its
 * LKW in {@code co}, and {@code spin_is_locked} reads an LKW (RL) or a UL / the initial write
 * (RU). Here LKR is an Acquire and UL a Release, as lock.cat adds them.
 *
 * <p>SRCU is as linux-kernel.def and .bell have it: {@code srcu_read_lock()} is a read of the
 * srcu_struct ({@code Srcu-lock}), {@code srcu_read_unlock()} a write of its index to it
 * ({@code Srcu-unlock}), both marked, with rf and co of their own; a section is a lock and the
 * unlock its index reaches through data and rf ({@link Execution#srcuRscs}), so sections of one
 * thread may overlap without nesting.
 *
 * <p>Flags raised: {@code data-race} (its pairs, {@code ww-race | wr-race | rw-race}, come back as
 * {@link Verdict#races}; {@code wr-race} leaves out {@code rw-xbstar^-1} as the current file does),
 * {@code mixed-accesses}, and the bell's {@code unmatched-rcu-lock}, {@code unmatched-rcu-unlock},
 * {@code unmatched-srcu-lock}, {@code unmatched-srcu-unlock}, {@code multiple-srcu-matches},
 * {@code invalid-sleep} and {@code srcu-bad-value-match}. The void atomics ({@code atomic_inc()})
 * are {@code Noreturn}, a failed {@code spin_trylock()} is an LF read.
 */
public final class Lkmm implements Model {
    // The bell's and the cat file's flags, under the names herd7 prints (Flag data-race is Flag.DATA_RACE).
    private static final Flag MIXED_ACCESSES = new Flag("mixed-accesses");
    private static final Flag UNMATCHED_RCU_LOCK = new Flag("unmatched-rcu-lock");
    private static final Flag UNMATCHED_RCU_UNLOCK = new Flag("unmatched-rcu-unlock");
    private static final Flag UNMATCHED_SRCU_LOCK = new Flag("unmatched-srcu-lock");
    private static final Flag UNMATCHED_SRCU_UNLOCK = new Flag("unmatched-srcu-unlock");
    private static final Flag MULTIPLE_SRCU_MATCHES = new Flag("multiple-srcu-matches");
    private static final Flag INVALID_SLEEP = new Flag("invalid-sleep");
    private static final Flag SRCU_BAD_VALUE_MATCH = new Flag("srcu-bad-value-match");

    @Override
    public String name() {
        return "lkmm";
    }

    // ------------------------------------------------------------------ tags (bell / def)

    /** ONCE, ACQUIRE, RELEASE, MB tagged accesses and every lock event; fences are not memory. */
    static boolean marked(Event e) {
        if (!e.isMemory() || e.isInit()) {
            return true;
        }
        return e.lock() != Event.LockPart.NONE || !e.hasMode(Mode.PLAIN);
    }

    /** Acquire = ACQUIRE \ W \ FailedRMW, plus LKR (lock.cat). */
    static boolean acquire(Event e) {
        if (e.lock() == Event.LockPart.LKR) {
            return true;
        }
        return e.isRead() && e.lock() == Event.LockPart.NONE && e.hasMode(Mode.ACQUIRE)
                && e.rmw() != Event.RmwPart.FAILED_READ;
    }

    /** Release = RELEASE \ R \ FailedRMW, plus UL (lock.cat). */
    static boolean release(Event e) {
        if (e.lock() == Event.LockPart.UL) {
            return true;
        }
        return e.kind() == Event.Kind.WRITE && e.lock() == Event.LockPart.NONE && e.hasMode(Mode.RELEASE);
    }

    /** Mb = MB \ FailedRMW: both events of a fully ordered RMW that wrote. */
    static boolean mbAccess(Event e) {
        return (e.rmw() == Event.RmwPart.READ || e.rmw() == Event.RmwPart.WRITE) && e.hasMode(Mode.FULL);
    }

    @Override
    public Verdict check(Execution x) {
        final int n = x.size();
        final long all = x.all();
        final long M = x.memory();
        final long R = x.reads();
        final long W = x.writes();
        final long IW = x.inits();
        final long Marked = x.set(Lkmm::marked);
        final long Plain = M & ~Marked;
        final long Acquire = x.set(Lkmm::acquire);
        final long Release = x.set(Lkmm::release);
        final long RMW = x.set(e -> e.rmw() != Event.RmwPart.NONE);
        final long MbAccess = x.set(Lkmm::mbAccess);
        final long Mb = MbAccess | x.set(e -> e.isFence(FenceKind.MB));
        final long Rmb = x.set(e -> e.isFence(FenceKind.RMB));
        final long Wmb = x.set(e -> e.isFence(FenceKind.WMB));
        final long BeforeAtomic = x.set(e -> e.isFence(FenceKind.BEFORE_ATOMIC));
        final long AfterAtomic = x.set(e -> e.isFence(FenceKind.AFTER_ATOMIC));
        final long AfterSpinlock = x.set(e -> e.isFence(FenceKind.AFTER_SPINLOCK));
        final long AfterUnlockLock = x.set(e -> e.isFence(FenceKind.AFTER_UNLOCK_LOCK));
        final long RcuLock = x.set(e -> e.isFence(FenceKind.RCU_LOCK));
        final long RcuUnlock = x.set(e -> e.isFence(FenceKind.RCU_UNLOCK));
        final long SyncRcu = x.set(e -> e.isFence(FenceKind.SYNC_RCU));
        final long SyncSrcu = x.set(e -> e.kind() == Event.Kind.SRCU_SYNC);
        final long SrcuLock = x.set(e -> e.kind() == Event.Kind.SRCU_LOCK);
        final long SrcuUnlock = x.set(e -> e.kind() == Event.Kind.SRCU_UNLOCK);
        final long LKR = x.set(e -> e.lock() == Event.LockPart.LKR);
        final long LKW = x.set(e -> e.lock() == Event.LockPart.LKW);
        final long UL = x.set(e -> e.lock() == Event.LockPart.UL);
        // The read of a void atomic (atomic_inc()) returns nothing: smp_rmb() does not order it.
        final long Noreturn = x.set(e -> e.isRead() && e.hasMode(Mode.NORETURN));
        final long R4rmb = R & ~Noreturn;
        final long BarrierFence = x.set(e -> e.isFence(FenceKind.BARRIER));
        final long AfterSrcuReadUnlock = x.set(e -> e.isFence(FenceKind.AFTER_SRCU_READ_UNLOCK));
        final Rel po = x.po();
        final Rel rf = x.rf();
        final Rel co = x.co();
        final Rel fr = x.fr();
        final Rel rfe = x.rfe();
        final Rel rfi = x.rfi();
        final Rel intl = x.internal();
        final Rel ext = x.external();
        final Rel id = x.id();

        // The bell: dependencies are carried through plain accesses (data ; rfi).
        final Rel carryDep = x.data().to(all & ~SrcuUnlock).seq(rfi).star();
        final Rel addr = carryDep.seq(x.addr());
        final Rel data = carryDep.seq(x.data());
        final Rel ctrl = carryDep.seq(x.ctrl());

        // Release Acquire
        final Rel acqPo = po.restrict(Acquire, M);
        final Rel poRel = po.restrict(M, Release);
        // Current kernel: an unlock followed by a lock on the same CPU orders too (po | rf).
        final Rel poUnlockLockPo = po.to(UL).seq(po.union(rf)).to(LKR).seq(po);

        // Fences
        final Rel rmb = x.fencerel(Rmb).restrict(R4rmb, R4rmb);
        final Rel wmb = x.fencerel(Wmb).restrict(W, W);
        final Rel mb = x.fencerel(Mb).restrict(M, M)
                .union(po.restrict(M, RMW & MbAccess).seq(po).to(M))
                .union(po.restrict(W & RMW & MbAccess, M))
                .union(po.restrict(M, R & RMW & MbAccess))
                .union(x.fencerel(BeforeAtomic).restrict(M, RMW).seq(po.opt()).to(M))
                .union(po.opt().restrict(M, RMW).seq(x.fencerel(AfterAtomic)).to(M))
                .union(po.opt().restrict(M, LKW).seq(x.fencerel(AfterSpinlock)).to(M))
                .union(poUnlockLockPo.from(M).to(AfterUnlockLock).seq(po).to(M))
                // [M] ; po? ; [Srcu-unlock] ; fencerel(After-srcu-read-unlock) ; [M]: herd7's
                // srcu_read_unlock() is itself a memory write, so it is ordered too.
                .union(po.opt().restrict(M | SrcuUnlock, SrcuUnlock).seq(x.fencerel(AfterSrcuReadUnlock)).to(M));
        final Rel gp = po.to(SyncRcu | SyncSrcu).seq(po.opt());
        final Rel strongFence = mb.union(gp);

        final Rel nonrwFence = strongFence.union(poRel).union(acqPo);
        final Rel fence = nonrwFence.union(wmb).union(rmb);

        // Sequential Consistency Per Variable
        final Rel com = rf.union(co).union(fr);
        final Rel coherence = x.poLoc().union(com);
        if (!coherence.acyclic()) {
            return Verdict.rejected("coherence", "acyclic", coherence, named("rf", rf, "co", co, "fr", fr,
                    "po-loc", x.poLoc()));
        }
        // Atomic Read-Modify-Write
        // Atomic Read-Modify-Write: empty rmw & (fre ; coe)
        Verdict atomic = Verdict.atomic(x);
        if (atomic != null) {
            return atomic;
        }

        // Preserved Program Order
        final Rel dep = addr.union(data);
        final Rel rwdep = dep.union(ctrl).to(W);
        final Rel overwrite = co.union(fr);
        final Rel toW = rwdep.union(overwrite.inter(intl)).union(addr.to(Plain).seq(wmb));
        final Rel toR = addr.to(R).union(dep.to(Marked).seq(rfi));
        final Rel ppo = toR.union(toW).union(fence.inter(intl)).union(poUnlockLockPo.inter(intl));

        // Propagation: ordering from release operations and strong fences
        final Rel rmwSequence = rf.seq(x.rmw()).star();
        final Rel cumulFence = aCumul(rfe, Marked, strongFence.union(poRel)).union(wmb).union(poUnlockLockPo)
                .restrict(Marked, Marked).seq(rmwSequence);
        final Rel prop = overwrite.inter(ext).opt().from(Marked).seq(cumulFence.star()).to(Marked)
                .seq(rfe.opt()).to(Marked);

        // Happens Before
        final Rel hb = ppo.union(rfe).union(prop.minus(id).inter(intl)).restrict(Marked, Marked);
        if (!hb.acyclic()) {
            return Verdict.rejected("happens-before", "acyclic", hb, named("ppo", ppo, "rfe", rfe,
                    "prop & int", prop.minus(id).inter(intl)));
        }

        // Propagation: each non-rf link needs a strong fence
        final Rel hbStar = hb.star();
        final Rel pb = prop.seq(strongFence).seq(hbStar).to(Marked);
        if (!pb.acyclic()) {
            return Verdict.rejected("propagation", "acyclic", pb, named("pb", pb)).withSteps("pb",
                    new Verdict.Step("prop", prop), new Verdict.Step("strong-fence", strongFence),
                    new Verdict.Step("hb*", hbStar));
        }

        // RCU
        final Rel rcuGp = x.id(SyncRcu);
        final Rel srcuGp = x.id(SyncSrcu);
        final Rel rcuRscsi = x.rcuRscs().inverse();
        final Rel srcuRscsi = x.srcuRscs().inverse();
        final Rel loc = x.sameDomain();
        final Rel pbStar = pb.star();
        final Rel rcuLink = po.opt().seq(hbStar).seq(pbStar).seq(prop).seq(po);
        Rel rcuOrder = rcuGp.union(srcuGp);
        if (SyncRcu != 0 || SyncSrcu != 0) {
            while (true) {
                Rel next = rcuGp.union(srcuGp)
                        .union(Rel.seq(rcuGp, rcuLink, rcuRscsi))
                        .union(Rel.seq(srcuGp, rcuLink, srcuRscsi).inter(loc))
                        .union(Rel.seq(rcuRscsi, rcuLink, rcuGp))
                        .union(Rel.seq(srcuRscsi, rcuLink, srcuGp).inter(loc))
                        .union(Rel.seq(rcuGp, rcuLink, rcuOrder, rcuLink, rcuRscsi))
                        .union(Rel.seq(srcuGp, rcuLink, rcuOrder, rcuLink, srcuRscsi).inter(loc))
                        .union(Rel.seq(rcuRscsi, rcuLink, rcuOrder, rcuLink, rcuGp))
                        .union(Rel.seq(srcuRscsi, rcuLink, rcuOrder, rcuLink, srcuGp).inter(loc))
                        .union(Rel.seq(rcuOrder, rcuLink, rcuOrder));
                if (next.equals(rcuOrder)) {
                    break;
                }
                rcuOrder = next;
            }
        }
        final Rel rcuFence = po.seq(rcuOrder).seq(po.opt());
        final Rel fence2 = fence.union(rcuFence);
        final Rel strongFence2 = strongFence.union(rcuFence);

        // rb orders instructions just as pb does
        final Rel rb = prop.seq(rcuFence).seq(hbStar).seq(pbStar).to(Marked);
        if (!rb.irreflexive()) {
            return Verdict.rejected("rcu", "irreflexive", rb, named("rb", rb)).withSteps("rb",
                    new Verdict.Step("prop", prop), new Verdict.Step("rcu-fence", rcuFence),
                    new Verdict.Step("hb*", hbStar), new Verdict.Step("pb*", pbStar));
        }

        // Warn about plain writes and marked accesses in the same region
        final long Barrier = BarrierFence | Rmb | Wmb | Mb | SyncRcu | SyncSrcu | BeforeAtomic | AfterAtomic | Acquire | Release
                | RcuLock | RcuUnlock | SrcuLock | SrcuUnlock;
        final Rel barrier = x.fencerel(Barrier).union(po.to(Release)).union(po.from(Acquire));
        final Rel poLocNoBarrier = x.poLoc().minus(barrier);
        final Rel mixedAccesses = poLocNoBarrier.restrict(Plain & W, Marked)
                .union(poLocNoBarrier.restrict(Marked, Plain & W));

        // Plain accesses and data races
        final Rel xbstar = hb.union(pb).union(rb).star();
        final Rel vis = cumulFence.star().seq(rfe.opt()).to(Marked)
                .seq(strongFence2.to(Marked).seq(xbstar).union(xbstar.inter(intl)));
        final Rel rmbRel = x.fencerel(Rmb);
        final Rel wPreBounded = addr.union(fence2).opt().from(Marked);
        final Rel rPreBounded = addr.union(nonrwFence).union(rmbRel.restrict(R4rmb, all & ~Noreturn)).opt().from(Marked);
        final Rel wPostBounded = fence2.opt().to(Marked).seq(rmwSequence);
        final Rel rPostBounded = nonrwFence.union(rmbRel.restrict(all & ~Noreturn, R4rmb)).opt().to(Marked);
        final Rel wwVis = fence2.union(strongFence2.seq(xbstar).seq(wPreBounded))
                .union(wPostBounded.seq(vis).seq(wPreBounded));
        final Rel wrVis = fence2.union(strongFence2.seq(xbstar).seq(rPreBounded))
                .union(wPostBounded.seq(vis).seq(rPreBounded));
        final Rel rwXbstar = fence2.union(rPostBounded.seq(xbstar).seq(wPreBounded));
        final Rel preRace = ext.inter(x.product(Plain, M).union(x.product(M & ~IW, Plain)));

        // Coherence requirements for plain accesses
        final Rel wrIncoh = preRace.inter(rf).inter(rwXbstar.inverse());
        final Rel rwIncoh = preRace.inter(fr).inter(wrVis.inverse());
        final Rel wwIncoh = preRace.inter(co).inter(wwVis.inverse());
        if (!wrIncoh.isEmpty()) {
            return Verdict.pairAgainst("plain-coherence", wrIncoh, "rf", rf, "rw-xbstar", rwXbstar);
        }
        if (!rwIncoh.isEmpty()) {
            return Verdict.pairAgainst("plain-coherence", rwIncoh, "fr", fr, "wr-vis", wrVis);
        }
        if (!wwIncoh.isEmpty()) {
            return Verdict.pairAgainst("plain-coherence", wwIncoh, "co", co, "ww-vis", wwVis);
        }

        Set<Flag> flags = new TreeSet<>();
        if (!mixedAccesses.isEmpty()) {
            flags.add(MIXED_ACCESSES);
        }
        bellFlags(x, RcuLock, RcuUnlock, SrcuLock, SrcuUnlock, SyncSrcu, flags);
        // Actual races
        final Rel wwNonrace = wwVis.inter(x.product(Marked, W).union(rwXbstar))
                .inter(x.product(W, Marked).union(wrVis));
        final Rel wwRace = preRace.inter(co).minus(wwNonrace);
        // A read that executes before a write cannot race with it through a later write it reads.
        final Rel wrRace = preRace.inter(co.opt().seq(rf)).minus(wrVis).minus(rwXbstar.inverse());
        final Rel rwRace = preRace.inter(fr).minus(rwXbstar);
        final Rel races = wwRace.union(wrRace).union(rwRace);
        if (!races.isEmpty()) {
            flags.add(Flag.DATA_RACE);
        }
        return Verdict.consistent(flags, races);
    }

    /** The bell's checks that read-side sections are well formed, raised as its flags. */
    private static void bellFlags(Execution x, long rcuLock, long rcuUnlock, long srcuLock, long srcuUnlock,
                                  long syncSrcu, Set<Flag> flags) {
        Rel rcu = x.rcuRscs();
        Rel srcu = x.srcuRscs();
        if ((rcuLock & ~rcu.domain()) != 0) {
            flags.add(UNMATCHED_RCU_LOCK);
        }
        if ((rcuUnlock & ~rcu.range()) != 0) {
            flags.add(UNMATCHED_RCU_UNLOCK);
        }
        if ((srcuLock & ~srcu.domain()) != 0) {
            flags.add(UNMATCHED_SRCU_LOCK);
        }
        if ((srcuUnlock & ~srcu.range()) != 0) {
            flags.add(UNMATCHED_SRCU_UNLOCK);
        }
        if (!srcu.inverse().seq(srcu).minus(x.id()).isEmpty()) {
            flags.add(MULTIPLE_SRCU_MATCHES);
        }
        // synchronize_srcu() may sleep: not inside an RCU read-side section.
        if (!rcu.inter(x.po().to(syncSrcu).seq(x.po())).isEmpty()) {
            flags.add(INVALID_SLEEP);
        }
        for (int[] p : srcu.pairs()) {
            if (!x.event(p[0]).value().equals(x.event(p[1]).value())) {
                flags.add(SRCU_BAD_VALUE_MATCH);
            }
        }
    }

    /** {@code A-cumul(r) = (rfe ; [Marked])? ; r} */
    private static Rel aCumul(Rel rfe, long marked, Rel r) {
        return rfe.to(marked).opt().seq(r);
    }

    private static Map<String, Rel> named(Object... kv) {
        Map<String, Rel> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Rel) kv[i + 1]);
        }
        return m;
    }
}
