package daxlab.cat;

import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.ThreadCode;
import daxlab.program.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

/**
 * Random small kernel programs that reach every part of the LKMM's files: plain and marked
 * accesses, RMWs of every ordering and the void atomics, every fence, data, address and
 * control dependencies, spinlocks (critical sections, a lock never released,
 * {@code spin_is_locked}), RCU and SRCU read-side sections and grace periods.
 */
final class KernelPrograms {
    private KernelPrograms() {
    }

    /** One generated step; {@code mode} and {@code value} pick among each kind's forms. */
    record Step(int kind, String location, int mode, int value) {
    }

    static final int KINDS = 17;

    static Arbitrary<List<List<Step>>> programs() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, KINDS - 1),
                Arbitraries.of("x", "y"), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 2)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(2).ofMaxSize(3);
    }

    private static final Mode[] LOADS = {Mode.PLAIN, Mode.ONCE, Mode.ACQUIRE};
    private static final Mode[] STORES = {Mode.PLAIN, Mode.ONCE, Mode.RELEASE};
    private static final Mode[] RMWS = {Mode.FULL, Mode.RELAXED, Mode.ACQUIRE, Mode.RELEASE};
    private static final FenceKind[] FENCES = {FenceKind.MB, FenceKind.WMB, FenceKind.RMB, FenceKind.BEFORE_ATOMIC,
        FenceKind.AFTER_ATOMIC, FenceKind.AFTER_SPINLOCK, FenceKind.AFTER_UNLOCK_LOCK};

    static Program build(List<List<Step>> spec) {
        Program.Builder b = Program.builder("random-kernel").init("x", Value.of(0)).init("y", Value.of(0))
                .init("l", Value.of(0)).init("p", new Value.Addr("x"));
        int[] written = {0};
        for (int t = 0; t < spec.size(); t++) {
            Code c = new Code();
            List<String> observed = new ArrayList<>();
            int[] regs = {0};
            for (Step s : spec.get(t)) {
                step(c, s, regs, observed, written);
            }
            b.thread(new ThreadCode("P" + t, c.instructions()));
            for (String r : observed) {
                b.observe(t + ":" + r, "P" + t, r);
            }
        }
        return b.observe("x").observe("y").build();
    }

    private static String last(int[] regs) {
        return regs[0] == 0 ? null : "r" + (regs[0] - 1);
    }

    private static String fresh(int[] regs, List<String> observed) {
        String r = "r" + regs[0]++;
        observed.add(r);
        return r;
    }

    private static void step(Code c, Step s, int[] regs, List<String> observed, int[] written) {
        String loc = s.location();
        switch (s.kind()) {
            case 0:
                c.load(fresh(regs, observed), loc, LOADS[s.mode() % 3]);
                break;
            case 1:
                if (s.mode() == 6) {
                    c.store(loc, Value.of(++written[0]), Mode.ONCE).fence(FenceKind.MB); // smp_store_mb
                } else {
                    c.store(loc, Value.of(++written[0]), STORES[s.mode() % 3]);
                }
                break;
            case 2: {
                // A data dependency: store what the last read returned (or a constant).
                String r = last(regs);
                c.store(loc, r == null ? Expr.num(++written[0]) : Expr.reg(r), STORES[s.mode() % 3]);
                break;
            }
            case 3:
                c.cmpxchg(fresh(regs, observed), loc, Value.of(s.value()), Value.of(++written[0]), RMWS[s.mode() % 4]);
                break;
            case 4:
                c.xchg(fresh(regs, observed), loc, Value.of(++written[0]), RMWS[s.mode() % 4]);
                break;
            case 5:
                c.atomicAdd(loc, 1);
                break;
            case 6:
                c.fence(FENCES[s.mode()]);
                break;
            case 7: {
                // A control dependency.
                String r = last(regs);
                int w = ++written[0];
                if (r == null) {
                    c.writeOnce(loc, Value.of(w));
                } else {
                    c.ifThen(Expr.eq(Expr.reg(r), Expr.num(s.value())), then -> then.store(loc, Value.of(w),
                            STORES[s.mode() % 3]));
                }
                break;
            }
            case 8: {
                int w = ++written[0];
                c.spinLock("l").store(loc, Value.of(w), STORES[s.mode() % 3]).spinUnlock("l");
                break;
            }
            case 9: {
                String r = fresh(regs, observed);
                c.fence(FenceKind.RCU_LOCK).load(r, loc, LOADS[s.mode() % 3]).fence(FenceKind.RCU_UNLOCK);
                break;
            }
            case 10:
                c.fence(FenceKind.SYNC_RCU);
                break;
            case 11: {
                String r = fresh(regs, observed);
                c.srcuReadLock("s").load(r, loc, LOADS[s.mode() % 3]).srcuReadUnlock("s");
                break;
            }
            case 12:
                c.synchronizeSrcu("s");
                break;
            case 13:
                c.spinIsLocked(fresh(regs, observed), "l");
                break;
            case 14: {
                // An address dependency through the pointer p (x at first, y once some thread stores &y).
                String ptr = fresh(regs, observed);
                c.load(ptr, "p", Mode.ONCE);
                c.add(new Instr.Load(fresh(regs, observed), Expr.reg(ptr), LOADS[s.mode() % 3]));
                break;
            }
            case 15:
                c.store("p", new Value.Addr("y"), STORES[1 + s.mode() % 2]);
                break;
            default: {
                // A critical section that reads, or a lock never released (at most one may stay held).
                if (s.mode() == 0) {
                    c.spinLock("l");
                } else {
                    c.spinLock("l").load(fresh(regs, observed), loc, LOADS[s.mode() % 3]).spinUnlock("l");
                }
            }
        }
    }
}
