package daxlab.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a thread's code, one kernel primitive per method:
 * <pre>{@code
 * t.call("fs_put_dax", f -> f
 *     .cmpxchg("old", "holder_data", A, NULL)
 *     .ifThen(Expr.eq(Expr.reg("old"), Expr.val(A)), then -> then.store("holder_ops", NULL)));
 * }</pre>
 * Locations are named by string; values are {@link Value}s or {@link Expr}s over registers.
 */
public final class Code {
    private final List<Instr> instructions = new ArrayList<>();

    public List<Instr> instructions() {
        return List.copyOf(instructions);
    }

    public Code add(Instr i) {
        instructions.add(i);
        return this;
    }

    // ---- loads ----

    public Code load(String register, String location, Mode mode) {
        return add(new Instr.Load(register, Expr.addr(location), mode));
    }

    /** A plain C read, {@code r = dev->holder_ops}. */
    public Code load(String register, String location) {
        return load(register, location, Mode.PLAIN);
    }

    public Code readOnce(String register, String location) {
        return load(register, location, Mode.ONCE);
    }

    public Code loadAcquire(String register, String location) {
        return load(register, location, Mode.ACQUIRE);
    }

    // ---- stores ----

    public Code store(String location, Expr value, Mode mode) {
        return add(new Instr.Store(Expr.addr(location), value, mode));
    }

    public Code store(String location, Value value, Mode mode) {
        return store(location, Expr.val(value), mode);
    }

    /** A plain C write, {@code dev->holder_ops = NULL}. */
    public Code store(String location, Value value) {
        return store(location, value, Mode.PLAIN);
    }

    public Code writeOnce(String location, Value value) {
        return store(location, value, Mode.ONCE);
    }

    public Code storeRelease(String location, Value value) {
        return store(location, value, Mode.RELEASE);
    }

    // ---- read-modify-writes ----

    public Code cmpxchg(String register, String location, Expr expected, Expr desired, Mode mode) {
        return add(new Instr.Rmw(Optional.of(register), Expr.addr(location), new RmwOp.Cmpxchg(expected, desired), mode));
    }

    public Code cmpxchg(String register, String location, Value expected, Value desired, Mode mode) {
        return cmpxchg(register, location, Expr.val(expected), Expr.val(desired), mode);
    }

    /** The fully ordered {@code cmpxchg()}. */
    public Code cmpxchg(String register, String location, Value expected, Value desired) {
        return cmpxchg(register, location, expected, desired, Mode.FULL);
    }

    public Code xchg(String register, String location, Value value, Mode mode) {
        return add(new Instr.Rmw(Optional.of(register), Expr.addr(location), new RmwOp.Xchg(Expr.val(value)), mode));
    }

    /**
     * {@code atomic_add(delta, p)}: a void atomic, unordered ({@code atomic_inc()} and
     * {@code atomic_dec()} are the same with delta 1 and -1).
     */
    public Code atomicAdd(String location, long delta) {
        return add(new Instr.Rmw(Optional.empty(), Expr.addr(location), new RmwOp.FetchAdd(Expr.val(Value.of(delta)), false),
                Mode.NORETURN));
    }

    // ---- fences, locals, control ----

    public Code fence(FenceKind kind) {
        return add(new Instr.Fence(kind));
    }

    public Code smpMb() {
        return fence(FenceKind.MB);
    }

    public Code assign(String register, Expr value) {
        return add(new Instr.Assign(register, value));
    }

    public Code assign(String register, Value value) {
        return assign(register, Expr.val(value));
    }

    public Code ifThen(Expr condition, Consumer<Code> then) {
        return ifElse(condition, then, e -> { });
    }

    public Code ifElse(Expr condition, Consumer<Code> then, Consumer<Code> otherwise) {
        Code t = new Code();
        then.accept(t);
        Code e = new Code();
        otherwise.accept(e);
        return add(new Instr.If(condition, t.instructions, e.instructions));
    }

    /** Inlines a kernel function's body, named so that witnesses can cite it. */
    public Code call(String function, Consumer<Code> body) {
        Code b = new Code();
        body.accept(b);
        return add(new Instr.Call(function, b.instructions));
    }

    /**
     * {@code srcu_read_lock(&domain)} with its index in a register named when the thread is
     * built ({@code srcu_idx0}, ...), for code whose sections nest: the matching
     * {@link #srcuReadUnlock(String)} passes it back.
     */
    public Code srcuReadLock(String domain) {
        return add(new Instr.Srcu(Instr.SrcuOp.READ_LOCK, domain));
    }

    /** {@code register = srcu_read_lock(&domain)}. */
    public Code srcuReadLock(String register, String domain) {
        return add(Instr.Srcu.lock(register, domain));
    }

    /** {@code srcu_read_unlock(&domain, idx)} of the innermost section of {@code domain} still open. */
    public Code srcuReadUnlock(String domain) {
        return add(new Instr.Srcu(Instr.SrcuOp.READ_UNLOCK, domain));
    }

    /** {@code srcu_read_unlock(&domain, index)}: ends the section whose index {@code index} carries. */
    public Code srcuReadUnlock(String domain, Expr index) {
        return add(Instr.Srcu.unlock(domain, index));
    }

    public Code synchronizeSrcu(String domain) {
        return add(Instr.Srcu.synchronize(domain));
    }

    public Code spinLock(String lock) {
        return add(new Instr.Lock(Optional.empty(), Expr.addr(lock), Instr.LockOp.LOCK));
    }

    public Code spinUnlock(String lock) {
        return add(new Instr.Lock(Optional.empty(), Expr.addr(lock), Instr.LockOp.UNLOCK));
    }

    public Code spinIsLocked(String register, String lock) {
        return add(new Instr.Lock(Optional.of(register), Expr.addr(lock), Instr.LockOp.IS_LOCKED));
    }
}
