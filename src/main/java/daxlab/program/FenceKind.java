package daxlab.program;

/** Fences and the read-side markers of RCU / SRCU that carry ordering in the LKMM. */
public enum FenceKind {
    /** {@code smp_mb()} */
    MB("smp_mb"),
    /** {@code smp_wmb()} */
    WMB("smp_wmb"),
    /** {@code smp_rmb()} */
    RMB("smp_rmb"),
    /** {@code smp_mb__before_atomic()} */
    BEFORE_ATOMIC("smp_mb__before_atomic"),
    /** {@code smp_mb__after_atomic()} */
    AFTER_ATOMIC("smp_mb__after_atomic"),
    /** {@code smp_mb__after_spinlock()} */
    AFTER_SPINLOCK("smp_mb__after_spinlock"),
    /** {@code smp_mb__after_unlock_lock()} */
    AFTER_UNLOCK_LOCK("smp_mb__after_unlock_lock"),
    /** {@code smp_mb__after_srcu_read_unlock()}: with the srcu_read_unlock() before it, a full barrier. */
    AFTER_SRCU_READ_UNLOCK("smp_mb__after_srcu_read_unlock"),
    /** {@code barrier()}: a compiler barrier; the LKMM uses it only to bound plain accesses. */
    BARRIER("barrier"),
    /** {@code rcu_read_lock()} */
    RCU_LOCK("rcu_read_lock"),
    /** {@code rcu_read_unlock()} */
    RCU_UNLOCK("rcu_read_unlock"),
    /** {@code synchronize_rcu()} */
    SYNC_RCU("synchronize_rcu");

    private final String kernelName;

    FenceKind(String kernelName) {
        this.kernelName = kernelName;
    }

    /** The kernel function that emits this fence. */
    public String kernelName() {
        return kernelName;
    }
}
