package daxlab.dax;

import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.Mode;
import daxlab.program.Value;

import static daxlab.dax.Dax.HOLDER_DATA;
import static daxlab.dax.Dax.HOLDER_OPS;
import static daxlab.dax.Dax.NULL;

/**
 * The versions of {@code fs_put_dax(dax_dev, holder)} under discussion. Each emits the body of
 * the function for one holder; {@code dax_dev} and {@code holder} are non-NULL in every scenario,
 * so the {@code if (dax_dev && holder)} test is always true and costs nothing. Every version
 * but the early-return draft ends with {@code put_dax(dax_dev)}, as mainline does.
 */
public enum PutVariant implements PutVersion {
    /**
     * Before the patch: release holder_data, then clear ops if we were the holder.
     * <pre>
     * if (cmpxchg(&dev->holder_data, holder, NULL) == holder)
     *         dev->holder_ops = NULL;
     * put_dax(dev);
     * </pre>
     * Between the two lines a new holder can install its ops, which the late store then wipes.
     */
    ORIGINAL("before the patch", "cmpxchg(holder_data, holder, NULL) == holder, then holder_ops = NULL", Origin.MAINLINE) {
        @Override
        void emit(Code c, Value holder, Setting s) {
            c.cmpxchg("old", HOLDER_DATA, holder, NULL)
                    .ifThen(Expr.eq(Expr.reg("old"), Expr.val(holder)), then -> then.store(HOLDER_OPS, NULL));
            Functions.putDax(c, s);
        }
    },
    /**
     * PATCH v1 (the thread): clear ops first, then release, unconditionally.
     * <pre>
     * dev->holder_ops = NULL;
     * cmpxchg(&dev->holder_data, holder, NULL);
     * put_dax(dev);
     * </pre>
     */
    PATCH_V1("PATCH v1", "holder_ops = NULL; cmpxchg(holder_data, holder, NULL)", Origin.PATCH) {
        @Override
        void emit(Code c, Value holder, Setting s) {
            c.store(HOLDER_OPS, NULL).cmpxchg("old", HOLDER_DATA, holder, NULL);
            Functions.putDax(c, s);
        }
    },
    /**
     * PATCH v1 with {@code cmpxchg_relaxed}: the review's weak-ordering concern made concrete.
     * Nobody proposed it; it shows what the full cmpxchg() buys.
     */
    PATCH_V1_RELAXED("PATCH v1 + relaxed", "holder_ops = NULL; cmpxchg_relaxed(holder_data, holder, NULL)", Origin.HYPOTHETICAL) {
        @Override
        void emit(Code c, Value holder, Setting s) {
            c.store(HOLDER_OPS, NULL).cmpxchg("old", HOLDER_DATA, holder, NULL, Mode.RELAXED);
            Functions.putDax(c, s);
        }
    },
    /** The reviewer's suggestion: {@code smp_store_release(&ops, NULL)} then {@code cmpxchg}. */
    REVIEW_SUGGESTION("review suggestion", "smp_store_release(&holder_ops, NULL); cmpxchg(holder_data, holder, NULL)", Origin.REVIEW) {
        @Override
        void emit(Code c, Value holder, Setting s) {
            c.storeRelease(HOLDER_OPS, NULL).cmpxchg("old", HOLDER_DATA, holder, NULL);
            Functions.putDax(c, s);
        }
    },
    /**
     * The reviewer's suggestion with {@code cmpxchg_relaxed}: does the release alone order the
     * pair? Nobody proposed it.
     */
    REVIEW_SUGGESTION_RELAXED("review + relaxed", "smp_store_release(&holder_ops, NULL); cmpxchg_relaxed(holder_data, holder, NULL)",
            Origin.HYPOTHETICAL) {
        @Override
        void emit(Code c, Value holder, Setting s) {
            c.storeRelease(HOLDER_OPS, NULL).cmpxchg("old", HOLDER_DATA, holder, NULL, Mode.RELAXED);
            Functions.putDax(c, s);
        }
    },
    /**
     * An earlier draft of the check-holder fix (this project's own, now superseded): it returns
     * early, and warns on any previous value but the holder.
     * <pre>
     * if (READ_ONCE(dev->holder_data) != holder)
     *         return;                           // skips put_dax(): the reference leaks
     * WRITE_ONCE(dev->holder_ops, NULL);
     * WARN_ON(cmpxchg(&dev->holder_data, holder, NULL) != holder);   // fires when kill_dax() cleared it
     * put_dax(dev);
     * </pre>
     * Kept as the counterexample that the "no false WARN" and "reference dropped" claims catch.
     */
    CHECK_HOLDER_EARLY_RETURN("early-return draft", "if (READ_ONCE(holder_data) != holder) return; WRITE_ONCE(holder_ops, NULL); "
            + "WARN_ON(cmpxchg(holder_data, holder, NULL) != holder); put_dax()", Origin.HYPOTHETICAL) {
        @Override
        void emit(Code c, Value holder, Setting s) {
            c.readOnce("cur", HOLDER_DATA).ifThen(Expr.eq(Expr.reg("cur"), Expr.val(holder)), owner -> {
                owner.writeOnce(HOLDER_OPS, NULL)
                        .cmpxchg("prev", HOLDER_DATA, holder, NULL)
                        .assign("warn", Expr.ne(Expr.reg("prev"), Expr.val(holder)));
                Functions.putDax(owner, s);
            });
        }

        @Override
        public boolean warns() {
            return true;
        }
    },
    /**
     * A candidate fix for both concerns: touch ops only when we hold the device, warn only when
     * somebody else holds it, and always drop the reference.
     * <pre>
     * if (READ_ONCE(dev->holder_data) == holder) {
     *         WRITE_ONCE(dev->holder_ops, NULL);  // ops first, as in PATCH v1
     *         prev = cmpxchg(&dev->holder_data, holder, NULL);
     *         WARN_ON(prev && prev != holder);    // NULL: kill_dax() got there first
     * }
     * put_dax(dev);
     * </pre>
     * The outcome field {@code warn} is 1 when the WARN_ON fired.
     */
    CHECK_HOLDER("check holder", "if (READ_ONCE(holder_data) == holder) { WRITE_ONCE(holder_ops, NULL); "
            + "prev = cmpxchg(holder_data, holder, NULL); WARN_ON(prev && prev != holder) } put_dax()", Origin.DAXLAB) {
        @Override
        void emit(Code c, Value holder, Setting s) {
            checkHolder(c, holder, false, s);
        }

        @Override
        public boolean warns() {
            return true;
        }
    },
    /**
     * CHECK_HOLDER plus an SRCU grace period between clearing the ops and releasing the device,
     * so that a reader inside dax_read_lock() that already loaded the old ops finishes its
     * callback while holder_data still names its holder, and before fs_put_dax() returns:
     * <pre>
     * if (READ_ONCE(dev->holder_data) == holder) {
     *         WRITE_ONCE(dev->holder_ops, NULL);
     *         synchronize_srcu(&dax_srcu);        // wait for readers that may hold the old ops
     *         prev = cmpxchg(&dev->holder_data, holder, NULL);
     *         WARN_ON(prev && prev != holder);
     * }
     * put_dax(dev);
     * </pre>
     * The cost: a grace period per unmount, and a deadlock if fs_put_dax() were ever called
     * inside dax_read_lock() (from a notify_failure() callback, say).
     */
    CHECK_HOLDER_SRCU("check holder + srcu", "if (READ_ONCE(holder_data) == holder) { WRITE_ONCE(holder_ops, NULL); synchronize_srcu(); "
            + "prev = cmpxchg(holder_data, holder, NULL); WARN_ON(prev && prev != holder) } put_dax()", Origin.DAXLAB) {
        @Override
        void emit(Code c, Value holder, Setting s) {
            checkHolder(c, holder, true, s);
        }

        @Override
        public boolean warns() {
            return true;
        }

        @Override
        public boolean usesSrcu() {
            return true;
        }
    };

