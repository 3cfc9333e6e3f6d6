package daxlab.axiomatic;

import daxlab.program.FenceKind;
import daxlab.program.Mode;
import daxlab.program.RmwOp;
import daxlab.program.Instr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ARMv8 (AArch64), the multicopy-atomic axiomatic model of herd's {@code aarch64.cat} as
 * simplified by Pulte et al. (POPL 2018), after mapping each kernel primitive as Linux's arm64
 * code does (docs/primitives.md):
 * <ul>
 * <li>plain, {@code READ_ONCE}, {@code WRITE_ONCE}: {@code LDR}/{@code STR};</li>
 * <li>{@code smp_load_acquire}: {@code LDAR} (A); {@code smp_store_release}: {@code STLR} (L);</li>
 * <li>fully ordered RMW (LL/SC): {@code LDXR ; STLXR ; DMB ISH} when it writes; a failed
 *     cmpxchg is a bare {@code LDXR} that branches past the barrier; a cmpxchg's compare-and-branch
 *     makes a control dependency from its read to everything after;</li>
 * <li>{@code _relaxed}: {@code LDXR/STXR}; {@code _acquire}: {@code LDAXR/STXR}; {@code _release}: {@code LDXR/STLXR};</li>
 * <li>{@code smp_mb}, {@code smp_mb__before/after_atomic}, {@code smp_mb__after_spinlock}: {@code DMB ISH};
 *     {@code smp_wmb}: {@code DMB ISHST}; {@code smp_rmb}: {@code DMB ISHLD};
 *     {@code smp_mb__after_unlock_lock}, {@code rcu_read_lock/unlock}: nothing;</li>
 * <li>{@code spin_lock}: {@code LDAXR/STXR} (an acquire RMW); {@code spin_unlock}: {@code STLR};
 *     {@code spin_is_locked}: {@code LDR};</li>
 * <li>SRCU read-side markers and grace periods: {@code DMB ISH} (their implementation has
 *     {@code smp_mb()}), with the grace-period guarantee of {@link GracePeriods}.</li>
 * </ul>
 * <pre>
 * acyclic po-loc | ca | rf as internal        (ca = co | fr)
 * empty rmw &amp; (fre ; coe) as atomic
 * let obs = rfe | fre | coe
 * let dob = addr | data | ctrl ; [W] | addr ; po ; [W] | (ctrl | data) ; coi | (addr | data) ; rfi
 * let aob = rmw | [range(rmw)] ; rfi ; [A]
 * let bob = po ; [dmb.full] ; po | [L] ; po ; [A] | [R] ; po ; [dmb.ld] ; po | [A] ; po
 *         | [W] ; po ; [dmb.st] ; po ; [W] | po ; [L] | po ; [L] ; coi
 * let ob = obs | dob | aob | bob
 * acyclic ob as external
 * </pre>
 */
public final class Armv8 implements Model {
    @Override
    public String name() {
        return "armv8";
    }

