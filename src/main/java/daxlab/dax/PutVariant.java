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
 * so the {@code if (dax_dev && holder)} test is always true and costs nothing.
 */
public enum PutVariant {
    /**
     * Before the patch: release holder_data, then clear ops if we were the holder.
     * <pre>
     * if (cmpxchg(&dev->holder_data, holder, NULL) == holder)
     *         dev->holder_ops = NULL;
     * </pre>
     * Between the two lines a new holder can install its ops, which the late store then wipes.
     */
    ORIGINAL("cmpxchg(holder_data, holder, NULL) == holder, then holder_ops = NULL") {
        @Override
        void emit(Code c, Value holder) {
            c.cmpxchg("old", HOLDER_DATA, holder, NULL)
                    .ifThen(Expr.eq(Expr.reg("old"), Expr.val(holder)), then -> then.store(HOLDER_OPS, NULL));
        }
    },
    /**
     * PATCH v1 (the thread): clear ops first, then release, unconditionally.
     * <pre>
     * dev->holder_ops = NULL;
     * cmpxchg(&dev->holder_data, holder, NULL);
     * </pre>
     */
    PATCH_V1("holder_ops = NULL; cmpxchg(holder_data, holder, NULL)") {
        @Override
        void emit(Code c, Value holder) {
            c.store(HOLDER_OPS, NULL).cmpxchg("old", HOLDER_DATA, holder, NULL);
        }
    },
    /** PATCH v1 with {@code cmpxchg_relaxed}: the review's weak-ordering concern made concrete. */
    PATCH_V1_RELAXED("holder_ops = NULL; cmpxchg_relaxed(holder_data, holder, NULL)") {
        @Override
        void emit(Code c, Value holder) {
            c.store(HOLDER_OPS, NULL).cmpxchg("old", HOLDER_DATA, holder, NULL, Mode.RELAXED);
        }
    },
    /** The reviewer's suggestion: {@code smp_store_release(&ops, NULL)} then {@code cmpxchg}. */
    REVIEW_SUGGESTION("smp_store_release(&holder_ops, NULL); cmpxchg(holder_data, holder, NULL)") {
        @Override
        void emit(Code c, Value holder) {
            c.storeRelease(HOLDER_OPS, NULL).cmpxchg("old", HOLDER_DATA, holder, NULL);
        }
    },
    /** The reviewer's suggestion with {@code cmpxchg_relaxed}: does the release alone order the pair? */
    REVIEW_SUGGESTION_RELAXED("smp_store_release(&holder_ops, NULL); cmpxchg_relaxed(holder_data, holder, NULL)") {
        @Override
        void emit(Code c, Value holder) {
            c.storeRelease(HOLDER_OPS, NULL).cmpxchg("old", HOLDER_DATA, holder, NULL, Mode.RELAXED);
        }
    },
    /**
     * A candidate fix for both concerns: touch ops only when we hold the device, and record a
     * WARN_ON when the release still finds someone else there.
     * <pre>
     * if (READ_ONCE(dev->holder_data) != holder)
     *         return;                           // a stranger changes nothing
     * WRITE_ONCE(dev->holder_ops, NULL);         // ops first, as in PATCH v1
     * prev = cmpxchg(&dev->holder_data, holder, NULL);
     * WARN_ON(prev != holder);
     * </pre>
     * The outcome field {@code warn} is 1 when the WARN_ON fired.
     */
    CHECK_HOLDER("if (READ_ONCE(holder_data) == holder) { WRITE_ONCE(holder_ops, NULL); "
            + "WARN_ON(cmpxchg(holder_data, holder, NULL) != holder) }") {
        @Override
        void emit(Code c, Value holder) {
            checkHolder(c, holder, false);
        }

        @Override
        public boolean warns() {
            return true;
        }
    },
    /**
     * CHECK_HOLDER plus an SRCU grace period between clearing the ops and releasing the device,
     * so that a reader inside dax_read_lock() that already loaded the old ops finishes its
     * callback while holder_data still names its holder:
     * <pre>
     * if (READ_ONCE(dev->holder_data) != holder)
     *         return;
     * WRITE_ONCE(dev->holder_ops, NULL);
     * synchronize_srcu(&dax_srcu);               // wait for readers that may hold the old ops
     * prev = cmpxchg(&dev->holder_data, holder, NULL);
     * WARN_ON(prev != holder);
     * </pre>
     * fs_put_dax() runs at unmount, where a grace period's latency is affordable.
     */
    CHECK_HOLDER_SRCU("if (READ_ONCE(holder_data) == holder) { WRITE_ONCE(holder_ops, NULL); synchronize_srcu(); "
            + "WARN_ON(cmpxchg(holder_data, holder, NULL) != holder) }") {
        @Override
        void emit(Code c, Value holder) {
            checkHolder(c, holder, true);
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

    private final String summary;

    PutVariant(String summary) {
        this.summary = summary;
    }

    /** The body shared by the CHECK_HOLDER variants, with or without the grace period. */
    private static void checkHolder(Code c, Value holder, boolean gracePeriod) {
        c.readOnce("cur", HOLDER_DATA).ifThen(Expr.eq(Expr.reg("cur"), Expr.val(holder)), owner -> {
            owner.writeOnce(HOLDER_OPS, NULL);
            if (gracePeriod) {
                owner.synchronizeSrcu(Dax.DAX_SRCU);
            }
            owner.cmpxchg("prev", HOLDER_DATA, holder, NULL)
                    .assign("warn", Expr.ne(Expr.reg("prev"), Expr.val(holder)));
        });
    }

    /** Emits the body of fs_put_dax(dev, holder) into the thread's code. */
    abstract void emit(Code c, Value holder);

    /** Whether this variant keeps WARN_ON bookkeeping in register {@code warn}. */
    public boolean warns() {
        return false;
    }

    /**
     * Whether this variant waits for SRCU readers; the scenarios then model the reader's
     * dax_read_lock() section too, as the kernel has it.
     */
    public boolean usesSrcu() {
        return false;
    }

    /** One line of C, for tables and legends. */
    public String summary() {
        return summary;
    }

    /** The whole call, as a thread's code. */
    public void call(Code c, Value holder) {
        c.call("fs_put_dax", body -> emit(body, holder));
    }
}
