package daxlab.stress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code struct dax_device}, the two fields the thread argues about, and one method per kernel
 * primitive that touches them. Each method is the Java access mode of {@link PrimitiveTable}'s table,
 * so the twins read like the C code: {@code dev.storeReleaseHolderOps(null)} is
 * {@code smp_store_release(&dev->holder_ops, NULL)}.
 *
 * <p>Why methods and not VarHandle calls in the twins: the methods are tiny and the JIT inlines
 * them (no subclass is loaded in a stress run), and a test subclass ({@link TracingDevice}) can
 * record every access, which is how the twins are checked against the IR programs of
 * {@code daxlab.dax} step by step.
 *
 * <p>The plain methods use plain field accesses, not {@code VarHandle.get}: that is what the
 * kernel's unmarked {@code dev->holder_ops} is, and it leaves the JIT free to merge, hoist and
 * reorder, as a C compiler is.
 */
public class Device {
    private static final VarHandle HOLDER_DATA;
    private static final VarHandle HOLDER_OPS;
    private static final VarHandle ALIVE;
    private static final VarHandle SRCU_READERS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HOLDER_DATA = l.findVarHandle(Device.class, "holderData", Holder.class);
            HOLDER_OPS = l.findVarHandle(Device.class, "holderOps", HolderOps.class);
            ALIVE = l.findVarHandle(Device.class, "alive", int.class);
            SRCU_READERS = l.findVarHandle(Device.class, "srcuReaders", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code dev->holder_data}: who holds the device; the cmpxchg target. */
    private Holder holderData;
    /** {@code dev->holder_ops}: the holder's callbacks. */
    private HolderOps holderOps;
    /** The DAXDEV_ALIVE bit of {@code dev->flags}; nothing here kills the device. */
    private int alive = 1;
    /**
     * Readers inside {@code dax_read_lock()}: the twin of {@code dax_srcu}, per device because
     * each jcstress sample has its own device.
     */
    private int srcuReaders;

    /** A free device: no holder, no ops. */
    public Device() {
    }

    /** A device held by {@code holder}, with its ops installed (the state fs_dax_get() leaves). */
    public Device(Holder holder) {
        this(holder, holder.ops());
    }

    /** Any state, including the odd ones a bug leaves (A holding with NULL ops). */
    Device(Holder holderData, HolderOps holderOps) {
        this.holderData = holderData;
        this.holderOps = holderOps;
    }

    // ---- holder_ops ----------------------------------------------------------------------

    /** {@code dev->holder_ops}: a plain load. */
    HolderOps loadHolderOps() {
        return holderOps;
    }

    /** {@code READ_ONCE(dev->holder_ops)}: an opaque load. */
    HolderOps readOnceHolderOps() {
        return (HolderOps) HOLDER_OPS.getOpaque(this);
    }

    /** {@code smp_load_acquire(&dev->holder_ops)}. */
    HolderOps loadAcquireHolderOps() {
        return (HolderOps) HOLDER_OPS.getAcquire(this);
    }

    /** {@code dev->holder_ops = ops}: a plain store. */
    void storeHolderOps(HolderOps ops) {
        holderOps = ops;
    }

    /** {@code WRITE_ONCE(dev->holder_ops, ops)}: an opaque store. */
    void writeOnceHolderOps(HolderOps ops) {
        HOLDER_OPS.setOpaque(this, ops);
    }

    /** {@code smp_store_release(&dev->holder_ops, ops)}. */
    void storeReleaseHolderOps(HolderOps ops) {
        HOLDER_OPS.setRelease(this, ops);
    }

    // ---- holder_data ---------------------------------------------------------------------

    /** {@code dax_holder(dev)}: a plain load of holder_data. */
    Holder daxHolder() {
        return holderData;
    }

    /** {@code smp_load_acquire(&dev->holder_data)}. */
    Holder loadAcquireHolderData() {
        return (Holder) HOLDER_DATA.getAcquire(this);
    }

    /** {@code READ_ONCE(dev->holder_data)}. */
    Holder readOnceHolderData() {
        return (Holder) HOLDER_DATA.getOpaque(this);
    }

    /**
     * {@code cmpxchg(&dev->holder_data, old, new)}: fully ordered when it succeeds. A volatile
     * compareAndExchange is at least that (and on failure orders more than the kernel promises,
     * which can hide bugs but never invent them).
     */
    Holder cmpxchgHolderData(Holder old, Holder nu) {
        return (Holder) HOLDER_DATA.compareAndExchange(this, old, nu);
    }

    /**
     * {@code cmpxchg_relaxed(&dev->holder_data, old, new)}: atomic, no ordering. Java has no
     * plain compareAndExchange, so: an opaque read (a failed cmpxchg is an unordered read), and
     * a plain weak CAS, retried when it fails spuriously.
     */
    Holder cmpxchgRelaxedHolderData(Holder old, Holder nu) {
        while (true) {
            Holder cur = (Holder) HOLDER_DATA.getOpaque(this);
            if (cur != old) {
                return cur;
            }
            if (HOLDER_DATA.weakCompareAndSetPlain(this, old, nu)) {
                return old;
            }
        }
    }

    // ---- dax_srcu and DAXDEV_ALIVE ---------------------------------------------------------------

    /** {@code dax_alive(dev)}: {@code READ_ONCE} of the alive bit. */
    int daxAlive() {
        return (int) ALIVE.getOpaque(this);
    }

    /** {@code srcu_read_lock(&dax_srcu)}: a full-barrier increment, so the section's loads come after it. */
    void srcuReadLock() {
        SRCU_READERS.getAndAdd(this, 1);
    }

    /** {@code srcu_read_unlock(&dax_srcu)}: a full-barrier decrement, so the section's loads come before it. */
    void srcuReadUnlock() {
        SRCU_READERS.getAndAdd(this, -1);
    }

    /**
     * {@code synchronize_srcu(&dax_srcu)}: return once no reader is inside. The fences do what
     * smp_mb() does in SRCU: the caller's earlier stores are visible to any reader that enters
     * later, and the caller's later accesses come after every reader it waited for. Waiting for
     * readers that entered after the call started is more than SRCU promises; it can only delay
     * the put, never admit an outcome SRCU forbids.
     */
    void synchronizeSrcu() {
        VarHandle.fullFence();
        while ((int) SRCU_READERS.getVolatile(this) != 0) {
            Thread.onSpinWait();
        }
        VarHandle.fullFence();
    }

    // ---- the final state, read by a jcstress @Arbiter after every actor has finished --------

    /** holder_data as outcome text: {@code A}, {@code B}, {@code NULL}. */
    public String holderDataName() {
        return Holder.name(holderData);
    }

    /** holder_ops as outcome text: {@code opsA}, {@code NULL}. */
    public String holderOpsName() {
        return HolderOps.name(holderOps);
    }
}
