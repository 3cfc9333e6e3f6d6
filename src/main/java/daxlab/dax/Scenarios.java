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
    /** Outcome field: what fs_dax_get() (or fs_dax_get_by_bdev()) returned. */
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
    /** Outcome field: 1 when A's callback read A's data after A freed it (unmount-vs-reader). */
    public static final String READ_FREED = ReaderVariant.READ_FREED;

    /**
     * The fixes whose marked-accessor form ({@link Accessors#MARKED}) is exported and judged
     * beside the mainline one, with the acquire reader they are proposed with.
     */
    public static final List<PutVariant> MARKED_FIXES = List.of(PutVariant.CHECK_HOLDER, PutVariant.CHECK_HOLDER_SRCU);

    private Scenarios() {
    }

    /**
     * Every scenario with every put and reader variant it uses, with mainline accessors, and
     * the marked form of the fixes: what {@code daxlab enumerate --all} runs and the litmus
     * export writes.
     */
    public static List<DaxScenario> everyVariant() {
        List<DaxScenario> out = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            for (PutVariant p : putsOf(s)) {
                for (ReaderVariant r : readersOf(s)) {
                    out.add(build(s, p, r));
                }
            }
            List<PutVariant> marked = s.usesPut() ? MARKED_FIXES : List.of(PutVariant.PATCH_V1);
            ReaderVariant reader = s.usesReader() ? ReaderVariant.LOAD_ACQUIRE : ReaderVariant.DOUBLE_READ;
            for (PutVariant p : marked) {
                out.add(build(s, p, reader, Accessors.MARKED));
            }
        }
        return out;
    }

    /** The put variants a scenario is run with: all of them, or one when it calls no fs_put_dax(). */
    public static List<PutVariant> putsOf(Scenario s) {
        return s.usesPut() ? List.of(PutVariant.values()) : List.of(PutVariant.PATCH_V1);
    }

    /** The readers a scenario is run with: all of them, or one when it has no reader. */
    public static List<ReaderVariant> readersOf(Scenario s) {
        return s.usesReader() ? List.of(ReaderVariant.values()) : List.of(ReaderVariant.DOUBLE_READ);
    }

    /** The scenario with today's reader. */
    public static DaxScenario build(Scenario s, PutVersion put) {
        return build(s, put, ReaderVariant.DOUBLE_READ);
    }

    public static DaxScenario build(Scenario s, PutVersion put, ReaderVersion reader) {
        return build(s, put, reader, Accessors.MAINLINE);
    }

    /** The scenario with the chosen versions, built-in or a participant's own, and accessors. */
    public static DaxScenario build(Scenario s, PutVersion put, ReaderVersion reader, Accessors accessors) {
        return new Builder(s, put, reader, accessors).build();
    }

    /** The state of one build: the program so far and what its rules must cover. */
    private static final class Builder {
        private final Scenario s;
        private final PutVersion put;
        private final ReaderVersion reader;
        private final Accessors accessors;
        private final Program.Builder p;
        private final Set<Value> holders = new LinkedHashSet<>(List.of(A));
        private final List<String> readerFields = new ArrayList<>();
        private final List<Rule> extra = new ArrayList<>();
        private boolean finalStateRules = true;
        private boolean stranger;
        private String putThread = "P0";

        Builder(Scenario s, PutVersion put, ReaderVersion reader, Accessors accessors) {
            this.s = s;
            this.put = put;
            this.reader = reader;
            this.accessors = accessors;
            this.p = Program.builder(s.id());
        }

        DaxScenario build() {
            // The inode references are counted where a claim is about them.
            Setting set = new Setting(accessors,
                    s == Scenario.KILL_VS_PUT || s == Scenario.PUT_VS_GET_BY_BDEV);
            // A reader runs inside dax_read_lock() where a grace period can wait for it, or where
            // the callback's lifetime is the question.
            boolean srcu = put.usesSrcu() && s.usesPut();
            switch (s) {
                case PUT_VS_GET:
                    held().thread("P0", t -> put.call(t, A, set)).thread("P1", t -> Functions.fsDaxGet(t, B, "ret", set));
                    holders.add(B);
                    p.observe(GET, "P1", "ret");
                    break;
                case PUT_VS_GET_BY_BDEV:
                    held().init(Dax.ALIVE, Value.of(1)).init(Dax.I_COUNT, Value.of(1))
                            .thread("P0", t -> put.call(t, A, set))
                            .thread("P1", t -> Functions.fsDaxGetByBdev(t, B, "ret", set))
                            .observe(GET, "P1", "ret").observe(Dax.I_COUNT);
                    holders.add(B);
                    bdevReferences();
                    break;
                case PUT_VS_READER:
                    held().thread("P0", t -> put.call(t, A, set)).thread("P1", t -> reader.call(t, "ret", srcu, false, set));
                    reader("P1", READER);
                    break;
                case PUT_VS_OBSERVER:
                    held().thread("P0", t -> put.call(t, A, set)).thread("P1", reader::observe)
                            .observe(SEEN_DATA, "P1", "seen_data").observe(SEEN_OPS, "P1", "seen_ops");
                    extra.add(Hazard.RELEASED_DATA_WITH_OLD_OPS.when(
                            Cond.eq(SEEN_DATA, NULL).and(Cond.eq(SEEN_OPS, Dax.opsOf(A)))));
                    break;
                case PUT_VS_GET_VS_READER:
                    held().thread("P0", t -> put.call(t, A, set))
                            .thread("P1", t -> Functions.fsDaxGet(t, B, "ret", set))
                            .thread("P2", t -> reader.call(t, "ret", srcu, false, set));
                    holders.add(B);
                    p.observe(GET, "P1", "ret");
                    reader("P2", READER);
                    break;
                case GET_VS_READER:
                    free().thread("P0", t -> Functions.fsDaxGet(t, B, "ret", set))
                            .thread("P1", t -> reader.call(t, "ret", false, false, set))
                            .observe(GET, "P0", "ret");
                    holders.clear();
                    holders.add(B);
                    reader("P1", READER);
                    break;
                case UNMOUNT_VS_READER:
                    held().init(Dax.A_FREED, Value.of(0))
                            .thread("P0", t -> {
                                put.call(t, A, set);
                                t.call("kfree", k -> k.writeOnce(Dax.A_FREED, Value.of(1)));
                            })
                            .thread("P1", t -> reader.call(t, "ret", true, true, set))
                            .observe(READ_FREED, "P1", ReaderVariant.READ_FREED);
                    reader("P1", READER);
                    extra.add(Hazard.CALLBACK_AFTER_PUT.when(Cond.eq(READ_FREED, Value.of(1))));
                    break;
                case WRONG_HOLDER_PUT_SEQ:
                    held().thread("P0", t -> {
                        put.call(t, C, set);
                        reader.call(t, "ret", srcu, false, set);
                    });
                    strangerC();
                    reader("P0", READER);
                    break;
                case WRONG_HOLDER_PUT:
                    held().thread("P0", t -> put.call(t, C, set)).thread("P1", t -> reader.call(t, "ret", srcu, false, set));
                    strangerC();
                    reader("P1", READER);
                    break;
                case WRONG_HOLDER_VS_GET:
                    free().thread("P0", t -> put.call(t, C, set)).thread("P1", t -> Functions.fsDaxGet(t, B, "ret", set));
                    holders.add(B);
                    strangerC();
                    p.observe(GET, "P1", "ret");
                    break;
                case KILL_VS_PUT:
                    held().init(Dax.I_COUNT, Value.of(1))
                            .thread("P0", t -> Functions.killDax(t, reader, "ret", set))
                            .thread("P1", t -> put.call(t, A, set))
                            .observe(Dax.I_COUNT);
                    putThread = "P1";
                    reader("P0", KILL_NOTIFY);
                    // A's reference must be gone once A's fs_put_dax() returned, whatever kill_dax() did.
                    extra.add(Hazard.REFERENCE_LEAKED.when(Cond.eq(Dax.I_COUNT, Value.of(0)).negate()));
                    break;
                case KILL_VS_READER:
                    held().thread("P0", t -> Functions.killDax(t, reader, "ret", set))
                            .thread("P1", t -> reader.call(t, "ret", true, false, set));
                    reader("P0", KILL_NOTIFY);
                    reader("P1", READER);
                    break;
                case KILL_VS_GET:
                    free().thread("P0", t -> Functions.killDax(t, reader, "ret", set))
                            .thread("P1", t -> Functions.fsDaxGetWithPrologue(t, B, "ret", set))
                            .observe(GET, "P1", "ret");
                    holders.clear();
                    holders.add(B);
                    reader("P0", KILL_NOTIFY);
                    killVsGet();
                    break;
                default:
                    throw new AssertionError(s);
            }
            // dax_alive() reads the DAXDEV_ALIVE bit wherever the reader runs its kernel prologue.
            if (srcu || s == Scenario.KILL_VS_PUT || s == Scenario.KILL_VS_READER || s == Scenario.KILL_VS_GET
                    || s == Scenario.UNMOUNT_VS_READER) {
                p.init(Dax.ALIVE, Value.of(1));
            }
            if (s.usesPut() && put.warns()) {
                p.observe(WARN, putThread, "warn");
                extra.add(Hazard.FALSE_WARN.when(Cond.eq(WARN, Value.of(1))));
            }
            return new DaxScenario(s, put, reader, accessors, p.build(), classifier());
        }

        /** A holds the device with its ops installed. */
        private Program.Builder held() {
            return p.init(HOLDER_DATA, A).init(HOLDER_OPS, Dax.opsOf(A)).observe(HOLDER_DATA).observe(HOLDER_OPS);
        }

        /** Nobody holds the device. */
        private Program.Builder free() {
            return p.init(HOLDER_DATA, NULL).init(HOLDER_OPS, NULL).observe(HOLDER_DATA).observe(HOLDER_OPS);
        }

        private void strangerC() {
            holders.add(C);
            stranger = true;
        }

        private void reader(String thread, String field) {
            p.observe(field, thread, "ret");
            readerFields.add(field);
        }

        /**
         * A drops its reference; B keeps one exactly when it holds the device. Mainline's
         * fs_dax_get_by_bdev() keeps it on EBUSY too: graded INTERESTING and named, as it is
         * not fs_put_dax()'s doing. Any other count is the put's leak.
         */
        private void bdevReferences() {
            Cond one = Cond.eq(Dax.I_COUNT, Value.of(1));
            Cond zero = Cond.eq(Dax.I_COUNT, Value.of(0));
            extra.add(Hazard.REFERENCE_KEPT_ON_EBUSY.when(Cond.eq(GET, Dax.EBUSY).and(one)));
            extra.add(Hazard.REFERENCE_LEAKED.when(Cond.any(
                    Cond.eq(GET, Dax.OK).and(one.negate()),
                    Cond.eq(GET, Dax.EBUSY).and(zero.negate()).and(one.negate()))));
        }

        /**
         * kill_dax() against a claim: the device is dying, so readers get -ENXIO once it is dead
         * and no holder state is reached through it; what is left is what B was told.
         */
        private void killVsGet() {
            finalStateRules = false;
            Cond claimed = Cond.eq(GET, Dax.OK);
            Cond notified = Cond.eq(KILL_NOTIFY, okValue(B, B));
            extra.add(Hazard.CLAIMED_DURING_KILL.when(claimed.and(Cond.eq(HOLDER_DATA, B))));
            extra.add(Hazard.CLAIM_WIPED_BY_KILL.when(claimed.and(Cond.eq(HOLDER_DATA, NULL)).and(notified.negate())));
        }

        /**
         * The bad outcomes of docs/variants.md, spelled as herd7 conditions (see {@link Hazard}): final holder states
         * whose ops do not belong to holder_data, and a reader that calls through NULL or with
         * another holder's data; then the scenario's own.
         */
        private Classifier classifier() {
            List<Rule> rules = new ArrayList<>();
            if (finalStateRules) {
                for (Value h : holders) {
                    Cond noOps = Cond.eq(HOLDER_DATA, h).and(Cond.eq(HOLDER_OPS, NULL));
                    rules.add((stranger ? Hazard.OPS_WIPED_BY_STRANGER : Hazard.LOST_OPS).when(noOps));
                    for (Value other : holders) {
                        if (!other.equals(h)) {
                            rules.add(Hazard.MIXED_HOLDER.when(
                                    Cond.eq(HOLDER_DATA, h).and(Cond.eq(HOLDER_OPS, Dax.opsOf(other)))));
                        }
                    }
                    rules.add(Hazard.STALE_OPS.when(Cond.eq(HOLDER_DATA, NULL).and(Cond.eq(HOLDER_OPS, Dax.opsOf(h)))));
                }
            }
            for (String f : readerFields) {
                rules.add(Hazard.NULL_CALL.when(Cond.eq(f, Dax.NULL_CALL)));
                List<Value> contexts = new ArrayList<>(holders);
                contexts.add(NULL);
                for (Value owner : holders) {
                    for (Value ctx : contexts) {
                        if (!ctx.equals(owner)) {
                            rules.add(Hazard.WRONG_CONTEXT.when(Cond.eq(f, okValue(owner, ctx))));
                        }
                    }
                }
                if (stranger) {
                    rules.add(Hazard.RECOVERY_SILENTLY_OFF.when(Cond.eq(f, Dax.EOPNOTSUPP).and(Cond.eq(HOLDER_DATA, A))));
                }
            }
            rules.addAll(extra);
            return new Classifier(new ArrayList<>(new LinkedHashSet<>(rules)));
        }
    }

    /** The reader's result when it called {@code owner}'s ops with holder_data {@code ctx}. */
    public static Value okValue(Value owner, Value ctx) {
        return Value.sym("OK(" + Dax.opsOf(owner) + "," + ctx + ")");
    }

    /**
     * A scaled benchmark: {@code n} holders H1..Hn each with a getter thread ({@code fs_dax_get(Hi)})
     * and a putter thread ({@code fs_put_dax(Hi)}), on a free device. 2n threads, 4n-ish steps.
     */
    public static Program scaled(int n, PutVersion put) {
        if (n < 1 || n > 15) {
            throw new IllegalArgumentException("n must be in 1..15, got " + n);
        }
        Setting set = new Setting(Accessors.MAINLINE, false);
        Program.Builder p = Program.builder("scaled-" + n).init(HOLDER_DATA, NULL).init(HOLDER_OPS, NULL)
                .observe(HOLDER_DATA).observe(HOLDER_OPS);
        for (int i = 1; i <= n; i++) {
            Value h = Value.sym("H" + i);
            Consumer<Code> getter = t -> Functions.fsDaxGet(t, h, "ret", set);
            Consumer<Code> putter = t -> put.call(t, h, set);
            p.thread("G" + i, getter).thread("P" + i, putter);
        }
        return p.build();
    }
}
