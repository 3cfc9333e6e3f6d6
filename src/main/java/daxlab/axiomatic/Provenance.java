package daxlab.axiomatic;

import daxlab.program.Instr;
import daxlab.program.Value;
import daxlab.program.Walk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which values a location can hold, collected with where each came from, so that a value chain
 * never passes twice through one store instruction. In one execution a thread runs each of its
 * instructions at most once (litmus tests have no loops), so the value a write stores is computed
 * (through data dependencies and reads-from) from writes of other instructions only. Without this,
 * {@code atomic_add(1, x)} applied to its own result round after round made x range over
 * 0, 1, 2, ... as far as the rounds went, and every read of x fork as often, though no execution
 * stores more than 1 there.
 *
 * <p>Each value is kept with the sets of (thread, instruction) pairs that can produce it (as bit
 * masks, only the minimal ones). An instruction that a thread can run more than once (the same
 * instruction object met twice in its code, as a function called twice) gets no bit and restricts
 * nothing; with more than 63 instructions that store, none does, and the collection is what it was.
 */
final class Provenance {
    /** Per thread, the bit of each instruction that stores (0: no restriction). */
    private final List<Map<Instr, Long>> bits = new ArrayList<>();
    /** Per location and value, the minimal masks of instructions it may come from. */
    private final Map<String, Map<Value, Set<Long>>> masks = new HashMap<>();

    Provenance(daxlab.program.Program program) {
        int next = 0;
        List<Map<Instr, Integer>> ids = new ArrayList<>();
        for (daxlab.program.ThreadCode t : program.threads()) {
            Map<Instr, Integer> seen = new IdentityHashMap<>();
            Set<Instr> repeated = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            Walk.each(t.body(), i -> {
                if (seen.containsKey(i)) {
                    repeated.add(i);
                } else {
                    seen.put(i, 0);
                }
            });
            Map<Instr, Integer> own = new IdentityHashMap<>();
            for (Instr i : seen.keySet()) {
                if (!repeated.contains(i) && i.touchesSharedState()) {
                    own.put(i, next++);
                }
            }
            ids.add(own);
        }
        boolean fits = next <= 63;
        for (Map<Instr, Integer> own : ids) {
            Map<Instr, Long> b = new IdentityHashMap<>();
            own.forEach((i, id) -> b.put(i, fits ? 1L << id : 0L));
            bits.add(b);
        }
    }

    /** The values already in {@code domains} (initial, seeded) come from no store. */
    void seed(Map<String, Set<Value>> domains) {
        domains.forEach((loc, vs) -> vs.forEach(v -> add(loc, v, 0L)));
    }

    /**
     * Adds what the writes of one collected path store, each value with its origins, to
     * {@code domains}; returns whether some location got a new value.
     */
    boolean collect(ThreadTrace tr, Map<String, Set<Value>> domains) {
        boolean grew = false;
        List<Event> events = tr.events();
        for (int w = 0; w < events.size(); w++) {
            Event e = events.get(w);
            if (!e.isWrite()) {
                continue;
            }
            long self = bits.get(tr.thread()).getOrDefault(e.source().orElseThrow(), 0L);
            Set<Long> from = new HashSet<>(Set.of(0L));
            for (int[] d : tr.data()) {
                if (d[1] != w) {
                    continue;
                }
                Event r = events.get(d[0]);
                Set<Long> origins = originsOf(r.location(), r.value());
                Set<Long> joined = new HashSet<>();
                for (long a : from) {
                    for (long b : origins) {
                        joined.add(a | b);
                    }
                }
                from = joined;
            }
            for (long m : from) {
                if ((m & self) != 0) {
                    continue; // the value would pass through this very store twice
                }
                // A smaller origin for a known value counts as growth too: a store it did not
                // let through before may now take the value further.
                if (add(e.location(), e.value(), m | self)) {
                    domains.computeIfAbsent(e.location(), k -> new LinkedHashSet<>()).add(e.value());
                    grew = true;
                }
            }
        }
        return grew;
    }

    /** The masks a value read from {@code loc} may come from; an initial or seeded value from nothing. */
    private Set<Long> originsOf(String loc, Value v) {
        Set<Long> m = masks.getOrDefault(loc, Map.of()).get(v);
        return m == null ? Set.of(0L) : m;
    }

    /** Records an origin unless a smaller one is known; returns whether it was new. */
    private boolean add(String loc, Value v, long mask) {
        Set<Long> known = masks.computeIfAbsent(loc, k -> new HashMap<>()).computeIfAbsent(v, k -> new HashSet<>());
        for (long k : known) {
            if ((k & mask) == k) {
                return false;
            }
        }
        known.removeIf(k -> (k & mask) == mask);
        known.add(mask);
        return true;
    }
}
