package daxlab.axiomatic;

import daxlab.outcome.Flag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a model says of one candidate execution: consistent (with the flags it raised, such as
 * {@code data-race}), or rejected by a named axiom whose relation is shown, with the named
 * relations it is built from so that each edge of the offending cycle can be labelled.
 *
 * @param axiom    the rejecting axiom as the cat file names it, or null when consistent
 * @param check    {@code acyclic}, {@code irreflexive} or {@code empty}
 * @param relation the relation that failed the check
 * @param parts    named relations that make it up (edge labels), in preference order
 * @param flags    flags raised by a consistent execution
 * @param steps    definitions that spell out an edge of a named part
 * @param races    the racing pairs of a consistent execution (the LKMM's {@code ww-race | wr-race |
 *                 rw-race}); null when the model has no data-race flag or the execution is rejected
 */
public record Verdict(String axiom, String check, Rel relation, Map<String, Rel> parts, Set<Flag> flags,
                      Map<String, List<Step>> steps, Rel races) {
    public Verdict {
        parts = parts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        steps = steps == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    public Verdict(String axiom, String check, Rel relation, Map<String, Rel> parts, Set<Flag> flags,
                   Map<String, List<Step>> steps) {
        this(axiom, check, relation, parts, flags, steps, null);
    }

    /** One step of a named part's definition: {@code pb = prop ; strong-fence ; hb*}. */
    public record Step(String name, Rel rel) {
    }

    public Verdict(String axiom, String check, Rel relation, Map<String, Rel> parts, Set<Flag> flags) {
        this(axiom, check, relation, parts, flags, null);
    }

    /** The same rejection, with the definitions used to spell out each edge of a part. */
    public Verdict withSteps(String part, Step... definition) {
        Map<String, List<Step>> s = new LinkedHashMap<>(steps);
        s.put(part, List.of(definition));
        return new Verdict(axiom, check, relation, parts, flags, s, races);
    }

    /**
     * An {@code empty} check failed because a pair {@code a -first-> b} also has {@code b -back-> a}:
     * shown as that two-edge cycle.
     */
    static Verdict pairAgainst(String axiom, Rel offending, String firstName, Rel first, String backName, Rel back) {
        int[] p = offending.pairs().get(0);
        Rel cycle = Rel.builder(offending.size()).add(p[0], p[1]).add(p[1], p[0]).build();
        Map<String, Rel> parts = new LinkedHashMap<>();
        parts.put(firstName, Rel.builder(offending.size()).add(p[0], p[1]).build());
        parts.put(backName, back);
        return rejected(axiom, "acyclic", cycle, parts);
    }

    /** {@code empty rmw & (fre ; coe) as atomic}, as a cycle {@code r -fre-> w' -coe-> w -rmw^-1-> r}; null when it holds. */
    static Verdict atomic(Execution x) {
        Rel offending = x.rmw().inter(x.fre().seq(x.coe()));
        if (offending.isEmpty()) {
            return null;
        }
        int[] p = offending.pairs().get(0);
        int r = p[0];
        int w = p[1];
        long mid = x.fre().row(r) & x.coe().inverse().row(w);
        int m = Long.numberOfTrailingZeros(mid);
        Rel cycle = Rel.builder(x.size()).add(r, m).add(m, w).add(w, r).build();
        Map<String, Rel> parts = new LinkedHashMap<>();
        parts.put("fre", x.fre());
        parts.put("coe", x.coe());
        parts.put("rmw^-1", x.rmw().inverse());
        return rejected("atomic", "acyclic", cycle, parts);
    }

    public static Verdict consistent(Set<Flag> flags) {
        return new Verdict(null, null, null, null, flags);
    }

    /** Consistent, with the flags raised and the pairs of accesses that race (for {@code data-race}). */
    public static Verdict consistent(Set<Flag> flags, Rel races) {
        return new Verdict(null, null, null, null, flags, null, races);
    }

    /** Whether some pair of accesses races in this consistent execution (the LKMM's {@code data-race} flag). */
    public boolean racy() {
        return races != null && !races.isEmpty();
    }

    public static Verdict consistent() {
        return new Verdict(null, null, null, null, Set.of());
    }

    public static Verdict rejected(String axiom, String check, Rel relation, Map<String, Rel> parts) {
        return new Verdict(axiom, check, relation, parts, Set.of());
    }

    public boolean isConsistent() {
        return axiom == null;
    }

    /**
     * The offending cycle (or the single offending pair of an {@code empty} check), each edge
     * labelled with the first named part that contains it.
     */
    public List<Explanation.Edge> cycle() {
        if (relation == null) {
            return List.of();
        }
        List<Explanation.Edge> out = new java.util.ArrayList<>();
        if ("empty".equals(check)) {
            List<int[]> pairs = relation.pairs();
            if (!pairs.isEmpty()) {
                out.add(new Explanation.Edge(pairs.get(0)[0], pairs.get(0)[1], label(pairs.get(0)[0], pairs.get(0)[1])));
            }
            return out;
        }
        List<Integer> c = relation.cycle();
        for (int k = 0; k < c.size(); k++) {
            int a = c.get(k);
            int b = c.get((k + 1) % c.size());
            String label = label(a, b);
            List<Explanation.Edge> expanded = steps.containsKey(label) ? expand(a, b, steps.get(label)) : null;
            if (expanded != null) {
                out.addAll(expanded);
            } else {
                out.add(new Explanation.Edge(a, b, label));
            }
        }
        return out;
    }

    /** {@code a -(s1 ; s2 ; ...)-> b} spelled out through intermediate events; null when not found. */
    private static List<Explanation.Edge> expand(int a, int b, List<Step> def) {
        int k = def.size();
        long[] reach = new long[k + 1];
        reach[0] = 1L << a;
        for (int i = 0; i < k; i++) {
            long next = 0;
            long bits = reach[i];
            while (bits != 0) {
                int u = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                next |= def.get(i).rel().row(u);
            }
            reach[i + 1] = next;
        }
        if ((reach[k] >>> b & 1) == 0) {
            return null;
        }
        int[] at = new int[k + 1];
        at[k] = b;
        for (int i = k - 1; i >= 0; i--) {
            long candidates = reach[i];
            int chosen = -1;
            long bits = candidates;
            while (bits != 0) {
                int u = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (def.get(i).rel().has(u, at[i + 1])) {
                    chosen = u;
                    if (u == at[i + 1]) {
                        break; // prefer an identity step: fewer edges to read
                    }
                }
            }
            at[i] = chosen;
        }
        List<Explanation.Edge> out = new java.util.ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (at[i] != at[i + 1]) {
                out.add(new Explanation.Edge(at[i], at[i + 1], def.get(i).name()));
            }
        }
        return out;
    }

    private String label(int a, int b) {
        for (Map.Entry<String, Rel> p : parts.entrySet()) {
            if (p.getValue().has(a, b)) {
                return p.getKey();
            }
        }
        return axiom;
    }
}
