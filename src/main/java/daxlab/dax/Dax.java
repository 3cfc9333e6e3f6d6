package daxlab.dax;

import daxlab.program.Value;

/**
 * Names and values of {@code struct dax_device} as the models use them. Holders and their ops
 * tables are symbols: what matters is which holder a pointer belongs to, not its bits.
 */
public final class Dax {
    private Dax() {
    }

    /** {@code dax_dev->holder_data}: who holds the device; the cmpxchg target. */
    public static final String HOLDER_DATA = "holder_data";
    /** {@code dax_dev->holder_ops}: the holder's callbacks, read by dax_holder_notify_failure(). */
    public static final String HOLDER_OPS = "holder_ops";
    /** The DAXDEV_ALIVE bit of {@code dax_dev->flags}, cleared by kill_dax(). */
    public static final String ALIVE = "alive";
    /** The SRCU domain behind dax_read_lock(). */
    public static final String DAX_SRCU = "dax_srcu";
    /**
     * The references holders keep on {@code dax_dev->inode}: igrab() in the get functions adds
     * one, put_dax() (iput) in fs_put_dax() drops one. Counted only in the scenarios whose
     * claims are about references (the others leave it out: it adds steps and settles nothing).
     */
    public static final String I_COUNT = "i_count";
    /**
     * Set once holder A has freed its own data (the filesystem's superblock info) after its
     * fs_put_dax() returned, as an unmount does. A callback that reads A's data after this
     * reads freed memory.
     */
    public static final String A_FREED = "a_freed";

    /** The holder that owns the device at the start of most scenarios. */
    public static final Value A = Value.sym("A");
    /** A holder that wants the device next (calls fs_dax_get()). */
    public static final Value B = Value.sym("B");
    /** A stranger: calls fs_put_dax() with a holder that does not hold the device. */
    public static final Value C = Value.sym("C");
    public static final Value NULL = Value.NULL;

    // Return codes, as the outcomes name them.
    public static final Value OK = Value.sym("OK");
    public static final Value EBUSY = Value.sym("EBUSY");
    public static final Value EOPNOTSUPP = Value.sym("EOPNOTSUPP");
    public static final Value ENXIO = Value.sym("ENXIO");
    /** fs_dax_get() found the device dead (or the get_by_bdev variant returned NULL for it). */
    public static final Value ENODEV = Value.sym("ENODEV");
    /** The reader called through a NULL ops pointer (a kernel oops). */
    public static final Value NULL_CALL = Value.sym("NULL_CALL");
    /** The reader was not reached (kill_dax() saw no holder and skipped the notification). */
    public static final Value SKIPPED = Value.sym("SKIPPED");

    /** The ops table a holder registers: opsA for A. */
    public static Value opsOf(Value holder) {
        return Value.sym("ops" + holder);
    }
}
