package daxlab.axiomatic;

import java.util.ArrayList;
import java.util.List;

/**
 * The accesses of one data location in a skeleton, as the choices of rf and co need them: its
 * initial write, its writes and reads in event order, and for each read the writes of the value
 * it returns (the only writes it can read from).
 *
 * @param init    the initial write, or -1 for a cell no initial write covers ({@code x+1})
 * @param writes  the location's writes after the initial one, in event order
 * @param reads   its reads, in event order
 * @param sources for each read, the writes (the initial one included) of the value it returns
 */
record DataLocation(int init, List<Integer> writes, List<Integer> reads, List<int[]> sources) {

    /** The accesses of {@code l}, or null when a read returns a value no write of {@code l} writes. */
    static DataLocation of(Skeleton sk, String l) {
        int init = -1;
        List<Integer> ws = new ArrayList<>();
        List<Integer> rs = new ArrayList<>();
        for (int i = 0; i < sk.n; i++) {
            Event e = sk.events[i];
            if (!e.isMemory() || !e.location().equals(l)) {
                continue;
            }
            if (e.isInit()) {
                init = i;
            } else if (e.isWrite()) {
                ws.add(i);
            } else {
                rs.add(i);
            }
        }
        List<int[]> sources = new ArrayList<>();
        for (int r : rs) {
            List<Integer> s = new ArrayList<>();
            for (int w = 0; w < sk.n; w++) {
                Event e = sk.events[w];
                if (e.isWrite() && e.location().equals(l) && e.value().equals(sk.events[r].value())) {
                    s.add(w);
                }
            }
            if (s.isEmpty()) {
                return null;
            }
            sources.add(s.stream().mapToInt(Integer::intValue).toArray());
        }
        return new DataLocation(init, ws, rs, sources);
    }

    /** The coherence order that puts the initial write first and then {@code writes} as they stand now. */
    Rel co(int n) {
        List<Integer> chain = new ArrayList<>(writes.size() + 1);
        if (init >= 0) {
            chain.add(init);
        }
        chain.addAll(writes);
        return Rel.totalOrder(n, chain);
    }
}
