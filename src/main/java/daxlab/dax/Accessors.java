package daxlab.dax;

import daxlab.program.Mode;

/**
 * How the functions around fs_put_dax() and the reader access {@code holder_data} and
 * {@code holder_ops}: {@code fs_dax_get()}'s and {@code fs_dax_get_by_bdev()}'s store of the ops,
 * {@code dax_holder()}'s load, and {@code kill_dax()}'s test and stores. Mainline uses plain C
 * accesses there; where they race with a marked access the LKMM flags a data race, which says
 * nothing about fs_put_dax() itself. A candidate fix that marks them is a separate choice from
 * its fs_put_dax() and its reader, so it is its own axis.
 */
public enum Accessors {
    /** As in mainline: plain loads and stores. */
    MAINLINE("plain accesses, as in mainline"),
    /** Every such access marked: WRITE_ONCE() for the stores, READ_ONCE() for the loads. */
    MARKED("WRITE_ONCE()/READ_ONCE() in fs_dax_get(), fs_dax_get_by_bdev(), dax_holder(), kill_dax()");

    private final String summary;

    Accessors(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }

    /** The mode of what mainline writes as a plain access. */
    Mode mode() {
        return this == MAINLINE ? Mode.PLAIN : Mode.ONCE;
    }
}
