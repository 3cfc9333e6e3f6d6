package daxlab.axiomatic;

import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event carries the fields its kind has and no others: a fence has no location, an initial
 * write no instruction. Asking for a field the kind lacks fails at once, naming the event, where
 * a null used to travel on into a model and fail (or silently compare unequal) later.
 */
class EventTest {
    private static final Instr.Fence MB = new Instr.Fence(FenceKind.MB);
    private static final Instr.Store STORE = new Instr.Store(Expr.addr("x"), Expr.num(1), Mode.ONCE);

    @Test
    void aFenceHasAKindAndNoLocationValueOrMode() {
        Event f = Event.of(0, new Event.Fence(FenceKind.MB), MB, Optional.empty());
        assertEquals(Event.Kind.FENCE, f.kind());
        assertTrue(f.isFence(FenceKind.MB));
        assertFalse(f.isFence(FenceKind.WMB));
        assertFalse(f.hasLocation());
        assertFalse(f.hasValue());
        assertFalse(f.hasMode(Mode.PLAIN), "a fence is no plain access");
        IllegalStateException e = assertThrows(IllegalStateException.class, f::location);
        assertEquals("the event F[smp_mb] has no location", e.getMessage());
        assertThrows(IllegalStateException.class, f::value);
        assertThrows(IllegalStateException.class, f::mode);
        assertEquals(Event.RmwPart.NONE, f.rmw());
        assertEquals(Event.LockPart.NONE, f.lock());
    }

    @Test
    void anAccessHasEveryFieldButAFenceKind() {
        Event w = Event.of(1, Event.Access.of(Event.Kind.WRITE, "x", Value.of(1), Mode.ONCE), STORE,
                Optional.of("fs_put_dax"));
        assertEquals("x", w.location());
        assertEquals(Value.of(1), w.value());
        assertTrue(w.hasMode(Mode.ONCE));
        assertFalse(w.hasMode(Mode.PLAIN));
        assertFalse(w.isFence(FenceKind.MB));
        assertThrows(IllegalStateException.class, w::fence);
        assertEquals("W[once] x=1", w.label());
        assertEquals(Optional.of(STORE), w.source());
        assertEquals(Optional.of("fs_put_dax"), w.function());
    }

    @Test
    void anInitialWriteHasNoInstructionNoFunctionAndNoMode() {
        Event i = Event.initial(0, "x", Value.NULL);
        assertTrue(i.isInit() && i.isWrite());
        assertEquals(-1, i.thread());
        assertEquals(Optional.empty(), i.source());
        assertEquals(Optional.empty(), i.function());
        assertFalse(i.hasMode(Mode.PLAIN));
        assertEquals("Winit x=NULL", i.label());
    }

    @Test
    void srcuMarkersHaveTheirDomainAsLocationAndOnlyLockAndUnlockAValue() {
        Instr.Srcu sync = Instr.Srcu.synchronize("s");
        Event lock = Event.of(0, new Event.SrcuAccess(Event.Kind.SRCU_LOCK, "s", Value.of(1)), sync, Optional.empty());
        Event gp = Event.of(0, new Event.GracePeriod(Event.Kind.SRCU_SYNC, "s"), sync, Optional.empty());
        assertEquals("s", lock.location());
        assertEquals(Value.of(1), lock.value());
        assertTrue(lock.isRead() && lock.isSrcu());
        assertEquals("s", gp.location());
        assertFalse(gp.hasValue());
        assertThrows(IllegalStateException.class, gp::value);
        assertEquals("srcu_read_lock(s)=1", lock.label());
        assertEquals("synchronize_srcu(s)", gp.label());
    }

    @Test
    void eachRecordTakesOnlyItsOwnKinds() {
        assertThrows(IllegalArgumentException.class,
                () -> Event.Access.of(Event.Kind.FENCE, "x", Value.of(0), Mode.ONCE));
        assertThrows(IllegalArgumentException.class,
                () -> new Event.SrcuAccess(Event.Kind.GP_END, "s", Value.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new Event.GracePeriod(Event.Kind.SRCU_LOCK, "s"));
        assertThrows(NullPointerException.class, () -> Event.Access.of(Event.Kind.READ, null, Value.of(0), Mode.ONCE));
    }

    @Test
    void onlyAnInitialWriteHasNoInstruction() {
        assertThrows(IllegalArgumentException.class, () -> new Event(0, 0, new Event.Fence(FenceKind.MB),
                Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Event(0, -1, new Event.Init("x", Value.of(0)),
                Optional.of(STORE), Optional.empty()));
    }
}
