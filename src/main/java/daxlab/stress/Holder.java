package daxlab.stress;

/**
 * A holder pointer ({@code void *holder}): A, B or the stranger C. Only its identity matters, as in
 * the kernel, where holder_data is compared by address in cmpxchg().
 *
 * <p>Every value an outcome reports is a constant string made here once, so the stress loop
 * allocates nothing and the strings read like the enumeration's values ({@code A},
 * {@code opsB}, {@code OK(opsA,B)}).
 */
public final class Holder {
    /** Outcome names by index (0 is NULL); first, because the ops tables below need them. */
    private static final String[] NAMES = {"NULL", "A", "B", "C"};

    public static final Holder A = new Holder("A", 1);
    public static final Holder B = new Holder("B", 2);
    public static final Holder C = new Holder("C", 3);

    /** The outcome text of a NULL pointer, as {@code daxlab.program.Value.NULL} prints it. */
    public static final String NULL = "NULL";

    private static final Holder[] ALL = {A, B, C};

    private final String name;
    private final int index;
    private final HolderOps ops;

    private Holder(String name, int index) {
        this.name = name;
        this.index = index;
        this.ops = new HolderOps(this);
    }

    /** The ops table this holder registers with fs_dax_get(): opsA for A. */
    public HolderOps ops() {
        return ops;
    }

    /** 0 for NULL, 1.. for A, B, C: an index into per-holder tables. */
    static int indexOf(Holder h) {
        return h == null ? 0 : h.index;
    }

    /** How many values holder_data can hold: NULL, A, B, C. */
    static int count() {
        return NAMES.length;
    }

    /** The outcome name of the holder with index {@code i} (0 is NULL). */
    static String nameOf(int i) {
        return NAMES[i];
    }

    /** The holder named {@code A}, {@code B} or {@code C}. */
    public static Holder byName(String name) {
        for (Holder h : ALL) {
            if (h.name.equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException("no holder '" + name + "'; holders: A, B, C");
    }

    /** {@code A}, or {@code NULL} for null. */
    public static String name(Holder h) {
        return h == null ? NULL : h.name;
    }

    @Override
    public String toString() {
        return name;
    }
}
