package daxlab.axiomatic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequential consistency, as herd's {@code sc.cat} states it:
 * <pre>
 * let com = rf | co | fr
 * acyclic po | com as sc
 * empty rmw &amp; (fre ; coe) as atomic
 * </pre>
 * plus the grace-period guarantee of {@code synchronize_rcu/srcu} ({@link GracePeriods}),
 * which the interleaving engine gets by waiting. Fences order nothing more here.
 */
public final class Sc implements Model {
    @Override
    public String name() {
        return "sc-axiomatic";
    }

    @Override
    public Verdict check(Execution x) {
        Rel com = x.rf().union(x.co()).union(x.fr());
        Rel order = x.po().union(com);
        if (!order.acyclic()) {
            return Verdict.rejected("sc", "acyclic", order, parts(x));
        }
        // Atomic Read-Modify-Write: empty rmw & (fre ; coe)
        Verdict atomic = Verdict.atomic(x);
        if (atomic != null) {
            return atomic;
        }
        List<GracePeriods.Choice> gp = GracePeriods.choices(x);
        if (!gp.isEmpty() && !GracePeriods.satisfiable(order, gp)) {
            Rel with = order.union(GracePeriods.firstChoice(x.size(), gp));
            Map<String, Rel> p = parts(x);
            p.put("grace-period", GracePeriods.firstChoice(x.size(), gp));
            return Verdict.rejected("grace-period", "acyclic", with, p);
        }
        return Verdict.consistent();
    }

    private static Map<String, Rel> parts(Execution x) {
        Map<String, Rel> p = new LinkedHashMap<>();
        p.put("rf", x.rf());
        p.put("co", x.co());
        p.put("fr", x.fr());
        p.put("po", x.po());
        return p;
    }
}
