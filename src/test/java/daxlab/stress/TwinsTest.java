package daxlab.stress;

import daxlab.dax.Dax;
import daxlab.dax.Functions;
import daxlab.dax.Setting;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenarios;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Schedule;
import daxlab.interleave.Step;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Code;
import daxlab.program.Instr;
import daxlab.program.Program;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java twins cannot drift from the IR: same variant lists, same accesses in the same order
 * with the same modes and values, same results, from every starting state the scenarios use.
 */
class TwinsTest {

    /** Starting states: (holder_data, holder_ops). */
    private static final List<Holder[]> STATES = List.of(
            new Holder[] {Holder.A, Holder.A},     // A holds with opsA
            new Holder[] {Holder.A, null},         // A holds, ops already NULL
            new Holder[] {Holder.B, Holder.B},     // someone else holds
            new Holder[] {null, null});            // free

    @Test
    void everyPutVariantHasExactlyOneTwin() {
        assertEquals(names(PutVariant.values()), names(PutTwin.values()));
        for (PutTwin t : PutTwin.values()) {
            assertEquals(t, PutTwin.of(t.variant()));
        }
    }

    @Test
    void everyReaderVariantHasATwinAndEveryTwinAVariant() {
        Set<String> twinned = Arrays.stream(ReaderTwin.values()).map(t -> t.variant().name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names(ReaderVariant.values()), twinned);
    }

    @Test
    void everyFunctionIsTwinnedOrItsGapExplained() {
        Set<String> declared = Arrays.stream(Functions.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, new TreeSet<>(Twins.functions().keySet()));
        assertEquals("KernelTwin.fsDaxGet", Twins.functions().get("fsDaxGet"));
    }

    @Test
    void outcomeTextsAreTheIrValues() {
        assertEquals(Value.NULL.toString(), Holder.NULL);
        assertEquals(Dax.A.toString(), Holder.A.toString());
        assertEquals(Dax.B.toString(), Holder.B.toString());
        assertEquals(Dax.C.toString(), Holder.C.toString());
        assertEquals(Dax.opsOf(Dax.B).toString(), Holder.B.ops().toString());
        assertEquals(Dax.EOPNOTSUPP.toString(), ReaderTwin.EOPNOTSUPP);
        assertEquals(Dax.NULL_CALL.toString(), ReaderTwin.NULL_CALL);
        assertEquals(Dax.ENXIO.toString(), ReaderTwin.ENXIO);
        assertEquals(Dax.OK.toString(), KernelTwin.OK);
        assertEquals(Dax.EBUSY.toString(), KernelTwin.EBUSY);
        Device d = new Device(Holder.B);
        assertEquals(Scenarios.okValue(Dax.A, Dax.B).toString(), Holder.A.ops().notifyFailure(d));
    }

    @Test
    void putTwinsMakeTheIrAccessesFromEveryState() {
        for (PutTwin twin : PutTwin.values()) {
            for (Holder caller : new Holder[] {Holder.A, Holder.C}) {
                for (Holder[] s : STATES) {
                    TracingDevice dev = device(s);
                    int warn = twin.fsPutDax(dev, caller);
                    Run ir = runIr(s, c -> twin.variant().call(c, Value.sym(caller.toString()), Setting.MAINLINE),
                            twin.variant().warns() ? "warn" : null);
                    String where = twin + " called by " + caller + " from " + Arrays.toString(s);
                    assertEquals(ir.accesses, dev.trace(), where);
                    assertEquals(ir.outcome.get(Dax.HOLDER_DATA).toString(), dev.holderDataName(), where);
                    assertEquals(ir.outcome.get(Dax.HOLDER_OPS).toString(), dev.holderOpsName(), where);
                    if (twin.variant().warns()) {
                        assertEquals(ir.outcome.get("warn").toString(), Integer.toString(warn), where);
                    } else {
                        assertEquals(0, warn, where);
                    }
                }
            }
        }
    }

    @Test
    void readerTwinsMakeTheIrAccessesFromEveryState() {
        for (ReaderTwin twin : ReaderTwin.values()) {
            for (Holder[] s : STATES) {
                TracingDevice dev = device(s);
                String result = twin.notifyFailure(dev);
                Run ir = runIr(s, c -> twin.variant().call(c, "ret", false, false, Setting.MAINLINE), "ret");
                List<String> trace = dev.trace();
                if (!twin.sameModesAsVariant()) {
                    // The opaque double read is the plain one with both loads kept: same steps, READ_ONCE.
                    trace = trace.stream().map(l -> l.replace("READ_ONCE(holder_ops)", "load(holder_ops)"))
                            .collect(Collectors.toList());
                }
                String where = twin + " from " + Arrays.toString(s);
                assertEquals(ir.accesses, trace, where);
                assertEquals(ir.outcome.get("ret").toString(), result, where);
            }
        }
    }

    @Test
    void readerTwinsUnderSrcuMakeTheIrAccessesFromEveryState() {
        for (ReaderTwin twin : ReaderTwin.values()) {
            for (Holder[] s : STATES) {
                TracingDevice dev = device(s);
                String result = twin.notifyFailureUnderSrcu(dev);
                Run ir = runIr(s, c -> twin.variant().call(c, "ret", true, false, Setting.MAINLINE), "ret");
                List<String> trace = dev.trace();
                if (!twin.sameModesAsVariant()) {
                    trace = trace.stream().map(l -> l.replace("READ_ONCE(holder_ops)", "load(holder_ops)"))
                            .collect(Collectors.toList());
                }
                String where = twin + " under dax_read_lock() from " + Arrays.toString(s);
                assertEquals(ir.accesses, trace, where);
                assertEquals(ir.outcome.get("ret").toString(), result, where);
            }
        }
    }

