package daxlab.axiomatic;

import daxlab.program.Code;
import daxlab.program.Cond;
import daxlab.program.FenceKind;
import daxlab.program.Program;
import daxlab.program.Value;

import java.util.function.Consumer;

/** The classic litmus shapes of the kernel's test suite, built with the program builder. */
final class Shapes {
    private Shapes() {
    }

    static final Value ZERO = Value.of(0);
    static final Value ONE = Value.of(1);
    static final Value TWO = Value.of(2);

    static Program.Builder two(String name, String... locs) {
        Program.Builder b = Program.builder(name);
        for (String l : locs) {
            b.init(l, ZERO);
        }
        return b;
    }

    /** MP: P0 writes x then y; P1 reads y then x. exists (1:r0=1 /\ 1:r1=0). */
    static Program mp(String name, Consumer<Code> writer, Consumer<Code> reader) {
        return two(name, "x", "y").thread("P0", writer).thread("P1", reader)
                .observe("1:r0", "P1", "r0").observe("1:r1", "P1", "r1")
                .exists(Cond.eq("1:r0", ONE).and(Cond.eq("1:r1", ZERO))).build();
    }

    static Program mpOnce() {
        return mp("MP+poonceonces", t -> t.writeOnce("x", ONE).writeOnce("y", ONE),
                t -> t.readOnce("r0", "y").readOnce("r1", "x"));
    }

    static Program mpReleaseAcquire() {
        return mp("MP+pooncerelease+poacquireonce", t -> t.writeOnce("x", ONE).storeRelease("y", ONE),
                t -> t.loadAcquire("r0", "y").readOnce("r1", "x"));
    }

    static Program mpWmbRmb() {
        return mp("MP+fencewmbonceonce+fencermbonceonce",
                t -> t.writeOnce("x", ONE).fence(FenceKind.WMB).writeOnce("y", ONE),
                t -> t.readOnce("r0", "y").fence(FenceKind.RMB).readOnce("r1", "x"));
    }

    /** SB: each thread writes its own and reads the other's. exists (0:r0=0 /\ 1:r0=0). */
    static Program sb(String name, boolean mb) {
        return two(name, "x", "y")
                .thread("P0", t -> {
                    t.writeOnce("x", ONE);
                    if (mb) {
                        t.smpMb();
                    }
                    t.readOnce("r0", "y");
                })
                .thread("P1", t -> {
                    t.writeOnce("y", ONE);
                    if (mb) {
                        t.smpMb();
                    }
                    t.readOnce("r0", "x");
                })
                .observe("0:r0", "P0", "r0").observe("1:r0", "P1", "r0")
                .exists(Cond.eq("0:r0", ZERO).and(Cond.eq("1:r0", ZERO))).build();
    }

    /** LB: each reads then writes the other. exists (0:r0=1 /\ 1:r0=1). */
    static Program lb(String name, Consumer<Code> p0, Consumer<Code> p1) {
        return two(name, "x", "y").thread("P0", p0).thread("P1", p1)
                .observe("0:r0", "P0", "r0").observe("1:r0", "P1", "r0")
                .exists(Cond.eq("0:r0", ONE).and(Cond.eq("1:r0", ONE))).build();
    }

    static Program lbOnce() {
        return lb("LB+poonceonces", t -> t.readOnce("r0", "x").writeOnce("y", ONE),
                t -> t.readOnce("r0", "y").writeOnce("x", ONE));
    }

    static Program lbAcquireRelease() {
        return lb("LB+poacquireonce+pooncerelease", t -> t.loadAcquire("r0", "x").writeOnce("y", ONE),
                t -> t.readOnce("r0", "y").storeRelease("x", ONE));
    }

    static Program lbMbCtrl() {
        return lb("LB+fencembonceonce+ctrlonceonce",
                t -> t.readOnce("r0", "x").ifThen(daxlab.program.Expr.reg("r0"), th -> th.writeOnce("y", ONE)),
                t -> t.readOnce("r0", "y").smpMb().writeOnce("x", ONE));
    }

    /** IRIW: two writers, two readers reading in opposite orders. */
    static Program iriw(String name, boolean mb) {
        return two(name, "x", "y")
                .thread("P0", t -> t.writeOnce("x", ONE))
                .thread("P1", t -> {
                    t.readOnce("r0", "x");
                    if (mb) {
                        t.smpMb();
                    }
                    t.readOnce("r1", "y");
                })
                .thread("P2", t -> t.writeOnce("y", ONE))
                .thread("P3", t -> {
                    t.readOnce("r0", "y");
                    if (mb) {
                        t.smpMb();
                    }
                    t.readOnce("r1", "x");
                })
                .observe("1:r0", "P1", "r0").observe("1:r1", "P1", "r1")
                .observe("3:r0", "P3", "r0").observe("3:r1", "P3", "r1")
                .exists(Cond.eq("1:r0", ONE).and(Cond.eq("1:r1", ZERO)).and(Cond.eq("3:r0", ONE))
                        .and(Cond.eq("3:r1", ZERO))).build();
    }

