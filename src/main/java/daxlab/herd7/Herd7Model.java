package daxlab.herd7;

import daxlab.engine.Engine;
import daxlab.litmus.Herd7Result.Comparison;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Program;
import daxlab.program.Walk;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The models herd7 runs a dax litmus file under, how it is told to, and which of our engines
 * answer for the same model.
 */
public enum Herd7Model {
    /** The Linux-kernel memory model, as the kernel's {@code tools/memory-model} runs herd7. */
    LKMM("lkmm", List.of(Engine.LKMM)),
    /**
     * Sequential consistency: herdtools7's {@code sc.cat} with the kernel's macros
     * ({@code linux-kernel.def}), against our SC interleavings and axiomatic SC.
     */
    SC("sc", List.of(Engine.SC, Engine.SC_AXIOMATIC));

    private final String id;
    private final List<Engine> engines;

    Herd7Model(String id, List<Engine> engines) {
        this.id = id;
        this.engines = engines;
    }

    /** {@code lkmm} or {@code sc}: the middle of a recorded answer's name, NAME.lkmm.herd7. */
    public String id() {
        return id;
    }

    /** Our engines ({@code daxlab litmus --model NAME}) that answer for this model. */
    public List<Engine> engines() {
        return engines;
    }

    /** herd7's options for this model, before the file: the LKMM's files come from {@code lkmmDir}. */
    public List<String> options(Path lkmmDir) {
        String dir = lkmmDir.toString();
        switch (this) {
            case LKMM: return List.of("-I", dir, "-conf", lkmmDir.resolve("linux-kernel.cfg").toString());
            default: return List.of("-I", dir, "-macros", "linux-kernel.def", "-model", "sc.cat");
        }
    }

    /** The options as the recordings' README shows them, with {@code LKMM} for the directory. */
    public String optionsText() {
        return String.join(" ", options(Path.of("LKMM")));
    }

    /** The name herd7's answer on {@code litmusFileName} is recorded under: NAME.lkmm.herd7. */
    public String recordName(String litmusFileName) {
        String base = litmusFileName.endsWith(".litmus")
                ? litmusFileName.substring(0, litmusFileName.length() - ".litmus".length()) : litmusFileName;
        return base + "." + id + ".herd7";
    }

    /**
     * Why herd7's model is weaker than ours on this program, if it is. {@code sc.cat} is SC over
     * memory accesses only: {@code synchronize_rcu()}/{@code synchronize_srcu()} wait for nothing
     * there (the grace-period axiom is linux-kernel.cat's), and spinlocks have no lock.cat. Our SC
     * engines keep both, so herd7 may reach more states than they do, never fewer.
     */
    public Optional<String> weakerThanOurs(Program p) {
        if (this != SC) {
            return Optional.empty();
        }
        Set<String> gracePeriods = new LinkedHashSet<>();
        Set<String> locks = new LinkedHashSet<>();
        p.threads().forEach(t -> Walk.each(t.body(), i -> i.accept(new Instr.Visitor<Void>() {
            @Override
            public Void srcu(Instr.Srcu s) {
                if (s.op() == Instr.SrcuOp.SYNCHRONIZE) {
                    gracePeriods.add(s.kernelName());
                }
                return null;
            }

            @Override
            public Void fence(Instr.Fence f) {
                if (f.kind() == FenceKind.SYNC_RCU) {
                    gracePeriods.add(FenceKind.SYNC_RCU.kernelName());
                }
                return null;
            }

            @Override
            public Void lock(Instr.Lock l) {
                locks.add(l.op().kernelName());
                return null;
            }

            @Override
            public Void load(Instr.Load l) {
                return null;
            }

            @Override
            public Void store(Instr.Store s) {
                return null;
            }

            @Override
            public Void rmw(Instr.Rmw r) {
                return null;
            }

            @Override
            public Void assign(Instr.Assign a) {
                return null;
            }

            @Override
            public Void branch(Instr.If f) {
                return null;
            }

            @Override
            public Void call(Instr.Call c) {
                return null;
            }
        })));
        List<String> why = new java.util.ArrayList<>();
        if (!gracePeriods.isEmpty()) {
            why.add("sc.cat has no grace periods (" + String.join(", ", gracePeriods) + ")");
        }
        if (!locks.isEmpty()) {
            why.add("sc.cat has no lock.cat (" + String.join(", ", locks) + ")");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    /** Whether {@code engine} counts executions as herd7 does; {@code sc} counts interleavings. */
    public static boolean countsExecutions(Engine engine) {
        return !engine.interleavings();
    }

    /** How {@code engine}'s answer on {@code p} compares with herd7's under this model. */
    public Comparison comparison(Engine engine, Program p) {
        if (weakerThanOurs(p).isPresent()) {
            return Comparison.WITHIN;
        }
        return countsExecutions(engine) ? Comparison.EXACT : Comparison.WITHOUT_COUNTS;
    }
}
