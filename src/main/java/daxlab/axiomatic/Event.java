package daxlab.axiomatic;

import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Value;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a candidate execution: an initial write, a read or write of shared memory, a
 * fence, or an RCU/SRCU marker. What the event does is its {@link Action}, one record per kind
 * of event carrying exactly the fields that kind has (a fence has no location, an initial write
 * no mode), so that no field is null by kind. Which primitive made it is kept whole ({@link
 * Access#mode}, {@link Access#rmw}, {@link Access#lock}, {@link Fence#fence}) so that each model
 * can tag it its own way: the LKMM's {@code Once}/{@code Acquire}/{@code Mb}, x86's locked
 * instructions, arm64's {@code LDAR}/{@code STLR}/{@code DMB}.
 *
 * <p>The accessors below ({@link #location()}, {@link #value()}, {@link #mode()}, {@link
 * #fence()}) answer for the kinds that have the field and throw for the others: a model that
 * asks a fence for its location has a bug, and says so where it asks. The predicates ({@link
 * #hasMode}, {@link #isFence(FenceKind)}) answer false for events that lack the field.
 *
 * @param id       index in the execution (bit position in every {@link Rel})
 * @param thread   thread index, -1 for an initial write
 * @param action   what the event does, with the fields its kind has
 * @param source   the instruction that made it; empty exactly for an initial write
 * @param function the kernel function it belongs to; empty at a thread's top level and for an initial write
 */
public record Event(int id, int thread, Action action, Optional<Instr> source, Optional<String> function) {

    public Event {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(function, "function");
        boolean init = action.kind() == Kind.INIT;
        if (init != source.isEmpty() || (init && function.isPresent())) {
            throw new IllegalArgumentException("an initial write, and only it, has no instruction: " + action.label());
        }
    }

    /** The initial write of a location (thread -1, no instruction). */
    static Event initial(int id, String location, Value value) {
        return new Event(id, -1, new Init(location, value), Optional.empty(), Optional.empty());
    }

    /**
     * An event a thread's instruction makes; renumbered by {@link #withId} when the thread's trace
     * joins an execution.
     */
    static Event of(int thread, Action action, Instr source, Optional<String> function) {
        return new Event(0, thread, action, Optional.of(source), function);
    }

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

    /**
     * What an event does. Each kind of event is one record with the fields it has; the fields it
     * lacks answer with an exception naming the event (the defaults below).
     */
    public sealed interface Action permits Init, Access, Fence, SrcuAccess, GracePeriod {
        Kind kind();

        /** Short text: {@code W[once] x=1}, {@code R[acquire] y=0}, {@code F[mb]}. */
        String label();

        /** The location accessed, or the srcu_struct / RCU domain of a marker. */
        default String location() {
            throw lacks("location");
        }

        /** The value read or written (the index, for srcu_read_lock/unlock). */
        default Value value() {
            throw lacks("value");
        }

        /** The access's ordering as written ({@code PLAIN}, {@code ONCE}, ...). */
        default Mode mode() {
            throw lacks("mode");
        }

        /** Whether this is an access written with mode {@code m}. */
        default boolean hasMode(Mode m) {
            return false;
        }

        default RmwPart rmw() {
            return RmwPart.NONE;
        }

        default LockPart lock() {
            return LockPart.NONE;
        }

        default FenceKind fence() {
            throw lacks("fence kind");
        }

        private IllegalStateException lacks(String field) {
            return new IllegalStateException("the event " + label() + " has no " + field);
        }
    }

    /** The initial value of a location. */
    public record Init(String location, Value value) implements Action {
        public Init {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Kind kind() {
            return Kind.INIT;
        }

        @Override
        public String label() {
            return "Winit " + location + "=" + value;
        }
    }

    /**
     * A read or a write of memory: a load or store, a part of an RMW, or a part of a spinlock
     * operation (these have mode {@code ONCE}, as lock.cat's events do).
     */
    public record Access(Kind kind, String location, Value value, Mode mode, RmwPart rmw, LockPart lock)
            implements Action {
        public Access {
            if (kind != Kind.READ && kind != Kind.WRITE) {
                throw new IllegalArgumentException("an access reads or writes, not " + kind);
            }
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(rmw, "rmw");
            Objects.requireNonNull(lock, "lock");
        }

        @Override
        public boolean hasMode(Mode m) {
            return mode == m;
        }

        /** A load or store with its mode, not part of an RMW or a lock. */
        static Access of(Kind kind, String location, Value value, Mode mode) {
            return new Access(kind, location, value, mode, RmwPart.NONE, LockPart.NONE);
        }

        @Override
        public String label() {
            return (kind == Kind.READ ? "R" : "W") + tag() + " " + location + "=" + value;
        }

        private String tag() {
            StringBuilder sb = new StringBuilder("[");
            if (lock != LockPart.NONE) {
                sb.append(lock.name());
            } else {
                sb.append(mode.name().toLowerCase(Locale.ROOT));
                if (rmw == RmwPart.FAILED_READ) {
                    sb.append(",failed-rmw");
                } else if (rmw != RmwPart.NONE) {
                    sb.append(",rmw");
                }
            }
            return sb.append(']').toString();
        }
    }

    /** A kernel fence, RCU read-side marker, or the start of an RCU grace period. */
    public record Fence(FenceKind fence) implements Action {
        public Fence {
            Objects.requireNonNull(fence, "fence");
        }

        @Override
        public Kind kind() {
            return Kind.FENCE;
        }

        @Override
        public String label() {
            return "F[" + fence.kernelName() + "]";
        }
    }

    /**
     * {@code srcu_read_lock()} (a read of the srcu_struct, its value the index) or {@code
     * srcu_read_unlock()} (a write of the index back).
     */
    public record SrcuAccess(Kind kind, String location, Value value) implements Action {
        public SrcuAccess {
            if (kind != Kind.SRCU_LOCK && kind != Kind.SRCU_UNLOCK) {
                throw new IllegalArgumentException("an srcu_struct access locks or unlocks, not " + kind);
            }
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String label() {
            return kind == Kind.SRCU_LOCK
                    ? "srcu_read_lock(" + location + ")=" + value
                    : "srcu_read_unlock(" + location + ", " + value + ")";
        }
    }

    /**
     * {@code synchronize_srcu()} starting its grace period, or the end of a grace period of
     * {@code synchronize_srcu()} (its domain) or {@code synchronize_rcu()} (domain {@code rcu}).
     */
    public record GracePeriod(Kind kind, String location) implements Action {
        public GracePeriod {
            if (kind != Kind.SRCU_SYNC && kind != Kind.GP_END) {
                throw new IllegalArgumentException("a grace-period marker starts or ends one, not " + kind);
            }
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String label() {
            return kind == Kind.SRCU_SYNC ? "synchronize_srcu(" + location + ")" : "grace-period-end(" + location + ")";
        }
    }

    public Kind kind() {
        return action.kind();
    }

    /** The location accessed, or the SRCU/RCU domain of a marker; throws for a fence. */
    public String location() {
        return action.location();
    }

    /** Every event but a fence has a location (a marker's is its domain). */
    public boolean hasLocation() {
        return kind() != Kind.FENCE;
    }

    /** The value read or written, or the SRCU index; throws for fences and grace-period markers. */
    public Value value() {
        return action.value();
    }

    /** Memory accesses, initial writes and srcu_read_lock/unlock carry a value. */
    public boolean hasValue() {
        return isMemory();
    }

    /** The access's ordering as written; throws for an event that is not a load, store, RMW or lock part. */
    public Mode mode() {
        return action.mode();
    }

    /** Whether the event is an access written with this mode (false for every other event). */
    public boolean hasMode(Mode m) {
        return action.hasMode(m);
    }

    public RmwPart rmw() {
        return action.rmw();
    }

    public LockPart lock() {
        return action.lock();
    }

    /** The fence kind of a {@link Kind#FENCE}; throws for any other event. */
    public FenceKind fence() {
        return action.fence();
    }

    /** Whether the event is a fence of this kind. */
    public boolean isFence(FenceKind k) {
        return kind() == Kind.FENCE && action.fence() == k;
    }

    /** Reads and writes of memory, the srcu_struct's included. */
    public boolean isMemory() {
        return isRead() || isWrite();
    }

    /** Loads, the reads of RMWs and locks, and {@code srcu_read_lock()}. */
    public boolean isRead() {
        return kind() == Kind.READ || kind() == Kind.SRCU_LOCK;
    }

    /** Writes include the initial writes and {@code srcu_read_unlock()}. */
    public boolean isWrite() {
        Kind k = kind();
        return k == Kind.WRITE || k == Kind.INIT || k == Kind.SRCU_UNLOCK;
    }

    /** {@code srcu_read_lock()}, {@code srcu_read_unlock()} or {@code synchronize_srcu()}. */
    public boolean isSrcu() {
        Kind k = kind();
        return k == Kind.SRCU_LOCK || k == Kind.SRCU_UNLOCK || k == Kind.SRCU_SYNC;
    }

    public boolean isInit() {
        return kind() == Kind.INIT;
    }

    /** The event renumbered (when a thread's trace joins an execution). */
    Event withId(int newId, int newThread) {
        return new Event(newId, newThread, action, source, function);
    }

    /** Short text: {@code W[once] x=1}, {@code R[acquire] y=0}, {@code F[mb]}. */
    public String label() {
        return action.label();
    }
}
