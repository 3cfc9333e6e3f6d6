package daxlab.outcome;

import java.util.Comparator;
import java.util.Optional;

/**
 * Two accesses that the LKMM finds racing (its {@code ww-race | wr-race | rw-race}, the pairs
 * behind {@code Flag data-race}): on one location, from two threads, at least one of them plain,
 * and neither ordered before the other. herd7 reads a flagged test as "no guarantee at all": a
 * compiler may tear, fuse or invent plain accesses, so every outcome is possible.
 *
 * @param location   the location both access ({@code holder_ops})
 * @param first      the access of the lower-numbered thread
 * @param second     the other one
 * @param executions in how many of the allowed executions this pair races
 */
public record Race(String location, Access first, Access second, long executions) implements Comparable<Race> {

    /** What an access does to memory. */
    public enum Op {
        LOAD("load"), STORE("store"), RMW("RMW");

        private final String word;

        Op(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One side of a race, as a kernel developer finds it in the code.
     *
     * @param thread   {@code P1}
     * @param function the kernel function the access is in ({@code fs_dax_get}), empty at top level
     * @param code     the access as kernel C ({@code holder_ops = opsB}, {@code ops = READ_ONCE(holder_ops)})
     * @param op       load, store or read-modify-write
     * @param plain    true for an unmarked C access; false for READ_ONCE, smp_load_acquire, cmpxchg, ...
     */
    public record Access(String thread, Optional<String> function, String code, Op op, boolean plain) {
        /** {@code P1 fs_dax_get: holder_ops = opsB (plain store)} */
        public String text() {
            return thread + function.map(f -> " " + f).orElse("") + ": " + code + " ("
                    + (plain ? "plain " : "marked ") + op.word() + ")";
        }
    }

    private static final Comparator<Access> ACCESS_ORDER = Comparator.comparing(Access::thread)
            .thenComparing(Access::code).thenComparing(a -> a.function().orElse(""));
    private static final Comparator<Race> ORDER = Comparator.comparing(Race::location)
            .thenComparing(Race::first, ACCESS_ORDER).thenComparing(Race::second, ACCESS_ORDER);

    /** The same two accesses, racing in {@code n} executions. */
    public Race withExecutions(long n) {
        return new Race(location, first, second, n);
    }

    /** {@code holder_ops: P1 fs_dax_get: holder_ops = opsB (plain store) vs P2 ...: ... (marked load), in 5 executions} */
    public String text() {
        return location + ": " + first.text() + " vs " + second.text() + ", in " + executions
                + (executions == 1 ? " execution" : " executions");
    }

    /**
     * By location, then by the two accesses (thread, code): a stable order for printing. The
     * execution count takes no part, so two counts of one pair compare equal (unlike equals).
     */
    @Override
    public int compareTo(Race o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return text();
    }
}
