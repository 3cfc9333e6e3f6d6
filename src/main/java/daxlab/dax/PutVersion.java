package daxlab.dax;

import daxlab.program.Code;
import daxlab.program.Value;

/**
 * The fs_put_dax() axis: a version built into daxlab ({@link PutVariant}) or one a participant
 * wrote as kernel C ({@link OwnPut}). Everything that runs a scenario takes this type, so that a
 * participant's version goes wherever a built-in one goes; what only one kind can do (a jcstress
 * twin, the abridged kernel text of a built-in) goes through {@link #accept}.
 */
public sealed interface PutVersion permits PutVariant, OwnPut {

    /** The one walk over the two kinds of version. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of version; see {@link #accept}. */
    interface Visitor<R> {
        R builtIn(PutVariant v);

        R own(OwnPut p);
    }

    /**
     * A stable token for file names, JSON and variant labels: {@code PATCH_V1}, or
     * {@code yours-check-then-release} for a participant's version.
     */
    String id();

    /** How a table row names it: {@code PATCH v1}, {@code check, then release (yours)}. */
    String label();

    /** One line of C, for tables and legends. */
    String summary();

    Origin origin();

    /** Nobody proposed this version: a row for it is marked hypothetical. */
    default boolean hypothetical() {
        return origin() == Origin.HYPOTHETICAL;
    }

    /** Written in a notebook cell: its rows are marked as the participant's. */
    default boolean participant() {
        return origin() == Origin.PARTICIPANT;
    }

    /** Whether this version keeps WARN_ON bookkeeping in register {@code warn} (outcome field {@code warn}). */
    boolean warns();

    /**
     * Whether this version waits for SRCU readers; the scenarios then model the reader's
     * dax_read_lock() section too, as the kernel has it.
     */
    boolean usesSrcu();

    /** The whole call {@code fs_put_dax(dax_dev, holder)}, as a thread's code. */
    void call(Code c, Value holder, Setting s);
}
