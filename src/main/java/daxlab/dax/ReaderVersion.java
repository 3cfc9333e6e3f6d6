package daxlab.dax;

import daxlab.program.Code;

/**
 * The reader axis, {@code dax_holder_notify_failure()}: a version built into daxlab
 * ({@link ReaderVariant}) or one a participant wrote as kernel C ({@link OwnReader}).
 */
public sealed interface ReaderVersion permits ReaderVariant, OwnReader {

    /** The one walk over the two kinds of reader. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of reader; see {@link #accept}. */
    interface Visitor<R> {
        R builtIn(ReaderVariant v);

        R own(OwnReader r);
    }

    /** A stable token for file names, JSON and variant labels: {@code LOAD_ACQUIRE}, {@code yours-acquire-once}. */
    String id();

    /** How a table row names it: {@code double read}, {@code acquire once (yours)}. */
    String label();

    /** A table column's worth: {@code double}, {@code ONCE}, {@code acquire}, or the participant's name. */
    String shortLabel();

    /** One line of C, for tables and legends. */
    String summary();

    Origin origin();

    /** Written in a notebook cell: its rows are marked as the participant's. */
    default boolean participant() {
        return origin() == Origin.PARTICIPANT;
    }

    /**
     * The reader as a thread calls it. With {@code underSrcu}, it runs as in the kernel: inside
     * dax_read_lock() and returning -ENXIO once the device is dead. That part is modelled where
     * it matters: against kill_dax(), against a put that waits for readers, and where the
     * callback's lifetime is the question. {@code readsHolderData}: the callback also reads
     * holder A's data (register {@code read_freed}, 0 unless it read A's data after A freed it).
     * The result goes to register {@code result}.
     */
    void call(Code c, String result, boolean underSrcu, boolean readsHolderData, Setting s);

    /**
     * The observer of put-vs-observer: loads holder_data, then holder_ops, with this reader's
     * access modes (registers {@code seen_data} and {@code seen_ops}).
     */
    void observe(Code c);
}
