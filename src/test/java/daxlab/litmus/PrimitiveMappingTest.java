package daxlab.litmus;

import daxlab.program.Cond;
import daxlab.program.Condition;
import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kernel primitive lands on the IR instruction, mode, fence and RMW op docs/primitives.md gives it. */
class PrimitiveMappingTest {

    private static List<Instr> body(String stmts) {
        String src = "C t\n{ int *p = &x; spinlock_t l; atomic_t v = ATOMIC_INIT(3); }\n"
                + "P0(int *x, int **p, spinlock_t *l, atomic_t *v, struct srcu_struct *s)\n{\n"
                + "\tint r0;\n\tint r1;\n\tint *q;\n" + stmts + "\n}\nexists (0:r0=0)\n";
        return LitmusParser.parse(src, "t.litmus").program().threads().get(0).body();
    }

    private static Instr one(String stmt) {
        List<Instr> b = body(stmt);
        assertEquals(1, b.size(), () -> b.toString());
        return b.get(0);
    }

    private static final Expr X = Expr.addr("x");
    private static final Expr V = Expr.addr("v");

    @Test
    void loadsAndStores() {
        assertEquals(new Instr.Load("r0", X, Mode.ONCE), one("r0 = READ_ONCE(*x);"));
        assertEquals(new Instr.Load("r0", X, Mode.PLAIN), one("r0 = *x;"));
        assertEquals(new Instr.Load("r0", X, Mode.ACQUIRE), one("r0 = smp_load_acquire(x);"));
        assertEquals(new Instr.Load("q", Expr.addr("p"), Mode.ONCE), one("q = rcu_dereference(*p);"));
        assertEquals(new Instr.Load("r0", V, Mode.ONCE), one("r0 = atomic_read(v);"));
        assertEquals(new Instr.Load("r0", V, Mode.ACQUIRE), one("r0 = atomic_read_acquire(v);"));
        assertEquals(new Instr.Store(X, Expr.num(1), Mode.ONCE), one("WRITE_ONCE(*x, 1);"));
        assertEquals(new Instr.Store(X, Expr.num(1), Mode.PLAIN), one("*x = 1;"));
        assertEquals(new Instr.Store(X, Expr.num(1), Mode.RELEASE), one("smp_store_release(x, 1);"));
        assertEquals(new Instr.Store(Expr.addr("p"), X, Mode.RELEASE), one("rcu_assign_pointer(*p, x);"));
        assertEquals(new Instr.Store(V, Expr.num(-2), Mode.ONCE), one("atomic_set(v, -2);"));
        assertEquals(new Instr.Store(V, Expr.num(2), Mode.RELEASE), one("atomic_set_release(v, 2);"));
    }

    @Test
    void compoundPrimitives() {
        assertEquals(List.of(new Instr.Store(X, Expr.num(1), Mode.ONCE), new Instr.Fence(FenceKind.MB)),
                body("smp_store_mb(*x, 1);"));
        assertEquals(new Instr.Fence(FenceKind.SYNC_RCU), one("synchronize_rcu_expedited();"));
    }

    @Test
    void herd7sOptionalDescriptionAndVoidThreads() {
        String src = "C t\n\"Fre PodWR Fre PodWR\"\n{}\nvoid P0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n";
        assertEquals(1, LitmusParser.parse(src, "t.litmus").program().threads().size());
    }

    @Test
    void castsAndUndeclaredRegistersAsHerd7AcceptsThem() {
        // herd7 lets an assignment declare its register, and ignores casts.
        assertEquals(List.of(new Instr.Load("q", Expr.addr("p"), Mode.ONCE), new Instr.Load("r5", Expr.reg("q"), Mode.ONCE)),
                body("q = (int *)READ_ONCE(*p);\n\tr5 = READ_ONCE(*(int *)q);"));
    }

