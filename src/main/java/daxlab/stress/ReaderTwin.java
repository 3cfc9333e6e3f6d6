package daxlab.stress;

/**
 * The Java twins of {@code daxlab.dax.ReaderVariant}, {@code dax_holder_notify_failure()}.
 *
 * <p>Today's reader, {@code DOUBLE_READ}, has two twins, and the difference between them is a
 * lesson of its own. The C code reads {@code dev->holder_ops} twice with plain loads. Written the
 * same way in Java ({@link #DOUBLE_READ_PLAIN}), C1 and C2 see two loads of one field with
 * nothing between them and keep only one: once compiled, the race is gone from the machine code
 * and stress almost never shows it. Opaque loads ({@link #DOUBLE_READ_OPAQUE}) must each happen,
 * so the window between them stays open and the NULL call shows. A C compiler may merge or keep
 * the two plain loads as it likes; that freedom is why the kernel wants {@code READ_ONCE()}.
 */
public enum ReaderTwin {
    /** Two plain loads, as the C source reads: the JIT may merge them into one. */
    DOUBLE_READ_PLAIN("DOUBLE_READ", "two plain loads of holder_ops (the JIT may merge them)") {
        @Override
        public String notifyFailure(Device dev) {
            if (dev.loadHolderOps() == null) {
                return EOPNOTSUPP;
            }
            HolderOps ops = dev.loadHolderOps();
            return ops == null ? NULL_CALL : ops.notifyFailure(dev);
        }
    },
    /** Two opaque loads: both happen, so the NULL store can fall between them. */
    DOUBLE_READ_OPAQUE("DOUBLE_READ", "two opaque loads of holder_ops (both are kept)") {
        @Override
        public String notifyFailure(Device dev) {
            if (dev.readOnceHolderOps() == null) {
                return EOPNOTSUPP;
            }
            HolderOps ops = dev.readOnceHolderOps();
            return ops == null ? NULL_CALL : ops.notifyFailure(dev);
        }
    },
    /** {@code ops = READ_ONCE(dev->holder_ops);} then the test and the call use the local. */
    READ_ONCE("READ_ONCE", "one READ_ONCE (opaque load) into a local") {
        @Override
        public String notifyFailure(Device dev) {
            HolderOps ops = dev.readOnceHolderOps();
            return ops == null ? EOPNOTSUPP : ops.notifyFailure(dev);
        }
    },
    /** {@code ops = smp_load_acquire(&dev->holder_ops);} then the local. */
    LOAD_ACQUIRE("LOAD_ACQUIRE", "one smp_load_acquire (getAcquire) into a local") {
        @Override
        public String notifyFailure(Device dev) {
            HolderOps ops = dev.loadAcquireHolderOps();
            return ops == null ? EOPNOTSUPP : ops.notifyFailure(dev);
        }
    };

    /** {@code -EOPNOTSUPP}: no ops registered. */
    public static final String EOPNOTSUPP = "EOPNOTSUPP";
    /**
     * The second read found NULL and the kernel would call through it (an oops). Java would
     * throw; the twin reports it instead, so that a run counts it rather than dies.
     */
    public static final String NULL_CALL = "NULL_CALL";
    /** {@code -ENXIO}: the device is dead. */
    public static final String ENXIO = "ENXIO";

    private final String variantName;
    private final String summary;

    ReaderTwin(String variantName, String summary) {
        this.variantName = variantName;
        this.summary = summary;
    }

    /** {@code dax_holder_notify_failure(dev, ...)}, without dax_read_lock() (no kill_dax here). */
    public abstract String notifyFailure(Device dev);

    /**
     * The reader as the kernel runs it, inside {@code dax_read_lock()}, for the put variants that
     * wait for readers with {@code synchronize_srcu()}:
     * <pre>
     * id = dax_read_lock();
     * if (!dax_alive(dev)) rc = -ENXIO; else rc = ...the ops call above...;
     * dax_read_unlock(id);
     * </pre>
     */
    public final String notifyFailureUnderSrcu(Device dev) {
        dev.srcuReadLock();
        String rc = dev.daxAlive() == 0 ? ENXIO : notifyFailure(dev);
        dev.srcuReadUnlock();
        return rc;
    }

    /**
     * The observer of put-vs-observer, first load: holder_data, with this reader's mode for it
     * (plain; READ_ONCE; acquire for LOAD_ACQUIRE). Call {@link #observeHolderOps} right after:
     * the two loads in this order are the review's concern #1 (new holder_data, old ops).
     */
    public String observeHolderData(Device dev) {
        switch (this) {
            case DOUBLE_READ_PLAIN:
                return Holder.name(dev.daxHolder());
            case LOAD_ACQUIRE:
                return Holder.name(dev.loadAcquireHolderData());
            default:
                return Holder.name(dev.readOnceHolderData());
        }
    }

    /** The observer's second load: holder_ops (plain for DOUBLE_READ_PLAIN, else READ_ONCE). */
    public String observeHolderOps(Device dev) {
        return HolderOps.name(this == DOUBLE_READ_PLAIN ? dev.loadHolderOps() : dev.readOnceHolderOps());
    }

    /** The IR variant this twins. */
    public daxlab.dax.ReaderVariant variant() {
        return daxlab.dax.ReaderVariant.valueOf(variantName);
    }

    /** What the Java code does, in one line. */
    public String summary() {
        return summary;
    }

    /** Whether this twin reads holder_ops with the IR variant's own access modes. */
    public boolean sameModesAsVariant() {
        return this != DOUBLE_READ_OPAQUE;
    }

    /**
     * The twin for a name: a twin's name, or an IR variant's name when it has exactly one twin
     * ({@code DOUBLE_READ} has two; it means {@link #DOUBLE_READ_OPAQUE}, the one that keeps
     * both loads as the source has them).
     */
    public static ReaderTwin byName(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (n.equals("DOUBLE_READ")) {
            return DOUBLE_READ_OPAQUE;
        }
        for (ReaderTwin t : values()) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown reader '" + name + "'; valid readers: DOUBLE_READ (= DOUBLE_READ_OPAQUE), "
                + java.util.Arrays.toString(values()).replaceAll("[\\[\\]]", ""));
    }
}
