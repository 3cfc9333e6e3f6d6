package daxlab.axiomatic;

import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Value;

/**
 * One event of a candidate execution: an initial write, a read or write of shared memory, a
 * fence, or an RCU/SRCU marker. Which primitive made it is kept whole ({@link #mode},
 * {@link #rmw}, {@link #lock}, {@link #fence}) so that each model can tag it its own way: the
 * LKMM's {@code Once}/{@code Acquire}/{@code Mb}, x86's locked instructions, arm64's
 * {@code LDAR}/{@code STLR}/{@code DMB}.
 *
 * @param id       index in the execution (bit position in every {@link Rel})
 * @param thread   thread index, -1 for an initial write
 * @param kind     what the event is
 * @param location the location accessed, or the SRCU domain of an SRCU marker; null for fences
 * @param value    the value read or written; null for fences
 * @param mode     the access's ordering as written ({@code PLAIN}, {@code ONCE}, ...); null for non-accesses
 * @param rmw      the event's part in a read-modify-write
 * @param lock     the event's part in a spinlock operation
 * @param fence    the fence kind for {@link Kind#FENCE}
 * @param source   the instruction that made it (null for an initial write)
 * @param function the kernel function it belongs to, or null at top level
 */
public record Event(int id, int thread, Kind kind, String location, Value value, Mode mode, RmwPart rmw,
                    LockPart lock, FenceKind fence, Instr source, String function) {

    /** The kinds of event. */
    public enum Kind {
        /** The initial value of a location. */
        INIT,
        READ,
        WRITE,
        /** A kernel fence ({@code smp_mb()}, {@code rcu_read_lock()}, {@code synchronize_rcu()} ...). */
        FENCE,
        /**
         * {@code srcu_read_lock(domain)}: as in linux-kernel.def, a read of the srcu_struct (a
         * location named by the domain), whose value is the index it returns.
         */
        SRCU_LOCK,
        /** {@code srcu_read_unlock(domain, idx)}: a write of the index to the srcu_struct. */
        SRCU_UNLOCK,
        /** {@code synchronize_srcu(domain)}: the start of a grace period. */
        SRCU_SYNC,
        /**
         * The end of a grace period ({@code synchronize_rcu/srcu} returning). The LKMM has one
         * event per grace period and ignores this one; the hardware models need both ends.
         */
        GP_END
    }

    /** The part an event plays in a read-modify-write. */
    public enum RmwPart {
        NONE,
        /** The read of an RMW that wrote. */
        READ,
        /** The write of an RMW. */
        WRITE,
        /** The read of a cmpxchg that failed: an RMW without its write. */
        FAILED_READ
    }

    /** The part an event plays in a spinlock operation, named as lock.cat names them. */
    public enum LockPart {
        NONE,
        /** The read of spin_lock() (it reads the lock free). */
        LKR,
        /** The write of spin_lock() (it takes the lock). */
        LKW,
        /** spin_unlock(). */
        UL,
        /** spin_is_locked() returning true. */
        RL,
        /** spin_is_locked() returning false. */
        RU,
        /** A spin_trylock() that fails (it reads the lock taken). */
        LF
    }

    /** Reads and writes of memory, the srcu_struct's included. */
    public boolean isMemory() {
        return isRead() || isWrite();
    }

    /** Loads, the reads of RMWs and locks, and {@code srcu_read_lock()}. */
    public boolean isRead() {
        return kind == Kind.READ || kind == Kind.SRCU_LOCK;
    }

    /** Writes include the initial writes and {@code srcu_read_unlock()}. */
    public boolean isWrite() {
        return kind == Kind.WRITE || kind == Kind.INIT || kind == Kind.SRCU_UNLOCK;
    }

    /** {@code srcu_read_lock()}, {@code srcu_read_unlock()} or {@code synchronize_srcu()}. */
    public boolean isSrcu() {
        return kind == Kind.SRCU_LOCK || kind == Kind.SRCU_UNLOCK || kind == Kind.SRCU_SYNC;
    }

    public boolean isInit() {
        return kind == Kind.INIT;
    }

    /** The event renumbered (when a thread's trace joins an execution). */
    Event withId(int newId, int newThread) {
        return new Event(newId, newThread, kind, location, value, mode, rmw, lock, fence, source, function);
    }

    /** Short text: {@code W[once] x=1}, {@code R[acquire] y=0}, {@code F[mb]}. */
    public String label() {
        switch (kind) {
            case INIT: return "Winit " + location + "=" + value;
            case READ: return "R" + tag() + " " + location + "=" + value;
            case WRITE: return "W" + tag() + " " + location + "=" + value;
            case FENCE: return "F[" + fence.kernelName() + "]";
            case SRCU_LOCK: return "srcu_read_lock(" + location + ")=" + value;
            case SRCU_UNLOCK: return "srcu_read_unlock(" + location + ", " + value + ")";
            case SRCU_SYNC: return "synchronize_srcu(" + location + ")";
            default: return "grace-period-end(" + location + ")";
        }
    }

    private String tag() {
        StringBuilder sb = new StringBuilder("[");
        if (lock != LockPart.NONE) {
            sb.append(lock.name());
        } else {
            sb.append(mode.name().toLowerCase(java.util.Locale.ROOT));
            if (rmw == RmwPart.FAILED_READ) {
                sb.append(",failed-rmw");
            } else if (rmw != RmwPart.NONE) {
                sb.append(",rmw");
            }
        }
        return sb.append(']').toString();
    }
}
