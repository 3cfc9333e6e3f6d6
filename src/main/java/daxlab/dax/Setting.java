package daxlab.dax;

/**
 * What a scenario asks of every function it inlines: how the accessors around fs_put_dax() are
 * marked, and whether the inode references are counted ({@link Dax#I_COUNT}).
 *
 * @param accessors  plain as in mainline, or marked
 * @param references whether igrab()/put_dax() are modelled as increments and decrements of
 *                   {@link Dax#I_COUNT}
 */
public record Setting(Accessors accessors, boolean references) {
    /** Mainline's accessors, references not counted: what most scenarios use. */
    public static final Setting MAINLINE = new Setting(Accessors.MAINLINE, false);
}
