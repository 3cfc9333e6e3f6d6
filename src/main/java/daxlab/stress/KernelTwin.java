package daxlab.stress;

/**
 * The Java twins of {@code daxlab.dax.Functions}: the functions with one version only.
 * {@code kill_dax()} has none yet: it waits for SRCU readers, and a faithful SRCU is its own
 * piece of work, so the kill scenarios are enumerated but not stressed ({@link Twins} lists
 * that gap explicitly, and a test keeps the list honest).
 */
public final class KernelTwin {
    /** fs_dax_get() took the device. */
    public static final String OK = "OK";
    /** fs_dax_get() found the device held. */
    public static final String EBUSY = "EBUSY";

    private KernelTwin() {
    }

    /**
     * {@code fs_dax_get(dev, holder, hops)}:
     * <pre>
     * if (cmpxchg(&dev->holder_data, NULL, holder)) return -EBUSY;
     * dev->holder_ops = hops;                   // plain store
     * </pre>
     */
    public static String fsDaxGet(Device dev, Holder holder) {
        if (dev.cmpxchgHolderData(null, holder) != null) {
            return EBUSY;
        }
        dev.storeHolderOps(holder.ops());
        return OK;
    }
}