    @Test
    void generatedReadersRunUnderSrcuExactlyWhenTheProgramDoes() {
        for (StressTest t : StressTest.all()) {
            boolean irSrcu = !t.daxScenario().program().srcuDomains().isEmpty();
            boolean noReaderSection = t.reader() == null || t.scenario() == daxlab.dax.Scenario.PUT_VS_OBSERVER;
            assertEquals(irSrcu, t.readerUnderSrcu() || (noReaderSection && t.put().variant().usesSrcu()),
                    t.testName());
        }
    }

    @Test
    void observerTwinsMakeTheIrAccessesFromEveryState() {
        for (ReaderTwin twin : ReaderTwin.values()) {
            for (Holder[] s : STATES) {
                TracingDevice dev = device(s);
                String seenData = twin.observeHolderData(dev);
                String seenOps = twin.observeHolderOps(dev);
                Program.Builder b = Program.builder("observer")
                        .init(Dax.HOLDER_DATA, value(s[0]))
                        .init(Dax.HOLDER_OPS, s[1] == null ? Value.NULL : Dax.opsOf(value(s[1])))
                        .thread("P0", twin.variant()::observe)
                        .observe("seen_data", "P0", "seen_data").observe("seen_ops", "P0", "seen_ops");
                Histogram h = Interleavings.enumerate(b.build(), Classifier.NONE);
                Histogram.Entry e = h.entries().get(0);
                List<String> ir = ((Schedule) e.witness()).steps().stream().map(Step::access).collect(Collectors.toList());
                List<String> trace = dev.trace();
                if (!twin.sameModesAsVariant()) {
                    trace = trace.stream().map(l -> l.replace("READ_ONCE(", "load(")).collect(Collectors.toList());
                }
                String where = twin + " observing " + Arrays.toString(s);
                assertEquals(ir, trace, where);
                assertEquals(e.outcome().get("seen_data").toString(), seenData, where);
                assertEquals(e.outcome().get("seen_ops").toString(), seenOps, where);
            }
        }
    }

    @Test
    void getTwinMakesTheIrAccessesFromEveryState() {
        for (Holder[] s : STATES) {
            TracingDevice dev = device(s);
            String result = KernelTwin.fsDaxGet(dev, Holder.B);
            Run ir = runIr(s, c -> Functions.fsDaxGet(c, Dax.B, "ret", Setting.MAINLINE), "ret");
            String where = "fs_dax_get(B) from " + Arrays.toString(s);
            assertEquals(ir.accesses, dev.trace(), where);
            assertEquals(ir.outcome.get("ret").toString(), result, where);
            assertEquals(ir.outcome.get(Dax.HOLDER_OPS).toString(), dev.holderOpsName(), where);
        }
    }

    @Test
    void stressTestThreadsAreTheScenarioProgramsThreads() {
        for (StressTest t : StressTest.all()) {
            Program p = t.daxScenario().program();
            assertEquals(t.actors().size(), p.threads().size(), t.testName());
            for (int i = 0; i < p.threads().size(); i++) {
                List<Instr> body = p.threads().get(i).body();
                assertEquals(1, body.size(), t.testName() + " P" + i);
                assertTrue(body.get(0) instanceof Instr.Call, t.testName() + " P" + i);
                assertEquals(t.actors().get(i).role().function(), ((Instr.Call) body.get(0)).function(),
                        t.testName() + " P" + i);
            }
            Value init = p.init().get(Dax.HOLDER_DATA);
            assertEquals(Holder.name(t.initialHolder()), init.toString(), t.testName());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Run(List<String> accesses, Outcome outcome) {
    }

    /** A device in state s = (holder_data, owner of holder_ops), with an empty trace. */
    private static TracingDevice device(Holder[] s) {
        return new TracingDevice(s[0], s[1] == null ? null : s[1].ops());
    }

    /** One thread running {@code body} alone under SC: its accesses and final state. */
    private static Run runIr(Holder[] s, Consumer<Code> body, String register) {
        Program.Builder b = Program.builder("twin")
                .init(Dax.HOLDER_DATA, value(s[0])).init(Dax.HOLDER_OPS, s[1] == null ? Value.NULL : Dax.opsOf(value(s[1])))
                .init(Dax.ALIVE, Value.of(1))
                .thread("P0", body).observe(Dax.HOLDER_DATA).observe(Dax.HOLDER_OPS);
        if (register != null) {
            b.observe(register, "P0", register);
        }
        Histogram h = Interleavings.enumerate(b.build(), Classifier.NONE);
        assertEquals(1, h.entries().size(), "one thread, one outcome");
        Histogram.Entry e = h.entries().get(0);
        List<String> accesses = new ArrayList<>();
        for (Step step : ((Schedule) e.witness()).steps()) {
            accesses.add(step.access());
        }
        return new Run(accesses, e.outcome());
    }

    private static Value value(Holder h) {
        return h == null ? Value.NULL : Value.sym(h.toString());
    }

    private static <E extends Enum<E>> Set<String> names(E[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
