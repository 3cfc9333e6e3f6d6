package daxlab.litmus;

import daxlab.program.FenceKind;
import daxlab.program.Mode;
import daxlab.program.RmwOp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel primitives a litmus thread may call, and how each maps onto the IR (docs/primitives.md):
 * its shape (which IR instruction, which argument is the address) and its ordering.
 *
 * <p>The mapping follows the LKMM's own definitions ({@code linux-kernel.def}): READ_ONCE and
 * rcu_dereference are Once loads, rcu_assign_pointer is a release store, the value-returning
 * atomics without suffix are fully ordered, the void ones ({@code atomic_inc}) are unordered.
 */
record Primitive(String name, Shape shape, Mode mode, FenceKind fence, long delta, boolean returnsNew,
                 RmwOp.BitOp bits, Test test) {

    /** What {@code atomic_dec_and_test()} and {@code atomic_add_negative()} ask of the new value. */
    enum Test { ZERO, NEGATIVE }

    Primitive(String name, Shape shape, Mode mode, FenceKind fence, long delta, boolean returnsNew) {
        this(name, shape, mode, fence, delta, returnsNew, null, null);
    }

    /** Whether a call has a value: the void atomics ({@link Mode#NORETURN}) have none. */
    boolean hasValue() {
        return shape.hasValue && mode != Mode.NORETURN;
    }

    enum Shape {
        /** {@code READ_ONCE(*p)}, {@code rcu_dereference(*p)}: argument is an lvalue. */
        LOAD_LVALUE(1, true),
        /** {@code smp_load_acquire(p)}, {@code atomic_read(p)}: argument is a pointer. */
        LOAD_POINTER(1, true),
        /** {@code WRITE_ONCE(*p, v)}, {@code rcu_assign_pointer(*p, v)}. */
        STORE_LVALUE(2, false),
        /** {@code smp_store_release(p, v)}, {@code atomic_set(p, v)}. */
        STORE_POINTER(2, false),
        /** {@code smp_store_mb(*p, v)}: a Once store followed by {@code smp_mb()}. */
        STORE_MB(2, false),
        /** {@code cmpxchg(p, old, new)}. */
        CMPXCHG(3, true),
        /** {@code xchg(p, v)}. */
        XCHG(2, true),
        /** {@code atomic_add(i, p)}, {@code atomic_fetch_add(i, p)}, {@code atomic_add_return(i, p)}. */
        ADD(2, true),
        /** {@code atomic_inc(p)} and friends: the delta is part of the name. */
        INC(1, true),
        /** {@code atomic_fetch_and(mask, p)} and friends, {@code atomic_and(mask, p)}. */
        BITS(2, true),
        /** {@code atomic_add_unless(p, add, unless)}: 1 when it added. */
        ADD_UNLESS(3, true),
        /** {@code atomic_sub_and_test(i, p)}, {@code atomic_add_negative(i, p)}: a test of the new value. */
        ADD_TEST(2, true),
        /** {@code atomic_dec_and_test(p)}, {@code atomic_inc_and_test(p)}. */
        INC_TEST(1, true),
        FENCE(0, false),
        SPIN_LOCK(1, false),
        SPIN_UNLOCK(1, false),
        SPIN_IS_LOCKED(1, true),
        SPIN_TRYLOCK(1, true),
        SRCU_READ_LOCK(1, true),
        SRCU_READ_UNLOCK(2, false),
        SYNCHRONIZE_SRCU(1, false);

        final int arity;
        final boolean hasValue;

        Shape(int arity, boolean hasValue) {
            this.arity = arity;
            this.hasValue = hasValue;
        }
    }

    private static final Map<String, Primitive> ALL = build();

    static Primitive lookup(String name) {
        return ALL.get(name);
    }

    static Map<String, Primitive> all() {
        return ALL;
    }

    /** The known primitive nearest to a misspelt name (at most 3 edits away), or null. */
    static String closest(String name) {
        String best = null;
        int bestDistance = 4;
        for (String k : ALL.keySet()) {
            int d = distance(name.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The suffix the kernel spells for an RMW ordering. */
    static String suffix(Mode m) {
        switch (m) {
            case FULL: return "";
            case RELAXED: return "_relaxed";
            case ACQUIRE: return "_acquire";
            case RELEASE: return "_release";
            case NORETURN: return "";
            default: throw new IllegalArgumentException("no RMW suffix for " + m);
        }
    }

    private static Map<String, Primitive> build() {
        Map<String, Primitive> m = new LinkedHashMap<>();
        put(m, "READ_ONCE", Shape.LOAD_LVALUE, Mode.ONCE);
        put(m, "rcu_dereference", Shape.LOAD_LVALUE, Mode.ONCE);
        put(m, "smp_load_acquire", Shape.LOAD_POINTER, Mode.ACQUIRE);
        put(m, "atomic_read", Shape.LOAD_POINTER, Mode.ONCE);
        put(m, "atomic_read_acquire", Shape.LOAD_POINTER, Mode.ACQUIRE);
        put(m, "WRITE_ONCE", Shape.STORE_LVALUE, Mode.ONCE);
        put(m, "rcu_assign_pointer", Shape.STORE_LVALUE, Mode.RELEASE);
        put(m, "smp_store_release", Shape.STORE_POINTER, Mode.RELEASE);
        put(m, "atomic_set", Shape.STORE_POINTER, Mode.ONCE);
        put(m, "atomic_set_release", Shape.STORE_POINTER, Mode.RELEASE);
        for (Mode mode : new Mode[] {Mode.FULL, Mode.RELAXED, Mode.ACQUIRE, Mode.RELEASE}) {
            String s = suffix(mode);
            put(m, "cmpxchg" + s, Shape.CMPXCHG, mode);
            put(m, "atomic_cmpxchg" + s, Shape.CMPXCHG, mode);
            put(m, "xchg" + s, Shape.XCHG, mode);
            put(m, "atomic_xchg" + s, Shape.XCHG, mode);
            m.put("atomic_add_return" + s, new Primitive("atomic_add_return" + s, Shape.ADD, mode, null, 1, true));
            m.put("atomic_sub_return" + s, new Primitive("atomic_sub_return" + s, Shape.ADD, mode, null, -1, true));
            m.put("atomic_inc_return" + s, new Primitive("atomic_inc_return" + s, Shape.INC, mode, null, 1, true));
            m.put("atomic_dec_return" + s, new Primitive("atomic_dec_return" + s, Shape.INC, mode, null, -1, true));
            m.put("atomic_fetch_add" + s, new Primitive("atomic_fetch_add" + s, Shape.ADD, mode, null, 1, false));
            m.put("atomic_fetch_sub" + s, new Primitive("atomic_fetch_sub" + s, Shape.ADD, mode, null, -1, false));
            m.put("atomic_fetch_inc" + s, new Primitive("atomic_fetch_inc" + s, Shape.INC, mode, null, 1, false));
            m.put("atomic_fetch_dec" + s, new Primitive("atomic_fetch_dec" + s, Shape.INC, mode, null, -1, false));
        }
        for (Mode mode : new Mode[] {Mode.FULL, Mode.RELAXED, Mode.ACQUIRE, Mode.RELEASE}) {
            String s = suffix(mode);
            for (RmwOp.BitOp b : RmwOp.BitOp.values()) {
                String n = "atomic_fetch_" + b.word() + s;
                m.put(n, new Primitive(n, Shape.BITS, mode, null, 0, false, b, null));
            }
            String neg = "atomic_add_negative" + s;
            m.put(neg, new Primitive(neg, Shape.ADD_TEST, mode, null, 1, true, null, Test.NEGATIVE));
        }
        m.put("atomic_sub_and_test", new Primitive("atomic_sub_and_test", Shape.ADD_TEST, Mode.FULL, null, -1, true,
                null, Test.ZERO));
        m.put("atomic_dec_and_test", new Primitive("atomic_dec_and_test", Shape.INC_TEST, Mode.FULL, null, -1, true,
                null, Test.ZERO));
        m.put("atomic_inc_and_test", new Primitive("atomic_inc_and_test", Shape.INC_TEST, Mode.FULL, null, 1, true,
                null, Test.ZERO));
        put(m, "atomic_add_unless", Shape.ADD_UNLESS, Mode.FULL);
        // The void atomics are unordered RMWs whose read smp_rmb() does not order (Noreturn).
        m.put("atomic_add", new Primitive("atomic_add", Shape.ADD, Mode.NORETURN, null, 1, false));
        m.put("atomic_sub", new Primitive("atomic_sub", Shape.ADD, Mode.NORETURN, null, -1, false));
        m.put("atomic_inc", new Primitive("atomic_inc", Shape.INC, Mode.NORETURN, null, 1, false));
        m.put("atomic_dec", new Primitive("atomic_dec", Shape.INC, Mode.NORETURN, null, -1, false));
        for (RmwOp.BitOp b : RmwOp.BitOp.values()) {
            String n = "atomic_" + b.word();
            m.put(n, new Primitive(n, Shape.BITS, Mode.NORETURN, null, 0, false, b, null));
        }
        put(m, "smp_store_mb", Shape.STORE_MB, Mode.ONCE);
        for (FenceKind k : FenceKind.values()) {
            m.put(k.kernelName(), new Primitive(k.kernelName(), Shape.FENCE, null, k, 0, false));
        }
        // The LKMM gives the expedited grace period the same semantics as the normal one.
        m.put("synchronize_rcu_expedited", new Primitive("synchronize_rcu_expedited", Shape.FENCE, null,
                FenceKind.SYNC_RCU, 0, false));
        put(m, "spin_lock", Shape.SPIN_LOCK, null);
        put(m, "spin_unlock", Shape.SPIN_UNLOCK, null);
        put(m, "spin_is_locked", Shape.SPIN_IS_LOCKED, null);
        put(m, "spin_trylock", Shape.SPIN_TRYLOCK, null);
        put(m, "srcu_read_lock", Shape.SRCU_READ_LOCK, null);
        put(m, "srcu_read_unlock", Shape.SRCU_READ_UNLOCK, null);
        // linux-kernel.def gives srcu_down_read/srcu_up_read the definitions of srcu_read_lock/unlock.
        put(m, "srcu_down_read", Shape.SRCU_READ_LOCK, null);
        put(m, "srcu_up_read", Shape.SRCU_READ_UNLOCK, null);
        put(m, "synchronize_srcu", Shape.SYNCHRONIZE_SRCU, null);
        put(m, "synchronize_srcu_expedited", Shape.SYNCHRONIZE_SRCU, null);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Primitive> m, String name, Shape shape, Mode mode) {
        m.put(name, new Primitive(name, shape, mode, null, 0, false));
    }
}
