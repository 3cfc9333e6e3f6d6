package daxlab.interleave;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The states reached after one number of steps, each with the number of schedules reaching it
 * and the first (predecessor, thread) that did. States live packed in one int arena with an
 * open-addressing index, so a successor that is already known costs a hash and a compare, not
 * an allocation. Insertion order is kept: states are numbered 0, 1, 2, ... as first reached.
 */
final class Level {
    private final int width;
    private int size;
    private int[] arena;
    private long[] count;
    private BigInteger[] big;
    private int[] parent;
    private int[] thread;
    private int[] slots;     // index + 1, 0 = empty
    private int[] hashes;

    Level(int width, int expected) {
        this.width = width;
        int cap = Math.max(16, Integer.highestOneBit(Math.max(1, expected)) * 2);
        arena = new int[cap * width];
        count = new long[cap];
        parent = new int[cap];
        thread = new int[cap];
        hashes = new int[cap];
        slots = new int[cap * 2];
    }

    int size() {
        return size;
    }

    /** Copies state {@code i} into {@code out}. */
    void state(int i, int[] out) {
        System.arraycopy(arena, i * width, out, 0, width);
    }

    int parent(int i) {
        return parent[i];
    }

    int thread(int i) {
        return thread[i];
    }

    /** The index of {@code s}, adding it (with a zero count) if new. {@link #added} tells which. */
    int findOrAdd(int[] s, int from, int byThread) {
        int h = hash(s);
        int mask = slots.length - 1;
        int pos = h & mask;
        while (true) {
            int slot = slots[pos];
            if (slot == 0) {
                break;
            }
            int i = slot - 1;
            if (hashes[i] == h && Arrays.equals(arena, i * width, i * width + width, s, 0, width)) {
                added = false;
                return i;
            }
            pos = (pos + 1) & mask;
        }
        if (size == count.length) {
            grow();
            return findOrAdd(s, from, byThread);
        }
        int i = size++;
        System.arraycopy(s, 0, arena, i * width, width);
        hashes[i] = h;
        parent[i] = from;
        thread[i] = byThread;
        slots[pos] = i + 1;
        added = true;
        return i;
    }

    /** Whether the last {@link #findOrAdd} added a new state. */
    boolean added;

    void add(int i, long c, BigInteger cBig) {
        if (big == null || big[i] == null) {
            if (cBig == null) {
                long r = count[i] + c;
                if (((count[i] ^ r) & (c ^ r)) >= 0) {
                    count[i] = r;
                    return;
                }
            }
            if (big == null) {
                big = new BigInteger[count.length];
            }
            big[i] = BigInteger.valueOf(count[i]);
        }
        big[i] = big[i].add(cBig != null ? cBig : BigInteger.valueOf(c));
    }

    long smallCount(int i) {
        return count[i];
    }

    /** The exact count when it no longer fits a long, else null. */
    BigInteger bigCount(int i) {
        return big == null ? null : big[i];
    }

    BigInteger countOf(int i) {
        BigInteger b = bigCount(i);
        return b != null ? b : BigInteger.valueOf(count[i]);
    }

    private static int hash(int[] s) {
        int h = 1;
        for (int v : s) {
            h = 31 * h + v;
        }
        return h ^ (h >>> 16);
    }

    private void grow() {
        int cap = count.length * 2;
        arena = Arrays.copyOf(arena, cap * width);
        count = Arrays.copyOf(count, cap);
        if (big != null) {
            big = Arrays.copyOf(big, cap);
        }
        parent = Arrays.copyOf(parent, cap);
        thread = Arrays.copyOf(thread, cap);
        hashes = Arrays.copyOf(hashes, cap);
        slots = new int[cap * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int pos = hashes[i] & mask;
            while (slots[pos] != 0) {
                pos = (pos + 1) & mask;
            }
            slots[pos] = i + 1;
        }
    }
}
