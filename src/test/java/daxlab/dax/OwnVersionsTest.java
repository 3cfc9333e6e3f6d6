package daxlab.dax;

import daxlab.engine.Engine;
import daxlab.lab.Models;
import daxlab.outcome.Histogram;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.ThreadCode;
import daxlab.program.Walk;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static daxlab.dax.KernelCTranslationTest.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a participant's C means beyond the built-ins' texts: names and labels, parameters named in
 * the header, the WARN_ON and put_dax() bookkeeping, short-circuit evaluation, the oops of a call
 * through NULL, the orderings of the primitives, the observer.
 */
class OwnVersionsTest {

    static Histogram sc(Scenario s, PutVersion put) {
        return Models.run(Scenarios.build(s, put, ReaderVariant.LOAD_ACQUIRE), Engine.SC);
    }

    @Test
    void aVersionIsNamedAfterItsAuthorsNameAndMarkedAsTheirs() {
        OwnPut mine = new OwnPut("check, then release", "put_dax(dax_dev);");
        assertEquals("yours-check-then-release", mine.id());
        assertEquals("check, then release (yours)", mine.label());
        assertEquals("yours-check-then-release", mine.toString());
        assertEquals(Origin.PARTICIPANT, mine.origin());
        assertTrue(mine.participant());
        assertFalse(mine.hypothetical());
        assertEquals("put_dax(dax_dev);", mine.summary());
        DaxScenario d = Scenarios.build(Scenario.PUT_VS_GET, mine);
        assertEquals("put=yours-check-then-release", d.variantLabel());
        assertEquals(mine, new OwnPut("check, then release", "put_dax(dax_dev);"), "a record: equal by name and text");
    }

    @Test
    void kernelSourceShowsTheFunctionUnderItsName() {
        OwnPut body = new OwnPut("clear", "WRITE_ONCE(dax_dev->holder_ops, NULL);\nput_dax(dax_dev);\n");
        assertEquals("/* clear (yours) */\n"
                + "void fs_put_dax(struct dax_device *dax_dev, void *holder)\n"
                + "{\n"
                + "\tWRITE_ONCE(dax_dev->holder_ops, NULL);\n"
                + "\tput_dax(dax_dev);\n"
                + "}\n", KernelSource.fsPutDax(body));
        OwnPut spaces = new OwnPut("spaces", "if (READ_ONCE(dax_dev->holder_data) != holder)\n        return;\n"
                + "put_dax(dax_dev);\n");
        assertTrue(KernelSource.fsPutDax(spaces).contains("{\n\tif (READ_ONCE(dax_dev->holder_data) != holder)\n"
                + "\t\treturn;\n\tput_dax(dax_dev);\n}\n"), "eight spaces are a tab, as the kernel indents");
        String whole = KernelSource.fsPutDax(PutVariant.CHECK_HOLDER);
        assertEquals("/* whole (yours) */\n" + whole, KernelSource.fsPutDax(new OwnPut("whole", whole)));
        OwnReader r = new OwnReader("once", "return -EOPNOTSUPP;");
        assertTrue(KernelSource.notifyFailure(r).startsWith("/* once (yours) */\nint dax_holder_notify_failure("),
                KernelSource.notifyFailure(r));
    }

    /** A whole function names its parameters itself. */
    @Test
    void parametersAreNamedByTheHeader() {
        String v1 = KernelSource.fsPutDax(PutVariant.CHECK_HOLDER);
        OwnPut renamed = new OwnPut("renamed", v1.replace("*dax_dev", "*dev").replace("dax_dev->", "dev->")
                .replace("(dax_dev", "(dev").replace("dax_dev &&", "dev &&").replace("holder)", "h)")
                .replace("holder &&", "h &&").replace("== holder", "== h").replace("!= holder", "!= h")
                .replace("holder, NULL", "h, NULL"));
        assertTrue(renamed.text().contains("struct dax_device *dev, void *h)"), renamed.text());
        for (Scenario s : List.of(Scenario.PUT_VS_GET, Scenario.KILL_VS_PUT, Scenario.WRONG_HOLDER_PUT)) {
            assertEquals(summary(sc(s, PutVariant.CHECK_HOLDER)), summary(sc(s, renamed)), s.id());
        }
    }

