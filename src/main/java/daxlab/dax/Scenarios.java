package daxlab.dax;

import daxlab.outcome.Classifier;
import daxlab.outcome.Rule;
import daxlab.program.Code;
import daxlab.program.Cond;
import daxlab.program.Program;
import daxlab.program.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static daxlab.dax.Dax.A;
import static daxlab.dax.Dax.B;
import static daxlab.dax.Dax.C;
import static daxlab.dax.Dax.HOLDER_DATA;
import static daxlab.dax.Dax.HOLDER_OPS;
import static daxlab.dax.Dax.NULL;

/** Builds the scenario programs and their grading rules. */
public final class Scenarios {
    /** Outcome field: what fs_dax_get() returned. */
    public static final String GET = "get";
    /** Outcome field: what dax_holder_notify_failure() did. */
    public static final String READER = "reader";
    /** Outcome field: what kill_dax()'s own notification did. */
    public static final String KILL_NOTIFY = "kill_notify";
    /** Outcome fields: what the observer of put-vs-observer loaded. */
    public static final String SEEN_DATA = "seen_data";
    public static final String SEEN_OPS = "seen_ops";
    /** Outcome field: 1 when the put's WARN_ON fired (variants that have one). */
    public static final String WARN = "warn";

    private Scenarios() {
    }

