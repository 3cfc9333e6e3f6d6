package daxlab.axiomatic;

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
 */
public record Verdict(String axiom, String check, Rel relation, Map<String, Rel> parts, Set<String> flags) {
    public Verdict {
        parts = parts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    public static Verdict consistent(Set<String> flags) {
        return new Verdict(null, null, null, null, flags);
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
            out.add(new Explanation.Edge(a, b, label(a, b)));
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
