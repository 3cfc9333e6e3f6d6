package daxlab.axiomatic;

import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Program;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static daxlab.axiomatic.Shapes.ONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The classic litmus shapes, built by hand with the IR's builder rather than parsed, under the
 * LKMM: the Positive/Negative counts and the number of final states are those herd7 7.58 prints
 * for the tests of the same names in the kernel's tools/memory-model/litmus-tests (facts taken
 * from herd7's output; the parsed suites with their recorded .herd7 files are LitmusSuitesTest's).
 */
class LkmmShapesTest {
    private final Model lkmm = new Lkmm();

    private void check(List<String> failures, Program p, long pos, long neg, int states) {
        Verdicts v = Verdicts.of(p, lkmm);
        Verdicts want = new Verdicts(pos, neg, states);
        if (!v.equals(want)) {
            failures.add(p.name() + ": got " + v + ", herd7 " + want);
        }
    }

    @Test
    void kernelShapesMatchHerd7Counts() {
        List<String> f = new ArrayList<>();
        check(f, Shapes.mpOnce(), 1, 3, 4);
        check(f, Shapes.mpReleaseAcquire(), 0, 3, 3);
        check(f, Shapes.mpWmbRmb(), 0, 3, 3);
        check(f, Shapes.sb("SB+poonceonces", false), 1, 3, 4);
        check(f, Shapes.sb("SB+fencembonceonces", true), 0, 3, 3);
        check(f, Shapes.lbOnce(), 1, 3, 4);
        check(f, Shapes.lbAcquireRelease(), 0, 3, 3);
        check(f, Shapes.lbMbCtrl(), 0, 2, 2);
        check(f, Shapes.iriw("IRIW+poonceonces+OnceOnce", false), 1, 15, 16);
        check(f, Shapes.iriw("IRIW+fencembonceonces+OnceOnce", true), 0, 15, 15);
        check(f, Shapes.r("R+poonceonces", false), 1, 3, 4);
        check(f, Shapes.r("R+fencembonceonces", true), 0, 3, 3);
        check(f, Shapes.s("S+poonceonces", t -> t.writeOnce("x", Shapes.TWO).writeOnce("y", ONE),
                t -> t.readOnce("r0", "y").writeOnce("x", ONE)), 1, 3, 4);
        check(f, Shapes.s("S+fencewmbonceonce+poacquireonce",
                t -> t.writeOnce("x", Shapes.TWO).fence(FenceKind.WMB).writeOnce("y", ONE),
                t -> t.loadAcquire("r0", "y").writeOnce("x", ONE)), 0, 3, 3);
        check(f, Shapes.wrc("WRC+poonceonces+Once", t -> t.readOnce("r0", "x").writeOnce("y", ONE),
                t -> t.readOnce("r0", "y").readOnce("r1", "x")), 1, 7, 8);
        check(f, Shapes.wrc("WRC+pooncerelease+fencermbonceonce+Once",
                t -> t.readOnce("r0", "x").storeRelease("y", ONE),
                t -> t.readOnce("r0", "y").fence(FenceKind.RMB).readOnce("r1", "x")), 0, 7, 7);
        check(f, Shapes.isa2("ISA2+poonceonces", t -> t.writeOnce("x", ONE).writeOnce("y", ONE),
                t -> t.readOnce("r0", "y").writeOnce("z", ONE),
                t -> t.readOnce("r0", "z").readOnce("r1", "x")), 1, 7, 8);
        check(f, Shapes.isa2("ISA2+pooncerelease+poacquirerelease+poacquireonce",
                t -> t.writeOnce("x", ONE).storeRelease("y", ONE),
                t -> t.loadAcquire("r0", "y").storeRelease("z", ONE),
                t -> t.loadAcquire("r0", "z").readOnce("r1", "x")), 0, 7, 7);
        check(f, Shapes.mpLocks(), 0, 3, 3);
        check(f, Shapes.mpLockIsLocked(true), 0, 9, 7);
        check(f, Shapes.mpLockIsLocked(false), 1, 11, 8);
        assertEquals(List.of(), f);
    }

    @Test
    void controlDependencyNeedsTheBranch() {
        // Without the if, LB+fencembonceonce+poonceonce is allowed.
        Program noCtrl = Shapes.lb("LB+fencembonceonce+poonceonce",
                t -> t.readOnce("r0", "x").writeOnce("y", ONE),
                t -> t.readOnce("r0", "y").smpMb().writeOnce("x", ONE));
        assertEquals(new Verdicts(1, 3, 4), Verdicts.of(noCtrl, lkmm));
        Program ctrl = Shapes.lb("LB+ctrl", t -> t.readOnce("r0", "x").ifThen(Expr.reg("r0"),
                th -> th.writeOnce("y", ONE)), t -> t.readOnce("r0", "y").smpMb().writeOnce("x", ONE));
        assertEquals(new Verdicts(0, 2, 2), Verdicts.of(ctrl, lkmm));
    }
}