    @Override
    public Verdict check(Execution x) {
        long m = x.memory();
        long r = x.reads();
        long w = x.writes();
        Rel po = x.po();
        Rel ca = x.co().union(x.fr());
        Rel internal = x.poLoc().union(ca).union(x.rf());
        if (!internal.acyclic()) {
            return Verdict.rejected("internal", "acyclic", internal,
                    Map.of("rf", x.rf(), "co", x.co(), "fr", x.fr(), "po-loc", x.poLoc()));
        }
        // Atomic Read-Modify-Write: empty rmw & (fre ; coe)
        Verdict atomic = Verdict.atomic(x);
        if (atomic != null) {
            return atomic;
        }
        // The mapping: which events are LDAR-like (A), STLR-like (L), which fences are which DMB.
        long acquire = x.set(Armv8::isAcquire);
        long release = x.set(Armv8::isRelease);
        long dmbFull = x.set(Armv8::isDmbFull);
        long dmbLd = x.set(e -> e.isFence(FenceKind.RMB));
        long dmbSt = x.set(e -> e.isFence(FenceKind.WMB));
        // The DMB ISH that ends a fully ordered LL/SC RMW, right after its STLXR.
        long rmwThenDmb = x.set(e -> e.rmw() == Event.RmwPart.WRITE && e.hasMode(Mode.FULL));
        // The compare-and-branch of every cmpxchg: ctrl from its read to all that follows.
        long cmpxchgReads = x.set(e -> e.isRead() && e.source().orElseThrow() instanceof Instr.Rmw rmwOp
                && (rmwOp.op() instanceof RmwOp.Cmpxchg || rmwOp.op() instanceof RmwOp.AddUnless));
        // A CPU's ctrl covers everything after the conditional branch, not only the if's body.
        Rel ctrl = x.ctrlAfter().union(po.from(cmpxchgReads));
        Rel addr = x.addr();
        Rel data = x.data();

        Rel obs = x.rfe().union(x.fre()).union(x.coe());
        Rel dob = addr.union(data)
                .union(ctrl.to(w))
                .union(addr.seq(po).to(w))
                .union(ctrl.union(data).seq(x.coi()))
                .union(addr.union(data).seq(x.rfi()));
        Rel aob = x.rmw().union(x.rfi().from(x.rmw().range()).to(acquire));
        Rel bob = x.fencerel(dmbFull)
                .union(po.restrict(release, acquire))
                .union(x.fencerel(dmbLd).from(r))
                .union(po.from(acquire))
                .union(x.fencerel(dmbSt).restrict(w, w))
                .union(po.to(release))
                .union(po.to(release).seq(x.coi()))
                .union(po.opt().to(rmwThenDmb).seq(po));
        Rel markers = GracePeriods.aroundFences(x, dmbFull);
        Rel ob = obs.union(dob).union(aob).union(bob.restrict(m, m)).union(markers);
        if (!ob.acyclic()) {
            Map<String, Rel> p = new LinkedHashMap<>();
            p.put("obs", obs);
            p.put("dob", dob);
            p.put("aob", aob);
            p.put("bob", bob);
            p.put("dmb", markers);
            return Verdict.rejected("external", "acyclic", ob, p);
        }
        List<GracePeriods.Choice> gp = GracePeriods.choices(x);
        if (!gp.isEmpty() && !GracePeriods.satisfiable(ob, gp)) {
            Rel choice = GracePeriods.firstChoice(x.size(), gp);
            return Verdict.rejected("grace-period", "acyclic", ob.union(choice),
                    Map.of("obs", obs, "dob", dob, "aob", aob, "bob", bob, "grace-period", choice));
        }
        return Verdict.consistent();
    }

    /** LDAR / LDAXR: acquire loads, acquire RMW reads, the read of spin_lock(). */
    static boolean isAcquire(Event e) {
        if (!e.isRead()) {
            return false;
        }
        if (e.lock() == Event.LockPart.LKR) {
            return true;
        }
        if (e.lock() != Event.LockPart.NONE) {
            return false;
        }
        // A failed read keeps its mode: cmpxchg_acquire's LDAXR is an acquire even when the
        // compare fails.
        return e.hasMode(Mode.ACQUIRE);
    }

    /** STLR / STLXR: release stores, the write of a release or fully ordered RMW, spin_unlock(). */
    static boolean isRelease(Event e) {
        if (e.kind() != Event.Kind.WRITE) {
            return false;
        }
        if (e.lock() == Event.LockPart.UL) {
            return true;
        }
        if (e.lock() != Event.LockPart.NONE) {
            return false;
        }
        return e.hasMode(Mode.RELEASE) || (e.rmw() == Event.RmwPart.WRITE && e.hasMode(Mode.FULL));
    }

    static boolean isDmbFull(Event e) {
        switch (e.kind()) {
            case FENCE:
                switch (e.fence()) {
                    case MB:
                    case BEFORE_ATOMIC:
                    case AFTER_ATOMIC:
                    case AFTER_SPINLOCK:
                    case SYNC_RCU:
                        return true;
                    default:
                        return false;
                }
            case SRCU_LOCK:
            case SRCU_UNLOCK:
            case SRCU_SYNC:
            case GP_END:
                return true;
            default:
                return false;
        }
    }
}
