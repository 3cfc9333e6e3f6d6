package daxlab.stress;

import java.util.ArrayList;
import java.util.List;

/**
 * A device that writes down every access in the words the SC enumerator's schedules use
 * ({@code cmpxchg(holder_data, A, NULL) -> A}, {@code holder_ops = NULL},
 * {@code READ_ONCE(holder_ops) -> opsA}). Running a twin on one and its IR program through the
 * enumerator must give the same lines: that is the test that keeps the two from drifting.
 * Never used in a stress run, so the JIT there sees one {@link Device} class and inlines.
 */
public final class TracingDevice extends Device {
    private final List<String> trace = new ArrayList<>();

    public TracingDevice() {
    }

    public TracingDevice(Holder holder) {
        super(holder);
    }

    /** Any starting state; setting it up is not traced. */
    public TracingDevice(Holder holderData, HolderOps holderOps) {
        super(holderData, holderOps);
    }

    /** The accesses so far, oldest first. */
    public List<String> trace() {
        return List.copyOf(trace);
    }

    private <T> T read(String primitive, String location, T value) {
        trace.add(primitive + "(" + location + ") -> " + name(value));
        return value;
    }

    private static String name(Object o) {
        return o == null ? Holder.NULL : o.toString();
    }


    @Override
    HolderOps loadHolderOps() {
        return read("load", "holder_ops", super.loadHolderOps());
    }

    @Override
    HolderOps readOnceHolderOps() {
        return read("READ_ONCE", "holder_ops", super.readOnceHolderOps());
    }

    @Override
    HolderOps loadAcquireHolderOps() {
        return read("smp_load_acquire", "holder_ops", super.loadAcquireHolderOps());
    }

    @Override
    void storeHolderOps(HolderOps ops) {
        trace.add("holder_ops = " + name(ops));
        super.storeHolderOps(ops);
    }

    @Override
    void writeOnceHolderOps(HolderOps ops) {
        trace.add("WRITE_ONCE(holder_ops, " + name(ops) + ")");
        super.writeOnceHolderOps(ops);
    }

    @Override
    void storeReleaseHolderOps(HolderOps ops) {
        trace.add("smp_store_release(&holder_ops, " + name(ops) + ")");
        super.storeReleaseHolderOps(ops);
    }

    @Override
    Holder daxHolder() {
        return read("load", "holder_data", super.daxHolder());
    }

    @Override
    Holder loadAcquireHolderData() {
        return read("smp_load_acquire", "holder_data", super.loadAcquireHolderData());
    }

    @Override
    Holder readOnceHolderData() {
        return read("READ_ONCE", "holder_data", super.readOnceHolderData());
    }

    @Override
    Holder cmpxchgHolderData(Holder old, Holder nu) {
        return rmw("cmpxchg", old, nu, super.cmpxchgHolderData(old, nu));
    }

    @Override
    Holder cmpxchgRelaxedHolderData(Holder old, Holder nu) {
        return rmw("cmpxchg_relaxed", old, nu, super.cmpxchgRelaxedHolderData(old, nu));
    }

    @Override
    int daxAlive() {
        return read("READ_ONCE", "alive", super.daxAlive());
    }

    @Override
    void srcuReadLock() {
        trace.add("srcu_read_lock(&dax_srcu)");
        super.srcuReadLock();
    }

    @Override
    void srcuReadUnlock() {
        trace.add("srcu_read_unlock(&dax_srcu)");
        super.srcuReadUnlock();
    }

    /** Traced alone, so no reader is ever inside. */
    @Override
    void synchronizeSrcu() {
        trace.add("synchronize_srcu(&dax_srcu) starts (no reader inside)");
        super.synchronizeSrcu();
        trace.add("synchronize_srcu(&dax_srcu) returns");
    }

    private Holder rmw(String primitive, Holder old, Holder nu, Holder seen) {
        trace.add(primitive + "(holder_data, " + name(old) + ", " + name(nu) + ") -> " + name(seen)
                + (seen == old ? "" : " (fails)"));
        return seen;
    }
}
