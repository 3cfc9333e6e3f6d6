package daxlab.interleave;

import daxlab.program.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each value met during one enumeration a small int, so that a state is an {@code int[]}.
 * Id 0 is the integer 0, the value of a register nobody wrote.
 */
final class Interner {
    private final List<Value> values = new ArrayList<>();
    private final Map<Value, Integer> ids = new HashMap<>();
    private boolean[] truthy = new boolean[16];
    private int[] location = new int[16];
    private final Map<String, Integer> locationIndex;

    Interner(Map<String, Integer> locationIndex) {
        this.locationIndex = locationIndex;
        id(Value.of(0));
    }

    int id(Value v) {
        Integer id = ids.get(v);
        if (id != null) {
            return id;
        }
        int n = values.size();
        values.add(v);
        ids.put(v, n);
        if (n == truthy.length) {
            truthy = java.util.Arrays.copyOf(truthy, n * 2);
            location = java.util.Arrays.copyOf(location, n * 2);
        }
        truthy[n] = v.truthy();
        location[n] = v instanceof Value.Addr
                ? locationIndex.getOrDefault(((Value.Addr) v).cell(), -1) : -1;
        return n;
    }

    Value value(int id) {
        return values.get(id);
    }

    boolean truthy(int id) {
        return truthy[id];
    }

    /** C equality of two interned values: NULL equals 0. */
    boolean same(int a, int b) {
        return a == b || (!truthy[a] && !truthy[b]);
    }

    /** The location index an address value names, or -1 when the value is not a declared address. */
    int location(int id) {
        return location[id];
    }
}
