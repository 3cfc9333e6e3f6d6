package daxlab.cat;

import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classic litmus shapes (MP, SB, LB, S, R, 2+2W, WRC, ISA2) with each access and each link
 * between two accesses of a thread drawn at random, as herdtools7's diy builds its families:
 * the accesses plain, marked, acquire/release, RMWs of each ordering, void atomics, failing
 * cmpxchg; the links po, every fence, data and control dependencies, RCU, SRCU and spinlock
 * sections, grace periods, an unlock-lock hand-over. Where two models differ, it is usually on
 * one such pattern.
 */
final class ShapePrograms {
    private ShapePrograms() {
    }

    /** A test: its shape, the form of each access, the link after each access. */
    record Spec(int shape, List<Integer> accesses, List<Integer> links) {
    }

    static final int SHAPES = 8;
    static final int WRITES = 8;
    static final int READS = 7;
    static final int LINKS = 18;

    static Arbitrary<Spec> specs() {
        return Combinators.combine(Arbitraries.integers().between(0, SHAPES - 1),
                Arbitraries.integers().between(0, 55).list().ofSize(6),
                Arbitraries.integers().between(0, LINKS - 1).list().ofSize(6)).as(Spec::new);
    }

    /** An access: a write ({@code W}) or a read ({@code R}) of a location. */
    private record Access(boolean write, String location) {
    }

    /** Each shape as threads of accesses. */
    private static List<List<Access>> shape(int s) {
        Access wx = new Access(true, "x");
        Access wy = new Access(true, "y");
        Access rx = new Access(false, "x");
        Access ry = new Access(false, "y");
        Access wz = new Access(true, "z");
        Access rz = new Access(false, "z");
        switch (s) {
            case 0: return List.of(List.of(wx, wy), List.of(ry, rx));             // MP
            case 1: return List.of(List.of(wx, ry), List.of(wy, rx));             // SB
            case 2: return List.of(List.of(rx, wy), List.of(ry, wx));             // LB
            case 3: return List.of(List.of(wx, wy), List.of(ry, wx));             // S
            case 4: return List.of(List.of(wx, wy), List.of(wy, rx));             // R
            case 5: return List.of(List.of(wx, wy), List.of(wy, wx));             // 2+2W
            case 6: return List.of(List.of(wx), List.of(rx, wy), List.of(ry, rx)); // WRC
            default: return List.of(List.of(wx, wy), List.of(ry, wz), List.of(rz, rx)); // ISA2
        }
    }

    static Program build(Spec spec) {
        List<List<Access>> threads = shape(spec.shape());
        Program.Builder b = Program.builder("shape" + spec.shape()).init("x", Value.of(0)).init("y", Value.of(0))
                .init("z", Value.of(0)).init("l", Value.of(0));
        int k = 0;
        for (int t = 0; t < threads.size(); t++) {
            List<Access> accesses = threads.get(t);
            int first = k;
            k += accesses.size();
            List<Integer> links = new ArrayList<>();
            for (int i = 0; i + 1 < accesses.size(); i++) {
                links.add(spec.links().get((first + i) % 6));
            }
            State st = new State();
            Code c = new Code();
            // Sections that hold the whole thread open at its start and close at its end.
            List<Runnable> closers = new ArrayList<>();
            if (links.contains(13)) {
                c.spinLock("l");
                closers.add(0, () -> c.spinUnlock("l"));
            }
            if (links.contains(16)) {
                c.fence(FenceKind.RCU_LOCK);
                closers.add(0, () -> c.fence(FenceKind.RCU_UNLOCK));
            }
            if (links.contains(17)) {
                c.srcuReadLock("s");
                closers.add(0, () -> c.srcuReadUnlock("s"));
            }
            for (int i = 0; i < accesses.size(); i++) {
                access(c, accesses.get(i), spec.accesses().get((first + i) % 6), st);
                if (i < links.size()) {
                    link(c, links.get(i), st, closers);
                }
            }
            closers.forEach(Runnable::run);
            b.thread(new ThreadCode("P" + t, c.instructions()));
            for (String r : st.observed) {
                b.observe(t + ":" + r, "P" + t, r);
            }
        }
        return b.observe("x").observe("y").build();
    }

    private static final class State {
        int regs;
        int values;
        String lastRead;
        String pendingData;
        String pendingCtrl;
        final List<String> observed = new ArrayList<>();