    @Test
    void dependenciesThroughPointers() {
        // address dependency: the address is the register read before
        assertEquals(List.of(new Instr.Load("q", Expr.addr("p"), Mode.ONCE), new Instr.Load("r1", Expr.reg("q"), Mode.ONCE)),
                body("q = READ_ONCE(*p);\n\tr1 = READ_ONCE(*q);"));
        // a plain access nested in an expression is hoisted into a fresh register
        assertEquals(List.of(new Instr.Load("tmp0", X, Mode.PLAIN),
                        new Instr.Store(X, new Expr.Binary(Expr.BinaryOp.ADD, Expr.reg("tmp0"), Expr.num(1)), Mode.ONCE)),
                body("WRITE_ONCE(*x, *x + 1);"));
        assertEquals(List.of(new Instr.Load("tmp0", X, Mode.ONCE),
                        new Instr.If(Expr.eq(Expr.reg("tmp0"), Expr.num(1)),
                                List.of(new Instr.Store(V, Expr.num(1), Mode.ONCE)),
                                List.of(new Instr.Assign("r0", Expr.num(2))))),
                body("if (READ_ONCE(*x) == 1) { atomic_set(v, 1); } else r0 = 2;"));
    }

    @Test
    void readModifyWrites() {
        for (String sfx : List.of("", "_relaxed", "_acquire", "_release")) {
            Mode m = sfx.isEmpty() ? Mode.FULL : Mode.valueOf(sfx.substring(1).toUpperCase());
            assertEquals(new Instr.Rmw(Optional.of("r0"), X, new RmwOp.Cmpxchg(Expr.num(0), Expr.num(1)), m),
                    one("r0 = cmpxchg" + sfx + "(x, 0, 1);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), X, new RmwOp.Xchg(Expr.num(5)), m), one("r0 = xchg" + sfx + "(x, 5);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.Cmpxchg(Expr.num(3), Expr.num(4)), m),
                    one("r0 = atomic_cmpxchg" + sfx + "(v, 3, 4);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.Xchg(Expr.num(4)), m), one("r0 = atomic_xchg" + sfx + "(v, 4);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.FetchAdd(Expr.num(2), true), m),
                    one("r0 = atomic_add_return" + sfx + "(2, v);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.FetchAdd(Expr.num(-2), true), m),
                    one("r0 = atomic_sub_return" + sfx + "(2, v);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.FetchAdd(Expr.num(1), true), m),
                    one("r0 = atomic_inc_return" + sfx + "(v);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.FetchAdd(Expr.num(-1), true), m),
                    one("r0 = atomic_dec_return" + sfx + "(v);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.FetchAdd(Expr.num(2), false), m),
                    one("r0 = atomic_fetch_add" + sfx + "(2, v);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.FetchAdd(Expr.num(-2), false), m),
                    one("r0 = atomic_fetch_sub" + sfx + "(2, v);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.FetchAdd(Expr.num(1), false), m),
                    one("r0 = atomic_fetch_inc" + sfx + "(v);"));
            assertEquals(new Instr.Rmw(Optional.of("r0"), V, new RmwOp.FetchAdd(Expr.num(-1), false), m),
                    one("r0 = atomic_fetch_dec" + sfx + "(v);"));
        }
        // value dropped: no register
        assertEquals(new Instr.Rmw(Optional.empty(), X, new RmwOp.Cmpxchg(Expr.num(0), Expr.num(1)), Mode.FULL), one("cmpxchg(x, 0, 1);"));
        // the void atomics are unordered
        assertEquals(new Instr.Rmw(Optional.empty(), V, new RmwOp.FetchAdd(Expr.num(3), false), Mode.NORETURN), one("atomic_add(3, v);"));
        assertEquals(new Instr.Rmw(Optional.empty(), V, new RmwOp.FetchAdd(Expr.num(-3), false), Mode.NORETURN), one("atomic_sub(3, v);"));
        assertEquals(new Instr.Rmw(Optional.empty(), V, new RmwOp.FetchAdd(Expr.num(1), false), Mode.NORETURN), one("atomic_inc(v);"));
        assertEquals(new Instr.Rmw(Optional.empty(), V, new RmwOp.FetchAdd(Expr.num(-1), false), Mode.NORETURN), one("atomic_dec(v);"));
    }

    @Test
    void fencesLocksRcuSrcu() {
        for (FenceKind k : FenceKind.values()) {
            assertEquals(new Instr.Fence(k), one(k.kernelName() + "();"));
        }
        assertEquals(new Instr.Lock(Optional.empty(), Expr.addr("l"), Instr.LockOp.LOCK), one("spin_lock(l);"));
        assertEquals(new Instr.Lock(Optional.empty(), Expr.addr("l"), Instr.LockOp.UNLOCK), one("spin_unlock(l);"));
        assertEquals(new Instr.Lock(Optional.of("r0"), Expr.addr("l"), Instr.LockOp.IS_LOCKED), one("r0 = spin_is_locked(l);"));
        assertEquals(List.of(Instr.Srcu.lock("r1", "s"), Instr.Srcu.unlock("s", Expr.reg("r1")),
                        Instr.Srcu.synchronize("s")),
                body("r1 = srcu_read_lock(s);\n\tsrcu_read_unlock(s, r1);\n\tsynchronize_srcu(s);"));
        // srcu_down_read()/srcu_up_read() are srcu_read_lock()/srcu_read_unlock() in linux-kernel.def;
        // the index is any expression, and a dropped one is still a register of its own.
        assertEquals(List.of(Instr.Srcu.lock("r1", "s"), Instr.Srcu.unlock("s", Expr.reg("r1")),
                        Instr.Srcu.synchronize("s")),
                body("r1 = srcu_down_read(s);\n\tsrcu_up_read(s, r1);\n\tsynchronize_srcu_expedited(s);"));
        assertEquals(List.of(Instr.Srcu.lock("tmp0", "s"), Instr.Srcu.unlock("s", Expr.num(0))),
                body("srcu_read_lock(s);\n\tsrcu_read_unlock(s, 0);"));
    }

    @Test
    void initBlockConditionAndObservables() {
        String src = "C t\n(* a (* nested *) comment *)\n{\n x=1;\n int y = 2;\n int *p = &x;\n q=y;\n spinlock_t l;\n"
                + " 0:r2=5;\n P1:r0=x;\n}\n"
                + "P0(int *x, int *y, int **p, int **q, spinlock_t *l)\n{\n\tint r0;\n\tr0 = READ_ONCE(*x);\n}\n"
                + "P1(int *x)\n{\n\tint r0;\n}\n"
                + "locations [P1:r0; [y]]\n"
                + "forall (~(0:r0=1 \\/ P0:r0=2) /\\ (x=1 \\/ ~x=2) /\\ 0:r2=-5 \\/ true)\n";
        Program p = LitmusParser.parse(src, "t.litmus").program();
        assertEquals(Value.of(1), p.init().get("x"));
        assertEquals(Value.of(2), p.init().get("y"));
        assertEquals(new Value.Addr("x"), p.init().get("p"));
        assertEquals(new Value.Addr("y"), p.init().get("q"));
        assertEquals(Value.of(0), p.init().get("l"));
        assertEquals(new Instr.Assign("r2", Expr.num(5)), p.threads().get(0).body().get(0));
        assertEquals(new Instr.Assign("r0", Expr.addr("x")), p.threads().get(1).body().get(0));
        assertEquals(List.of("0:r0", "0:r2", "1:r0", "x", "y"), p.observables().stream().map(o -> o.name()).toList());
        Cond a = new Cond.Not(new Cond.Or(Cond.eq("0:r0", Value.of(1)), Cond.eq("0:r0", Value.of(2))));
        Cond b = new Cond.Or(Cond.eq("x", Value.of(1)), new Cond.Not(Cond.eq("x", Value.of(2))));
        Cond expected = new Cond.Or(new Cond.And(new Cond.And(a, b), Cond.eq("0:r2", Value.of(-5))), new Cond.True());
        assertEquals(new Condition(Condition.Quantifier.FORALL, expected), p.condition());
        String notExists = src.replace("forall (", "~exists (");
        assertEquals(Condition.Quantifier.NOT_EXISTS, LitmusParser.parse(notExists, "t").program().condition().quantifier());
    }
}