    /** WARN_ON(cond) sets warn; a later one adds to it and never clears it. */
    @Test
    void warnOnAddsUp() {
        String once = "void *prev = cmpxchg(&dax_dev->holder_data, holder, NULL);\nWARN_ON(!prev);\nput_dax(dax_dev);\n";
        String twice = "void *prev = cmpxchg(&dax_dev->holder_data, holder, NULL);\nWARN_ON(!prev);\nWARN_ON(0);\n"
                + "put_dax(dax_dev);\n";
        Histogram one = sc(Scenario.KILL_VS_PUT, new OwnPut("once", once));
        Histogram two = sc(Scenario.KILL_VS_PUT, new OwnPut("twice", twice));
        assertEquals(summary(one), summary(two));
        assertTrue(one.countWhere(e -> e.grade().has(Hazard.FALSE_WARN.label())).signum() > 0, one.table());
        assertFalse(new OwnPut("no warn", "put_dax(dax_dev);").warns());
        assertTrue(new OwnPut("warns", once).warns());
        assertFalse(sc(Scenario.KILL_VS_PUT, new OwnPut("no warn", "put_dax(dax_dev);")).outcomes().get(0).text()
                .contains("warn="), "no warn field without a WARN_ON");
    }

    /** put_dax() is the counted reference drop: without it the reference leaks, twice it goes below zero. */
    @Test
    void putDaxIsTheCountedReferenceDrop() {
        Histogram none = sc(Scenario.KILL_VS_PUT, new OwnPut("none", "WRITE_ONCE(dax_dev->holder_ops, NULL);"));
        assertTrue(none.entries().stream().allMatch(e -> e.outcome().text().contains("i_count=1")
                && e.grade().has(Hazard.REFERENCE_LEAKED.label())), none.table());
        Histogram one = sc(Scenario.KILL_VS_PUT, new OwnPut("one", "put_dax(dax_dev);"));
        assertTrue(one.entries().stream().allMatch(e -> e.outcome().text().contains("i_count=0")), one.table());
        Histogram two = sc(Scenario.KILL_VS_PUT, new OwnPut("two", "put_dax(dax_dev);\nput_dax(dax_dev);"));
        assertTrue(two.entries().stream().allMatch(e -> e.outcome().text().contains("i_count=-1")
                && e.grade().has(Hazard.REFERENCE_LEAKED.label())), two.table());
    }

    /** The right side of && runs only when the left leaves the answer open: one shared step fewer. */
    @Test
    void andShortCircuits() {
        OwnPut and = new OwnPut("and", "if (READ_ONCE(dax_dev->holder_data) == holder &&\n"
                + "    cmpxchg(&dax_dev->holder_data, holder, NULL) == holder)\n"
                + "\tWRITE_ONCE(dax_dev->holder_ops, NULL);\nput_dax(dax_dev);\n");
        OwnPut nested = new OwnPut("nested", "if (READ_ONCE(dax_dev->holder_data) == holder) {\n"
                + "\tif (cmpxchg(&dax_dev->holder_data, holder, NULL) == holder)\n"
                + "\t\tWRITE_ONCE(dax_dev->holder_ops, NULL);\n}\nput_dax(dax_dev);\n");
        OwnPut both = new OwnPut("both", "void *cur = READ_ONCE(dax_dev->holder_data);\n"
                + "void *prev = cmpxchg(&dax_dev->holder_data, holder, NULL);\n"
                + "if (cur == holder && prev == holder)\n\tWRITE_ONCE(dax_dev->holder_ops, NULL);\nput_dax(dax_dev);\n");
        for (Scenario s : List.of(Scenario.PUT_VS_GET, Scenario.WRONG_HOLDER_VS_GET)) {
            assertEquals(summary(sc(s, nested)), summary(sc(s, and)), s.id());
        }
        assertNotEquals(sc(Scenario.WRONG_HOLDER_VS_GET, both).total(), sc(Scenario.WRONG_HOLDER_VS_GET, and).total());
    }

    /** Each primitive keeps its ordering; a plain access stays plain. */
    @Test
    void primitivesKeepTheirOrderings() {
        OwnPut p = new OwnPut("all", "void *a = dax_dev->holder_data;\nvoid *b = READ_ONCE(dax_dev->holder_data);\n"
                + "void *c = smp_load_acquire(&dax_dev->holder_data);\nvoid *d = xchg_release(&dax_dev->holder_ops, NULL);\n"
                + "void *e = cmpxchg_acquire(&dax_dev->holder_data, holder, NULL);\nsmp_mb();\nsmp_wmb();\nsmp_rmb();\n"
                + "dax_dev->holder_ops = NULL;\nWRITE_ONCE(dax_dev->holder_ops, NULL);\n"
                + "smp_store_release(&dax_dev->holder_ops, NULL);\nput_dax(dax_dev);\n");
        ThreadCode t = Scenarios.build(Scenario.PUT_VS_GET, p).program().thread("P0");
        List<String> texts = new ArrayList<>();
        Walk.each(t.body(), i -> {
            if (!(i instanceof Instr.Call) && !(i instanceof Instr.If)) {
                texts.add(i.text());
            }
        });
        assertEquals(List.of("a = holder_data", "b = READ_ONCE(holder_data)", "c = smp_load_acquire(&holder_data)",
                "d = xchg_release(holder_ops, NULL)", "e = cmpxchg_acquire(holder_data, A, NULL)", "smp_mb()", "smp_wmb()",
                "smp_rmb()", "holder_ops = NULL", "WRITE_ONCE(holder_ops, NULL)", "smp_store_release(&holder_ops, NULL)"),
                texts);
        List<Mode> modes = new ArrayList<>();
        Walk.each(t.body(), i -> {
            if (i instanceof Instr.Rmw r) {
                modes.add(r.mode());
            }
        });
        assertEquals(List.of(Mode.RELEASE, Mode.ACQUIRE), modes);
    }