    /** 2+2W: exists (x=1 /\ y=1) after P0: x=1;y=2 and P1: y=1;x=2. */
    static Program twoPlusTwoW(String name, boolean mb) {
        return two(name, "x", "y")
                .thread("P0", t -> {
                    t.writeOnce("x", ONE);
                    if (mb) {
                        t.smpMb();
                    }
                    t.writeOnce("y", Value.of(2));
                })
                .thread("P1", t -> {
                    t.writeOnce("y", ONE);
                    if (mb) {
                        t.smpMb();
                    }
                    t.writeOnce("x", Value.of(2));
                })
                .observe("x").observe("y")
                .exists(Cond.eq("x", ONE).and(Cond.eq("y", ONE))).build();
    }

    /** S: P0: x=2; y=1 / P1: r0=y; x=1. exists (x=2 /\ 1:r0=1). */
    static Program s(String name, Consumer<Code> p0, Consumer<Code> p1) {
        return two(name, "x", "y").thread("P0", p0).thread("P1", p1)
                .observe("x").observe("1:r0", "P1", "r0")
                .exists(Cond.eq("x", Value.of(2)).and(Cond.eq("1:r0", ONE))).build();
    }

    /** R: P0: x=1; y=1 / P1: y=2; r0=x. exists (y=2 /\ 1:r0=0). */
    static Program r(String name, boolean mb) {
        return two(name, "x", "y")
                .thread("P0", t -> {
                    t.writeOnce("x", ONE);
                    if (mb) {
                        t.smpMb();
                    }
                    t.writeOnce("y", ONE);
                })
                .thread("P1", t -> {
                    t.writeOnce("y", Value.of(2));
                    if (mb) {
                        t.smpMb();
                    }
                    t.readOnce("r0", "x");
                })
                .observe("y").observe("1:r0", "P1", "r0")
                .exists(Cond.eq("y", Value.of(2)).and(Cond.eq("1:r0", ZERO))).build();
    }

    /** WRC: P0: x=1 / P1: r0=x; y=1 / P2: r0=y; r1=x. */
    static Program wrc(String name, Consumer<Code> p1, Consumer<Code> p2) {
        return two(name, "x", "y")
                .thread("P0", t -> t.writeOnce("x", ONE)).thread("P1", p1).thread("P2", p2)
                .observe("1:r0", "P1", "r0").observe("2:r0", "P2", "r0").observe("2:r1", "P2", "r1")
                .exists(Cond.eq("1:r0", ONE).and(Cond.eq("2:r0", ONE)).and(Cond.eq("2:r1", ZERO))).build();
    }

    /** ISA2: P0: x=1; y=1 / P1: r0=y; z=1 / P2: r0=z; r1=x. */
    static Program isa2(String name, Consumer<Code> p0, Consumer<Code> p1, Consumer<Code> p2) {
        return two(name, "x", "y", "z").thread("P0", p0).thread("P1", p1).thread("P2", p2)
                .observe("1:r0", "P1", "r0").observe("2:r0", "P2", "r0").observe("2:r1", "P2", "r1")
                .exists(Cond.eq("1:r0", ONE).and(Cond.eq("2:r0", ONE)).and(Cond.eq("2:r1", ZERO))).build();
    }

    /** MP+polocks: P0: x=1; lock; y=1; unlock / P1: lock; r0=y; unlock; r1=x. */
    static Program mpLocks() {
        return Program.builder("MP+polocks").init("x", ZERO).init("y", ZERO).init("l", ZERO)
                .thread("P0", t -> t.writeOnce("x", ONE).spinLock("l").writeOnce("y", ONE).spinUnlock("l"))
                .thread("P1", t -> t.spinLock("l").readOnce("r0", "y").spinUnlock("l").readOnce("r1", "x"))
                .observe("1:r0", "P1", "r0").observe("1:r1", "P1", "r1")
                .exists(Cond.eq("1:r0", ONE).and(Cond.eq("1:r1", ZERO))).build();
    }

    /** MP+polockmbonce+poacquiresilsil (herd7: Never, 0 positive, 9 negative, 7 states). */
    static Program mpLockIsLocked(boolean afterSpinlock) {
        return Program.builder(afterSpinlock ? "MP+polockmbonce+poacquiresilsil" : "MP+polockonce+poacquiresilsil")
                .init("x", ZERO).init("lo", ZERO)
                .thread("P0", t -> {
                    t.spinLock("lo");
                    if (afterSpinlock) {
                        t.fence(FenceKind.AFTER_SPINLOCK);
                    }
                    t.writeOnce("x", ONE).spinUnlock("lo");
                })
                .thread("P1", t -> t.loadAcquire("r1", "x").spinIsLocked("r2", "lo").spinIsLocked("r3", "lo"))
                .observe("1:r1", "P1", "r1").observe("1:r2", "P1", "r2").observe("1:r3", "P1", "r3")
                .exists(Cond.eq("1:r1", ONE).and(Cond.eq("1:r2", ZERO)).and(Cond.eq("1:r3", ONE))).build();
    }
}
