package daxlab.program;

/**
 * How a kernel primitive orders a memory access (docs/primitives.md). The names follow the LKMM tags.
 *
 * <p>For a read-modify-write the mode is the ordering of a <em>successful</em> operation; a
 * failed {@code cmpxchg} is always a {@link #ONCE} read with no ordering, as in Linux.
 */
public enum Mode {
    /** An unmarked C access ({@code dev->holder_ops = NULL}): the compiler may tear, fuse or reorder it. */
    PLAIN,
    /** {@code READ_ONCE} / {@code WRITE_ONCE}: one access, no ordering. */
    ONCE,
    /** {@code smp_load_acquire}, {@code cmpxchg_acquire}. */
    ACQUIRE,
    /** {@code smp_store_release}, {@code cmpxchg_release}. */
    RELEASE,
    /** {@code cmpxchg_relaxed}, {@code xchg_relaxed}: atomic but unordered. */
    RELAXED,
    /** A fully ordered RMW: {@code cmpxchg}, {@code xchg} (as if {@code smp_mb()} before and after). */
    FULL,
    /**
     * The void atomics ({@code atomic_inc()}, {@code atomic_add()}, {@code atomic_and()} ...): an
     * unordered RMW whose read returns nothing, which {@code smp_rmb()} does not order (the LKMM's
     * {@code Noreturn}).
     */
    NORETURN
}