    /**
     * A call through NULL is an oops: NULL_CALL is the reader's result even when the code goes on
     * and returns something else, in as many interleavings as today's double read.
     */
    @Test
    void aCallThroughNullIsAnOopsWhateverIsReturnedAfter() {
        OwnReader ignores = new OwnReader("ignores the result", "if (!dax_dev->holder_ops)\n\treturn -EOPNOTSUPP;\n"
                + "dax_dev->holder_ops->notify_failure(dax_dev, off, len, mf_flags);\nreturn 0;\n");
        Histogram own = Models.run(Scenarios.build(Scenario.PUT_VS_READER, PutVariant.PATCH_V1, ignores), Engine.SC);
        Histogram builtIn = Models.run(Scenarios.build(Scenario.PUT_VS_READER, PutVariant.PATCH_V1,
                ReaderVariant.DOUBLE_READ), Engine.SC);
        BigInteger nullCalls = own.countWhere(e -> e.grade().has(Hazard.NULL_CALL.label()));
        assertTrue(nullCalls.signum() > 0, own.table());
        assertEquals(builtIn.countWhere(e -> e.grade().has(Hazard.NULL_CALL.label())), nullCalls);
        assertEquals(builtIn.total(), own.total());
        assertTrue(own.entries().stream().anyMatch(e -> e.outcome().text().contains("reader=0")), own.table());
    }

    /** The reader's dax_holder() and the callback's follow the accessors; a participant's own accesses do not. */
    @Test
    void daxHolderFollowsTheAccessors() {
        OwnReader r = new OwnReader("checks the holder", "if (!dax_holder(dax_dev))\n\treturn -ENXIO;\nreturn 0;\n");
        for (Accessors a : Accessors.values()) {
            ThreadCode t = Scenarios.build(Scenario.PUT_VS_READER, PutVariant.PATCH_V1, r, a).program().thread("P1");
            List<Mode> modes = new ArrayList<>();
            Walk.each(t.body(), i -> {
                if (i instanceof Instr.Load l) {
                    modes.add(l.mode());
                }
            });
            assertEquals(List.of(a == Accessors.MAINLINE ? Mode.PLAIN : Mode.ONCE), modes, a.name());
        }
    }

    /** put-vs-observer runs the observer with the reader's mode for holder_ops: the built-in one of that mode. */
    @Test
    void theObserverTakesTheReadersMode() {
        OwnReader acquire = new OwnReader("acquire", "const struct dax_holder_operations *ops = "
                + "smp_load_acquire(&dax_dev->holder_ops);\nif (!ops)\n\treturn -EOPNOTSUPP;\n"
                + "return ops->notify_failure(dax_dev, off, len, mf_flags);\n");
        assertEquals(Scenarios.build(Scenario.PUT_VS_OBSERVER, PutVariant.PATCH_V1, ReaderVariant.LOAD_ACQUIRE)
                .program().threads(), Scenarios.build(Scenario.PUT_VS_OBSERVER, PutVariant.PATCH_V1, acquire)
                .program().threads());
        OwnReader never = new OwnReader("never", "return -EOPNOTSUPP;");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.build(Scenario.PUT_VS_OBSERVER, PutVariant.PATCH_V1, never));
        assertTrue(e.getMessage().contains("never (yours) never loads holder_ops"), e.getMessage());
    }

    /** A reader written whole keeps its own frame; written as a body, it gets mainline's (SRCU where modelled). */
    @Test
    void aWholeReaderKeepsItsFrame() {
        String whole = KernelSource.notifyFailure(ReaderVariant.READ_ONCE);
        OwnReader noAliveCheck = new OwnReader("no alive check", whole.replace("\tif (!dax_alive(dax_dev)) {\n"
                + "\t\trc = -ENXIO;\n\t\tgoto out;\n\t}\n", ""));
        Histogram h = Models.run(Scenarios.build(Scenario.KILL_VS_READER, PutVariant.PATCH_V1, noAliveCheck), Engine.SC);
        assertTrue(h.entries().stream().noneMatch(e -> e.outcome().text().contains("ENXIO")), h.table());
        Histogram b = Models.run(Scenarios.build(Scenario.KILL_VS_READER, PutVariant.PATCH_V1, ReaderVariant.READ_ONCE),
                Engine.SC);
        assertTrue(b.entries().stream().anyMatch(e -> e.outcome().text().contains("ENXIO")), b.table());
    }
}