    /** Every scenario with every put and reader variant it uses: what {@code daxlab enumerate --all} runs. */
    public static List<DaxScenario> everyVariant() {
        List<DaxScenario> out = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            PutVariant[] puts = s.usesPut() ? PutVariant.values() : new PutVariant[] {PutVariant.PATCH_V1};
            ReaderVariant[] readers = s.usesReader() ? ReaderVariant.values()
                    : new ReaderVariant[] {ReaderVariant.DOUBLE_READ};
            for (PutVariant p : puts) {
                for (ReaderVariant r : readers) {
                    out.add(build(s, p, r));
                }
            }
        }
        return out;
    }

    /** The scenario with today's reader. */
    public static DaxScenario build(Scenario s, PutVariant put) {
        return build(s, put, ReaderVariant.DOUBLE_READ);
    }

    public static DaxScenario build(Scenario s, PutVariant put, ReaderVariant reader) {
        Program.Builder p = Program.builder(s.id());
        List<String> readerFields = new ArrayList<>();
        Set<Value> holders = new LinkedHashSet<>(List.of(A));
        String putThread = "P0";
        // The reader runs inside dax_read_lock() where a grace period can wait for it.
        boolean srcu = put.usesSrcu() && s.usesPut();
        boolean observer = false;
        switch (s) {
            case PUT_VS_GET:
                held(p).thread("P0", t -> put.call(t, A)).thread("P1", t -> Functions.fsDaxGet(t, B, "ret"));
                holders.add(B);
                observeGet(p, "P1");
                break;
            case PUT_VS_READER:
                held(p).thread("P0", t -> put.call(t, A)).thread("P1", t -> reader.call(t, "ret", srcu));
                observeReader(p, "P1", READER, readerFields);
                break;
            case PUT_VS_OBSERVER:
                held(p).thread("P0", t -> put.call(t, A)).thread("P1", reader::observe)
                        .observe(SEEN_DATA, "P1", "seen_data").observe(SEEN_OPS, "P1", "seen_ops");
                observer = true;
                break;
            case PUT_VS_GET_VS_READER:
                held(p).thread("P0", t -> put.call(t, A))
                        .thread("P1", t -> Functions.fsDaxGet(t, B, "ret"))
                        .thread("P2", t -> reader.call(t, "ret", srcu));
                holders.add(B);
                observeGet(p, "P1");
                observeReader(p, "P2", READER, readerFields);
                break;
            case WRONG_HOLDER_PUT_SEQ:
                held(p).thread("P0", t -> {
                    put.call(t, C);
                    reader.call(t, "ret", srcu);
                });
                holders.add(C);
                observeReader(p, "P0", READER, readerFields);
                break;
            case WRONG_HOLDER_PUT:
                held(p).thread("P0", t -> put.call(t, C)).thread("P1", t -> reader.call(t, "ret", srcu));
                holders.add(C);
                observeReader(p, "P1", READER, readerFields);
                break;
            case WRONG_HOLDER_VS_GET:
                p.init(HOLDER_DATA, NULL).init(HOLDER_OPS, NULL).observe(HOLDER_DATA).observe(HOLDER_OPS)
                        .thread("P0", t -> put.call(t, C)).thread("P1", t -> Functions.fsDaxGet(t, B, "ret"));
                holders.add(B);
                holders.add(C);
                observeGet(p, "P1");
                break;
            case KILL_VS_PUT:
                held(p).thread("P0", t -> Functions.killDax(t, reader, "ret")).thread("P1", t -> put.call(t, A));
                putThread = "P1";
                observeReader(p, "P0", KILL_NOTIFY, readerFields);
                break;
            case KILL_VS_READER:
                held(p).thread("P0", t -> Functions.killDax(t, reader, "ret"))
                        .thread("P1", t -> reader.call(t, "ret", true));
                observeReader(p, "P0", KILL_NOTIFY, readerFields);
                observeReader(p, "P1", READER, readerFields);
                break;
            default:
                throw new AssertionError(s);
        }
        // dax_alive() reads the DAXDEV_ALIVE bit wherever the reader runs its kernel prologue.
        if (srcu || s == Scenario.KILL_VS_PUT || s == Scenario.KILL_VS_READER) {
            alive(p);
        }
        if (s.usesPut() && put.warns()) {
            p.observe(WARN, putThread, "warn");
        }
        boolean stranger = holders.contains(C);
        Classifier c = classifier(holders, readerFields, stranger);
        if (observer) {
            List<Rule> rules = new ArrayList<>(c.rules());
            rules.add(Rule.forbidden("released data with old ops",
                    Cond.eq(SEEN_DATA, NULL).and(Cond.eq(SEEN_OPS, Dax.opsOf(A)))));
            c = new Classifier(rules);
        }
        return new DaxScenario(s, put, reader, p.build(), c);
    }

    /** A holds the device with its ops installed. */
    private static Program.Builder held(Program.Builder p) {
        return p.init(HOLDER_DATA, A).init(HOLDER_OPS, Dax.opsOf(A)).observe(HOLDER_DATA).observe(HOLDER_OPS);
    }

    private static Program.Builder alive(Program.Builder p) {
        return p.init(Dax.ALIVE, Value.of(1));
    }

    private static void observeGet(Program.Builder p, String thread) {
        p.observe(GET, thread, "ret");
    }

    private static void observeReader(Program.Builder p, String thread, String field, List<String> fields) {
        p.observe(field, thread, "ret");
        fields.add(field);
    }

    /**
     * The bad outcomes of docs/variants.md, spelled as herd7 conditions:
     * <ul>
     * <li><b>lost ops</b>: a holder is registered with NULL ops ({@code holder_data=B /\ holder_ops=NULL});</li>
     * <li><b>ops wiped by a stranger</b>: the same, where a stranger's put did it;</li>
     * <li><b>stale ops</b> / <b>mixed holder</b>: any other ops that do not belong to holder_data;</li>
     * <li><b>NULL call</b>: the second read of ops was NULL;</li>
     * <li><b>wrong context</b>: ops of one holder called with another holder's (or NULL) holder_data.</li>
     * </ul>
     */
    private static Classifier classifier(Set<Value> holders, List<String> readerFields, boolean stranger) {
        List<Rule> rules = new ArrayList<>();
        for (Value h : holders) {
            Cond noOps = Cond.eq(HOLDER_DATA, h).and(Cond.eq(HOLDER_OPS, NULL));
            rules.add(Rule.forbidden(stranger ? "ops wiped by a stranger" : "lost ops", noOps));
            for (Value other : holders) {
                if (!other.equals(h)) {
                    rules.add(Rule.forbidden("mixed holder",
                            Cond.eq(HOLDER_DATA, h).and(Cond.eq(HOLDER_OPS, Dax.opsOf(other)))));
                }
            }
            rules.add(Rule.forbidden("stale ops", Cond.eq(HOLDER_DATA, NULL).and(Cond.eq(HOLDER_OPS, Dax.opsOf(h)))));
        }
        for (String f : readerFields) {
            rules.add(Rule.forbidden("NULL call", Cond.eq(f, Dax.NULL_CALL)));
            List<Value> contexts = new ArrayList<>(holders);
            contexts.add(NULL);
            for (Value owner : holders) {
                for (Value ctx : contexts) {
                    if (!ctx.equals(owner)) {
                        rules.add(Rule.forbidden("wrong context", Cond.eq(f, okValue(owner, ctx))));
                    }
                }
            }
            if (stranger) {
                rules.add(Rule.interesting("recovery silently off",
                        Cond.eq(f, Dax.EOPNOTSUPP).and(Cond.eq(HOLDER_DATA, A))));
            }
        }
        return new Classifier(dedupe(rules));
    }

    /** The reader's result when it called {@code owner}'s ops with holder_data {@code ctx}. */
    public static Value okValue(Value owner, Value ctx) {
        return Value.sym("OK(" + Dax.opsOf(owner) + "," + ctx + ")");
    }

    private static List<Rule> dedupe(List<Rule> rules) {
        return new ArrayList<>(new LinkedHashSet<>(rules));
    }

    /**
     * A scaled benchmark: {@code n} holders H1..Hn each with a getter thread ({@code fs_dax_get(Hi)})
     * and a putter thread ({@code fs_put_dax(Hi)}), on a free device. 2n threads, 4n-ish steps.
     */
    public static Program scaled(int n, PutVariant put) {
        if (n < 1 || n > 15) {
            throw new IllegalArgumentException("n must be in 1..15, got " + n);
        }
        Program.Builder p = Program.builder("scaled-" + n).init(HOLDER_DATA, NULL).init(HOLDER_OPS, NULL)
                .observe(HOLDER_DATA).observe(HOLDER_OPS);
        for (int i = 1; i <= n; i++) {
            Value h = Value.sym("H" + i);
            Consumer<Code> getter = t -> Functions.fsDaxGet(t, h, "ret");
            Consumer<Code> putter = t -> put.call(t, h);
            p.thread("G" + i, getter).thread("P" + i, putter);
        }
        return p.build();
    }
}