    private final String label;
    private final String summary;
    private final Origin origin;

    PutVariant(String label, String summary, Origin origin) {
        this.label = label;
        this.summary = summary;
        this.origin = origin;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.builtIn(this);
    }

    /** The constant's name: {@code PATCH_V1}. */
    @Override
    public String id() {
        return name();
    }

    /** How a table row names it: {@code PATCH v1}, {@code check holder + srcu}. */
    @Override
    public String label() {
        return label;
    }

    /** The body shared by the CHECK_HOLDER variants, with or without the grace period. */
    private static void checkHolder(Code c, Value holder, boolean gracePeriod, Setting s) {
        c.assign("warn", Value.of(0));
        c.readOnce("cur", HOLDER_DATA).ifThen(Expr.eq(Expr.reg("cur"), Expr.val(holder)), owner -> {
            owner.writeOnce(HOLDER_OPS, NULL);
            if (gracePeriod) {
                owner.synchronizeSrcu(Dax.DAX_SRCU);
            }
            owner.cmpxchg("prev", HOLDER_DATA, holder, NULL)
                    .assign("warn", Expr.and(Expr.reg("prev"), Expr.ne(Expr.reg("prev"), Expr.val(holder))));
        });
        Functions.putDax(c, s);
    }

    /** Emits the body of fs_put_dax(dev, holder) into the thread's code. */
    abstract void emit(Code c, Value holder, Setting s);

    /** Whether this variant keeps WARN_ON bookkeeping in register {@code warn}. */
    @Override
    public boolean warns() {
        return false;
    }

    /**
     * Whether this variant waits for SRCU readers; the scenarios then model the reader's
     * dax_read_lock() section too, as the kernel has it.
     */
    @Override
    public boolean usesSrcu() {
        return false;
    }

    @Override
    public Origin origin() {
        return origin;
    }

    /** One line of C, for tables and legends. */
    @Override
    public String summary() {
        return summary;
    }

    /** The whole call, as a thread's code. */
    @Override
    public void call(Code c, Value holder, Setting s) {
        c.call("fs_put_dax", body -> emit(body, holder, s));
    }
}