        String fresh() {
            String r = "r" + regs++;
            observed.add(r);
            return r;
        }
    }

    private static void access(Code c, Access a, int form, State st) {
        if (st.pendingCtrl != null) {
            String r = st.pendingCtrl;
            st.pendingCtrl = null;
            c.ifThen(Expr.eq(Expr.reg(r), Expr.num(1)), then -> access(then, a, form, st));
            return;
        }
        String l = a.location();
        if (a.write()) {
            int v = ++st.values;
            String data = st.pendingData;
            st.pendingData = null;
            Expr value = data != null ? Expr.reg(data) : Expr.num(v);
            switch (form % WRITES) {
                case 0: c.store(l, value, Mode.PLAIN); break;
                case 1: c.store(l, value, Mode.ONCE); break;
                case 2: c.store(l, value, Mode.RELEASE); break;
                case 3: c.add(new Instr.Rmw(Optional.of(st.fresh()), Expr.addr(l), new RmwOp.Xchg(value), Mode.FULL)); break;
                case 4: c.add(new Instr.Rmw(Optional.of(st.fresh()), Expr.addr(l), new RmwOp.Xchg(value), Mode.RELAXED)); break;
                case 5: c.add(new Instr.Rmw(Optional.of(st.fresh()), Expr.addr(l), new RmwOp.Xchg(value), Mode.RELEASE)); break;
                case 6: c.atomicAdd(l, 1); break;
                default:
                    c.add(new Instr.Rmw(Optional.of(st.fresh()), Expr.addr(l), new RmwOp.Cmpxchg(Expr.num(0), value),
                            form % 2 == 0 ? Mode.FULL : Mode.ACQUIRE));
            }
        } else {
            String r = st.fresh();
            switch (form % READS) {
                case 0: c.load(r, l, Mode.PLAIN); break;
                case 1: c.load(r, l, Mode.ONCE); break;
                case 2: c.load(r, l, Mode.ACQUIRE); break;
                case 3: c.add(new Instr.Rmw(Optional.of(r), Expr.addr(l), new RmwOp.FetchAdd(Expr.num(0), false), Mode.ACQUIRE)); break;
                case 4:
                    c.atomicAdd(l, 1); // a void atomic reads too (NORETURN)
                    st.observed.remove(r);
                    st.lastRead = null;
                    return;
                case 5: c.add(new Instr.Rmw(Optional.of(r), Expr.addr(l), new RmwOp.Cmpxchg(Expr.num(7), Expr.num(8)), Mode.FULL)); break;
                default: c.add(new Instr.Rmw(Optional.of(r), Expr.addr(l), new RmwOp.Xchg(Expr.num(9)), Mode.RELAXED));
            }
            st.lastRead = r;
        }
    }

    /** What comes between two accesses of a thread; a section opened here closes at the thread's end. */
    private static void link(Code c, int link, State st, List<Runnable> closers) {
        switch (link) {
            case 0: break;
            case 1: c.fence(FenceKind.MB); break;
            case 2: c.fence(FenceKind.WMB); break;
            case 3: c.fence(FenceKind.RMB); break;
            case 4: c.fence(FenceKind.BEFORE_ATOMIC); break;
            case 5: c.fence(FenceKind.AFTER_ATOMIC); break;
            case 6: st.pendingData = st.lastRead; break;
            case 7: st.pendingCtrl = st.lastRead; break;
            case 8:
                c.fence(FenceKind.RCU_LOCK);
                closers.add(0, () -> c.fence(FenceKind.RCU_UNLOCK));
                break;
            case 9: c.fence(FenceKind.SYNC_RCU); break;
            case 10:
                c.srcuReadLock("s");
                closers.add(0, () -> c.srcuReadUnlock("s"));
                break;
            case 11: c.synchronizeSrcu("s"); break;
            case 12: c.spinLock("l").spinUnlock("l"); break;
            case 13: c.spinUnlock("l").spinLock("l"); break; // the thread holds l from its start
            case 14:
                c.spinLock("l").fence(FenceKind.AFTER_SPINLOCK);
                closers.add(0, () -> c.spinUnlock("l"));
                break;
            case 15: c.spinLock("l").spinUnlock("l").spinLock("l").fence(FenceKind.AFTER_UNLOCK_LOCK).spinUnlock("l"); break;
            default: break; // 16, 17: sections around the whole thread, opened in build()
        }
    }
}
