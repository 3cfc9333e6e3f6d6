package daxlab.axiomatic;

import daxlab.program.FenceKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * x86-TSO, as herd's {@code x86tso.cat}, after mapping each kernel primitive as Linux's x86
 * code does (docs/primitives.md): every access is a {@code MOV}; every RMW, failed cmpxchg included, is
 * a {@code LOCK}-prefixed instruction and so a full barrier; {@code smp_mb()} is a full barrier
 * ({@code MFENCE} or a locked add); {@code smp_wmb/rmb}, {@code smp_mb__before/after_atomic} are
 * compiler barriers only; {@code spin_lock} is a locked RMW and {@code spin_unlock} a plain
 * store. SRCU read-side markers and grace periods are full barriers, as in their implementation.
 * <pre>
 * acyclic po-loc | com as uniproc
 * empty rmw &amp; (fre ; coe) as atomic
 * let ppo = po \ (W * R)                 (on memory events)
 * let implied = po ; [LOCKED] | [LOCKED] ; po | po ; [MFENCE] ; po
 * let ghb = ppo | rfe | co | fr | implied
 * acyclic ghb as tso
 * </pre>
 */
public final class Tso implements Model {
    @Override
    public String name() {
        return "tso";
    }

    @Override
    public Verdict check(Execution x) {
        long m = x.memory();
        long r = x.reads();
        long w = x.writes();
        Rel com = x.rf().union(x.co()).union(x.fr());
        Rel uniproc = x.poLoc().union(com);
        if (!uniproc.acyclic()) {
            return Verdict.rejected("uniproc", "acyclic", uniproc, Map.of("rf", x.rf(), "co", x.co(), "fr", x.fr(),
                    "po-loc", x.poLoc()));
        }
        // Atomic Read-Modify-Write: empty rmw & (fre ; coe)
        Verdict atomic = Verdict.atomic(x);
        if (atomic != null) {
            return atomic;
        }
        Rel ppo = x.po().restrict(m, m).minus(x.product(w, r));
        long locked = x.set(e -> e.rmw() != Event.RmwPart.NONE || e.lock() == Event.LockPart.LKR
                || e.lock() == Event.LockPart.LKW);
        long mfence = x.set(Tso::fullBarrier);
        Rel implied = x.po().restrict(m, locked).union(x.po().restrict(locked, m))
                .union(x.fencerel(mfence).restrict(m, m));
        Rel markers = GracePeriods.aroundFences(x, mfence);
        Rel ghb = ppo.union(x.rfe()).union(x.co()).union(x.fr()).union(implied).union(markers);
        if (!ghb.acyclic()) {
            return Verdict.rejected("tso", "acyclic", ghb, parts(x, ppo, implied, markers));
        }
        List<GracePeriods.Choice> gp = GracePeriods.choices(x);
        if (!gp.isEmpty() && !GracePeriods.satisfiable(ghb, gp)) {
            Map<String, Rel> p = parts(x, ppo, implied, markers);
            p.put("grace-period", GracePeriods.firstChoice(x.size(), gp));
            return Verdict.rejected("grace-period", "acyclic", ghb.union(p.get("grace-period")), p);
        }
        return Verdict.consistent();
    }

    /** MFENCE: {@code smp_mb()} and the SRCU/RCU grace-period machinery. */
    static boolean fullBarrier(Event e) {
        switch (e.kind()) {
            case FENCE:
                return e.fence() == FenceKind.MB || e.fence() == FenceKind.SYNC_RCU;
            case SRCU_LOCK:
            case SRCU_UNLOCK:
            case SRCU_SYNC:
            case GP_END:
                return true;
            default:
                return false;
        }
    }

    private static Map<String, Rel> parts(Execution x, Rel ppo, Rel implied, Rel markers) {
        Map<String, Rel> p = new LinkedHashMap<>();
        p.put("rfe", x.rfe());
        p.put("co", x.co());
        p.put("fr", x.fr());
        p.put("ppo", ppo);
        p.put("implied", implied);
        p.put("mfence", markers);
        return p;
    }
}
