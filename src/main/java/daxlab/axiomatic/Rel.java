package daxlab.axiomatic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary relation on the events of one execution (at most 64 of them), as one {@code long}
 * bitmask per row: bit {@code j} of {@code row[i]} is the edge {@code i -> j}. Sets of events are
 * plain {@code long}s. Every operator returns a new relation, so a model can be written as a
 * list of {@code let}s, the way its cat file is.
 *
 * <p>Names follow cat: {@link #seq} is {@code ;}, {@link #union} is {@code |}, {@link #inter} is
 * {@code &}, {@link #minus} is {@code \}, {@link #inverse} is {@code ^-1}, {@link #plus} is
 * {@code +}, {@link #star} is {@code *}, {@link #opt} is {@code ?}, {@link #id(int, long)} is
 * {@code [S]}.
 */
public final class Rel {
    /** At most this many events: one bit each in a {@code long}. */
    public static final int MAX_EVENTS = 64;

    private final long[] row;

    private Rel(long[] row) {
        this.row = row;
    }

    public static Rel empty(int n) {
        if (n > MAX_EVENTS) {
            throw new IllegalArgumentException("at most " + MAX_EVENTS + " events, got " + n);
        }
        return new Rel(new long[n]);
    }

    /** {@code [S]}: the identity on the set {@code s}. */
    public static Rel id(int n, long s) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            if ((s >>> i & 1) != 0) {
                r[i] = 1L << i;
            }
        }
        return new Rel(r);
    }

    /** {@code S * T}: every pair from {@code s} to {@code t}. */
    public static Rel product(int n, long s, long t) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            if ((s >>> i & 1) != 0) {
                r[i] = t;
            }
        }
        return new Rel(r);
    }

    /**
     * The strict total order of {@code order} (each event before every later one), as a coherence
     * order is: transitive, so that {@code co} needs no closure.
     */
    public static Rel totalOrder(int n, List<Integer> order) {
        long[] r = new long[n];
        long later = 0;
        for (int i = order.size() - 1; i >= 0; i--) {
            r[order.get(i)] = later;
            later |= 1L << order.get(i);
        }
        return new Rel(r);
    }

    /** A relation from its rows (the array is copied). */
    public static Rel of(long[] rows) {
        if (rows.length > MAX_EVENTS) {
            throw new IllegalArgumentException("at most " + MAX_EVENTS + " events, got " + rows.length);
        }
        return new Rel(rows.clone());
    }

    /** A mutable builder, for the base relations an execution computes edge by edge. */
    public static Builder builder(int n) {
        return new Builder(n);
    }

    public int size() {
        return row.length;
    }

    public long row(int i) {
        return row[i];
    }

    public boolean has(int i, int j) {
        return (row[i] >>> j & 1) != 0;
    }

    public Rel union(Rel o) {
        long[] r = new long[row.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = row[i] | o.row[i];
        }
        return new Rel(r);
    }

    public Rel union(Rel... others) {
        Rel out = this;
        for (Rel o : others) {
            out = out.union(o);
        }
        return out;
    }

    public Rel inter(Rel o) {
        long[] r = new long[row.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = row[i] & o.row[i];
        }
        return new Rel(r);
    }

    public Rel minus(Rel o) {
        long[] r = new long[row.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = row[i] & ~o.row[i];
        }
        return new Rel(r);
    }

    /** {@code this ; o}: relational composition. */
    public Rel seq(Rel o) {
        long[] r = new long[row.length];
        for (int i = 0; i < r.length; i++) {
            long bits = row[i];
            long acc = 0;
            while (bits != 0) {
                int k = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                acc |= o.row[k];
            }
            r[i] = acc;
        }
        return new Rel(r);
    }

    /** {@code r1 ; r2 ; ...}, left to right. */
    public static Rel seq(Rel first, Rel... rest) {
        Rel out = first;
        for (Rel o : rest) {
            out = out.seq(o);
        }
        return out;
    }

    /** {@code [S] ; this}. */
    public Rel from(long s) {
        long[] r = new long[row.length];
        for (int i = 0; i < r.length; i++) {
            if ((s >>> i & 1) != 0) {
                r[i] = row[i];
            }
        }
        return new Rel(r);
    }

    /** {@code this ; [T]}. */
    public Rel to(long t) {
        long[] r = new long[row.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = row[i] & t;
        }
        return new Rel(r);
    }

    /** {@code [S] ; this ; [T]}. */
    public Rel restrict(long s, long t) {
        return from(s).to(t);
    }

    public Rel inverse() {
        long[] r = new long[row.length];
        for (int i = 0; i < r.length; i++) {
            long bits = row[i];
            while (bits != 0) {
                int j = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                r[j] |= 1L << i;
            }
        }
        return new Rel(r);
    }

    /** {@code this+}: transitive closure (Warshall on bit rows). */
    public Rel plus() {
        long[] r = row.clone();
        for (int k = 0; k < r.length; k++) {
            long kbit = 1L << k;
            long rk = r[k];
            for (int i = 0; i < r.length; i++) {
                if ((r[i] & kbit) != 0) {
                    r[i] |= rk;
                }
            }
        }
        return new Rel(r);
    }

    /** {@code this*}: reflexive-transitive closure. */
    public Rel star() {
        return plus().opt();
    }

    /** {@code this?}: reflexive closure. */
    public Rel opt() {
        long[] r = row.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] |= 1L << i;
        }
        return new Rel(r);
    }

    public long domain() {
        long d = 0;
        for (int i = 0; i < row.length; i++) {
            if (row[i] != 0) {
                d |= 1L << i;
            }
        }
        return d;
    }

    public long range() {
        long r = 0;
        for (long x : row) {
            r |= x;
        }
        return r;
    }

    public boolean isEmpty() {
        for (long x : row) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    public boolean irreflexive() {
        for (int i = 0; i < row.length; i++) {
            if ((row[i] >>> i & 1) != 0) {
                return false;
            }
        }
        return true;
    }

    /** No cycle: checked by peeling off events with no predecessor (Kahn), without a closure. */
    public boolean acyclic() {
        int n = row.length;
        long remaining = n == 64 ? -1L : (1L << n) - 1;
        boolean progress = true;
        while (remaining != 0 && progress) {
            progress = false;
            long targets = 0;
            for (int i = 0; i < n; i++) {
                if ((remaining >>> i & 1) != 0) {
                    targets |= row[i] & remaining;
                }
            }
            long sources = remaining & ~targets;
            if (sources != 0) {
                remaining &= ~sources;
                progress = true;
            }
        }
        return remaining == 0;
    }

    /**
     * One shortest cycle of this relation, as the list of its events (the edge from the last back
     * to the first closes it), or an empty list when it is acyclic. Used to explain a rejection.
     */
    public List<Integer> cycle() {
        int n = row.length;
        List<Integer> best = List.of();
        for (int start = 0; start < n; start++) {
            // Breadth-first search from start back to start.
            int[] parent = new int[n];
            Arrays.fill(parent, -1);
            long seen = 0;
            List<Integer> frontier = new ArrayList<>(List.of(start));
            boolean found = false;
            int last = -1;
            while (!frontier.isEmpty() && !found) {
                List<Integer> next = new ArrayList<>();
                for (int u : frontier) {
                    if (has(u, start)) {
                        found = true;
                        last = u;
                        break;
                    }
                    long bits = row[u] & ~seen;
                    while (bits != 0) {
                        int v = Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        seen |= 1L << v;
                        parent[v] = u;
                        next.add(v);
                    }
                }
                frontier = next;
            }
            if (found) {
                List<Integer> path = new ArrayList<>();
                for (int v = last; v != start && v != -1; v = parent[v]) {
                    path.add(0, v);
                }
                path.add(0, start);
                if (best.isEmpty() || path.size() < best.size()) {
                    best = path;
                }
            }
        }
        return best;
    }

    /** The pairs, as {@code [i, j]} arrays in row order. */
    public List<int[]> pairs() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            long bits = row[i];
            while (bits != 0) {
                int j = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                out.add(new int[] {i, j});
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rel && Arrays.equals(row, ((Rel) o).row);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(row);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int[] p : pairs()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(p[0]).append("->").append(p[1]);
        }
        return sb.append('}').toString();
    }

    /** Edge-by-edge construction. */
    public static final class Builder {
        private final long[] row;

        private Builder(int n) {
            if (n > MAX_EVENTS) {
                throw new IllegalArgumentException("at most " + MAX_EVENTS + " events, got " + n);
            }
            row = new long[n];
        }

        public Builder add(int i, int j) {
            row[i] |= 1L << j;
            return this;
        }

        public Rel build() {
            return new Rel(row.clone());
        }
    }
}
