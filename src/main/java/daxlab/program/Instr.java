package daxlab.program;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One instruction of a thread. Only {@link Load}, {@link Store}, {@link Rmw}, {@link Lock} and
 * {@link Srcu} touch shared state; the others are local and cost the engines nothing.
 *
 * <p>Addresses are expressions so that litmus tests can dereference a pointer they read
 * ({@code r1 = READ_ONCE(*r0)}); the thread's code uses constant addresses.
 */
public sealed interface Instr permits Instr.Load, Instr.Store, Instr.Rmw, Instr.Fence, Instr.Assign,
        Instr.If, Instr.Call, Instr.Srcu, Instr.Lock {

    /** Kernel-like source text (one line; nested blocks are summarised). */
    String text();

    /**
     * The one walk over instructions: every interpreter, printer and exporter implements
     * {@link Visitor}, which has a method per permitted record, so that a new instruction does
     * not compile until every engine handles it.
     */
    <R> R accept(Visitor<R> v);

    /** One method per kind of instruction; see {@link #accept}. */
    interface Visitor<R> {
        R load(Load i);

        R store(Store i);

        R rmw(Rmw i);

        R fence(Fence i);

        R assign(Assign i);

        R branch(If i);

        R call(Call i);

        R srcu(Srcu i);

        R lock(Lock i);
    }

    /** True for the instructions that are one step of an interleaving. */
    default boolean touchesSharedState() {
        return false;
    }

    /** {@code holder_ops} for a constant address, {@code *r0} for a pointer in a register. */
    static String target(Expr address) {
        if (address instanceof Expr.Const && ((Expr.Const) address).value() instanceof Value.Addr) {
            return ((Value.Addr) ((Expr.Const) address).value()).cell();
        }
        return "*" + address.text();
    }

    /** {@code reg = load(address)} with the given ordering. */
    record Load(String register, Expr address, Mode mode) implements Instr {
        public Load {
            Names.requireIdentifier(register, "register");
            if (mode == Mode.RELEASE || mode == Mode.FULL) {
                throw new IllegalArgumentException("a load cannot be " + mode);
            }
        }

        @Override
        public boolean touchesSharedState() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.load(this);
        }

        @Override
        public String text() {
            String t = target(address);
            switch (mode) {
                case PLAIN: return register + " = " + t;
                case ACQUIRE: return register + " = smp_load_acquire(&" + t + ")";
                default: return register + " = READ_ONCE(" + t + ")";
            }
        }
    }

    /** {@code store(address, value)} with the given ordering. */
    record Store(Expr address, Expr value, Mode mode) implements Instr {
        public Store {
            if (mode == Mode.ACQUIRE || mode == Mode.FULL) {
                throw new IllegalArgumentException("a store cannot be " + mode);
            }
        }

        @Override
        public boolean touchesSharedState() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.store(this);
        }

        @Override
        public String text() {
            String t = target(address);
            switch (mode) {
                case PLAIN: return t + " = " + value.text();
                case RELEASE: return "smp_store_release(&" + t + ", " + value.text() + ")";
                default: return "WRITE_ONCE(" + t + ", " + value.text() + ")";
            }
        }
    }

    /**
     * An atomic read-modify-write. {@code mode} is the ordering when it succeeds; a failed
     * {@code cmpxchg} is an unordered read (Documentation/atomic_t.txt). {@code register} receives
     * the value read (or the new value for {@code atomic_add_return}); empty when the result is
     * not kept.
     */
    record Rmw(Optional<String> register, Expr address, RmwOp op, Mode mode) implements Instr {
        public Rmw {
            register.ifPresent(r -> Names.requireIdentifier(r, "register"));
            if (mode == Mode.PLAIN || mode == Mode.ONCE) {
                throw new IllegalArgumentException("an RMW is FULL, ACQUIRE, RELEASE, RELAXED or NORETURN, not " + mode);
            }
            if (mode == Mode.NORETURN && register.isPresent()) {
                throw new IllegalArgumentException("a void atomic (NORETURN) returns nothing into " + register.get());
            }
        }

        /** The kernel name with its ordering suffix, e.g. {@code cmpxchg_relaxed}. */
        public String kernelName() {
            if (isVoidAtomic()) {
                return op instanceof RmwOp.FetchBits b ? "atomic_" + b.op().word() : "atomic_add";
            }
            switch (mode) {
                case FULL: return op.baseName();
                case RELAXED: case NORETURN: return op.baseName() + "_relaxed";
                case ACQUIRE: return op.baseName() + "_acquire";
                default: return op.baseName() + "_release";
            }
        }

        @Override
        public boolean touchesSharedState() {
            return true;
        }

        /** {@code atomic_add(i, v)}: no result, no ordering (the kernel's void atomics). */
        public boolean isVoidAtomic() {
            return mode == Mode.NORETURN;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.rmw(this);
        }

        @Override
        public String text() {
            if (isVoidAtomic()) {
                // The void atomic, as the kernel spells it: atomic_add(-1, i_count).
                String operand = Walk.operands(op).get(0).text();
                return kernelName() + "(" + operand + ", " + target(address) + ")";
            }
            return register.map(r -> r + " = ").orElse("") + kernelName() + "(" + target(address)
                    + op.argsText() + ")";
        }
    }

    /** A fence or an RCU marker; free in an interleaving, ordering in a weak model. */
    record Fence(FenceKind kind) implements Instr {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fence(this);
        }

        @Override
        public String text() {
            return kind.kernelName() + "()";
        }
    }

    /** {@code reg = expr}, local. */
    record Assign(String register, Expr value) implements Instr {
        public Assign {
            Names.requireIdentifier(register, "register");
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.assign(this);
        }

        @Override
        public String text() {
            return register + " = " + value.text();
        }
    }

    /** {@code if (cond) { then } else { otherwise }}, on registers only. */
    record If(Expr condition, List<Instr> then, List<Instr> otherwise) implements Instr {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.branch(this);
        }

        @Override
        public String text() {
            return "if (" + condition.text() + ") {...}" + (otherwise.isEmpty() ? "" : " else {...}");
        }
    }

    /**
     * A call of a kernel function, inlined. It exists so that a witness can say which function
     * made each access ({@code P0 fs_put_dax: cmpxchg(...)}).
     */
    record Call(String function, List<Instr> body) implements Instr {
        public Call {
            Names.requireIdentifier(function, "function");
            body = List.copyOf(body);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.call(this);
        }

        @Override
        public String text() {
            return function + "() {" + body.stream().map(Instr::text).collect(Collectors.joining("; ")) + "}";
        }
    }

    enum SrcuOp { READ_LOCK, READ_UNLOCK, SYNCHRONIZE }

    /**
     * The SRCU read side and grace period ({@code dax_read_lock()} is
     * {@code srcu_read_lock(&dax_srcu)}). As in linux-kernel.def, {@code srcu_read_lock()} reads
     * the srcu_struct and returns the value read as its index ({@code register}), and
     * {@code srcu_read_unlock()} writes its {@code index} argument back; a section is the pair of a
     * lock and the unlock whose index carries the value that lock returned (through registers, or
     * through memory), which is how linux-kernel.bell matches them (srcu-rscs). Sections of one
     * thread may overlap without nesting. {@code synchronize_srcu} waits for exactly the sections
     * of the same domain that were running when it started.
     *
     * <p>Code built without naming the index ({@link Code#srcuReadLock(String)}) leaves
     * {@code register} and {@code index} empty; {@link ThreadCode} names them then, matching each
     * unlock with the innermost open lock of its domain.
     *
     * @param register for {@code READ_LOCK}, the register receiving the index (empty: not named yet)
     * @param index    for {@code READ_UNLOCK}, the index passed back (empty: not named yet)
     */
    record Srcu(SrcuOp op, String domain, Optional<String> register, Optional<Expr> index) implements Instr {
        public Srcu {
            Names.requireIdentifier(domain, "srcu domain");
            if (register.isPresent()) {
                if (op != SrcuOp.READ_LOCK) {
                    throw new IllegalArgumentException("only srcu_read_lock() returns an index, not " + op);
                }
                Names.requireIdentifier(register.get(), "register");
            }
            if (index.isPresent() && op != SrcuOp.READ_UNLOCK) {
                throw new IllegalArgumentException("only srcu_read_unlock() takes an index, not " + op);
            }
        }

        /** An instruction whose index is named by {@link ThreadCode}: matched by nesting. */
        public Srcu(SrcuOp op, String domain) {
            this(op, domain, Optional.empty(), Optional.empty());
        }

        /** {@code register = srcu_read_lock(&domain)} */
        public static Srcu lock(String register, String domain) {
            return new Srcu(SrcuOp.READ_LOCK, domain, Optional.of(register), Optional.empty());
        }

        /** {@code srcu_read_unlock(&domain, index)} */
        public static Srcu unlock(String domain, Expr index) {
            return new Srcu(SrcuOp.READ_UNLOCK, domain, Optional.empty(), Optional.of(index));
        }

        /** {@code synchronize_srcu(&domain)} */
        public static Srcu synchronize(String domain) {
            return new Srcu(SrcuOp.SYNCHRONIZE, domain, Optional.empty(), Optional.empty());
        }

        /** Whether the index is still to be named (a lock without a register, an unlock without an index). */
        public boolean unnamed() {
            return (op == SrcuOp.READ_LOCK && register.isEmpty()) || (op == SrcuOp.READ_UNLOCK && index.isEmpty());
        }

        public String kernelName() {
            switch (op) {
                case READ_LOCK: return "srcu_read_lock";
                case READ_UNLOCK: return "srcu_read_unlock";
                default: return "synchronize_srcu";
            }
        }

        @Override
        public boolean touchesSharedState() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.srcu(this);
        }

        /**
         * The kernel call without its index, {@code srcu_read_lock(&dax_srcu)}, as witnesses and
         * pictures show it; {@link #fullText()} names the index.
         */
        @Override
        public String text() {
            return kernelName() + "(&" + domain + ")";
        }

        /** {@code idx = srcu_read_lock(&s)}, {@code srcu_read_unlock(&s, idx)}. */
        public String fullText() {
            switch (op) {
                case READ_LOCK: return register.map(r -> r + " = ").orElse("") + text();
                case READ_UNLOCK: return kernelName() + "(&" + domain + index.map(i -> ", " + i.text()).orElse("") + ")";
                default: return text();
            }
        }
    }

    enum LockOp {
        LOCK("spin_lock"), UNLOCK("spin_unlock"), IS_LOCKED("spin_is_locked"), TRYLOCK("spin_trylock");

        private final String kernelName;

        LockOp(String kernelName) {
            this.kernelName = kernelName;
        }

        public String kernelName() {
            return kernelName;
        }
    }

    /**
     * A spinlock operation on the lock at {@code address} (a location holding 0 when free, 1 when
     * taken). {@code spin_lock} waits until the lock is free and takes it in one step;
     * {@code spin_is_locked} and {@code spin_trylock} put 1 or 0 in {@code register} (empty for the others).
     */
    record Lock(Optional<String> register, Expr address, LockOp op) implements Instr {
        public Lock {
            boolean returns = op == LockOp.IS_LOCKED || op == LockOp.TRYLOCK;
            if (returns != register.isPresent()) {
                throw new IllegalArgumentException("spin_is_locked() and spin_trylock() need a register; "
                        + "spin_lock/unlock take none");
            }
            register.ifPresent(r -> Names.requireIdentifier(r, "register"));
        }

        @Override
        public boolean touchesSharedState() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.lock(this);
        }

        @Override
        public String text() {
            return register.map(r -> r + " = ").orElse("") + op.kernelName() + "(" + target(address) + ")";
        }
    }
}
