package daxlab.stress;

/**
 * A holder's {@code struct dax_holder_operations}. Its one callback, {@code notify_failure()},
 * finds its context through {@code dax_holder(dev)}: a plain load of holder_data. The reader's
 * outcome {@code OK(opsA,B)} says "A's callback ran with B's holder_data", the wrong-context bug.
 */
public final class HolderOps {
    private final Holder owner;
    private final String name;
    /** {@code OK(opsX,<holder>)} for each holder_data the callback can find, made once. */
    private final String[] okWith;

    HolderOps(Holder owner) {
        this.owner = owner;
        this.name = "ops" + owner;
        this.okWith = new String[Holder.count()];
        for (int i = 0; i < okWith.length; i++) {
            okWith[i] = "OK(" + name + "," + Holder.nameOf(i) + ")";
        }
    }

    public Holder owner() {
        return owner;
    }

    /**
     * The holder's {@code notify_failure(dev, ...)}: {@code holder = dax_holder(dev)} (a plain
     * load), then the real work, which here is reporting whom it ran for.
     */
    String notifyFailure(Device dev) {
        return okWith[Holder.indexOf(dev.daxHolder())];
    }

    /** {@code opsA}, or {@code NULL} for null. */
    public static String name(HolderOps ops) {
        return ops == null ? Holder.NULL : ops.name;
    }

    @Override
    public String toString() {
        return name;
    }
}
