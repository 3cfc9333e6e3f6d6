package daxlab.dax;

import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.Value;

import static daxlab.dax.Dax.EOPNOTSUPP;
import static daxlab.dax.Dax.HOLDER_DATA;
import static daxlab.dax.Dax.HOLDER_OPS;
import static daxlab.dax.Dax.NULL_CALL;

/**
 * The versions of the reader, {@code dax_holder_notify_failure()}. The holder's callback
 * ({@code notify_failure}) reads holder_data through {@code dax_holder(dev)}, a plain load; the
 * outcome {@code OK(ops,holder)} says which ops were called with which holder.
 */
public enum ReaderVariant implements ReaderVersion {
    /**
     * Today's code reads {@code dev->holder_ops} twice:
     * <pre>
     * if (!dev->holder_ops) return -EOPNOTSUPP;            // read #1
     * return dev->holder_ops->notify_failure(dev, ...);   // read #2
     * </pre>
     * A NULL store between the two reads makes read #2 call through NULL.
     */
    DOUBLE_READ("double read", "double", "if (!dev->holder_ops) ...; dev->holder_ops->notify_failure()", Origin.MAINLINE) {
        @Override
        void emitOpsCall(Code c, String result, boolean readsHolderData, Setting s) {
            c.load("ops1", HOLDER_OPS)
                    .ifElse(Expr.not(Expr.reg("ops1")),
                            none -> none.assign(result, EOPNOTSUPP),
                            some -> some.load("ops2", HOLDER_OPS)
                                    .ifElse(Expr.not(Expr.reg("ops2")),
                                            nul -> nul.assign(result, NULL_CALL),
                                            call -> callback(call, Expr.reg("ops2"), result, "holder", readsHolderData, s)));
        }
    },
    /** One {@code READ_ONCE()} into a local, then the test and the call use the local. */
    READ_ONCE("READ_ONCE", "ONCE", "ops = READ_ONCE(dev->holder_ops); if (!ops) ...; ops->notify_failure()", Origin.REVIEW) {
        @Override
        void emitOpsCall(Code c, String result, boolean readsHolderData, Setting s) {
            c.readOnce("ops", HOLDER_OPS);
            singleRead(c, result, readsHolderData, s);
        }
    },
    /** One {@code smp_load_acquire()} into a local, as the review also suggests. */
    LOAD_ACQUIRE("smp_load_acquire", "acquire", "ops = smp_load_acquire(&dev->holder_ops); if (!ops) ...; ops->notify_failure()",
            Origin.REVIEW) {
        @Override
        void emitOpsCall(Code c, String result, boolean readsHolderData, Setting s) {
            c.loadAcquire("ops", HOLDER_OPS);
            singleRead(c, result, readsHolderData, s);
        }
    };

    private final String label;
    private final String shortLabel;
    private final String summary;
    private final Origin origin;

    ReaderVariant(String label, String shortLabel, String summary, Origin origin) {
        this.label = label;
        this.shortLabel = shortLabel;
        this.summary = summary;
        this.origin = origin;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.builtIn(this);
    }

    /** The constant's name: {@code LOAD_ACQUIRE}. */
    @Override
    public String id() {
        return name();
    }

    /** A table column's worth: {@code double}, {@code ONCE}, {@code acquire}. */
    @Override
    public String shortLabel() {
        return shortLabel;
    }

    /** How a table row names it: {@code double read}, {@code READ_ONCE}, {@code smp_load_acquire}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String summary() {
        return summary;
    }

    /** Today's double read is mainline's; the single loads are the review's suggestions. */
    @Override
    public Origin origin() {
        return origin;
    }

    abstract void emitOpsCall(Code c, String result, boolean readsHolderData, Setting s);

    private static void singleRead(Code c, String result, boolean readsHolderData, Setting s) {
        c.ifElse(Expr.not(Expr.reg("ops")),
                none -> none.assign(result, EOPNOTSUPP),
                call -> callback(call, Expr.reg("ops"), result, "holder", readsHolderData, s));
    }

    /**
     * The holder's notify_failure() callback, called through {@code ops}: it finds its context
     * through dax_holder(dev) (into register {@code holder}) and reports {@code OK(ops,holder)}
     * in {@code result}. With {@code readsHolderData} it then reads holder A's own data (as xfs
     * reads its mount through the pointer), and register {@code read_freed} says whether A had
     * freed it by then. A participant's reader calls the same callback ({@link OwnReader}).
     */
    static void callback(Code c, Expr ops, String result, String holder, boolean readsHolderData, Setting s) {
        c.call("notify_failure", cb -> {
            Functions.daxHolder(cb, holder, s);
            cb.assign(result, Expr.tag("OK", ops, Expr.reg(holder)));
            if (readsHolderData) {
                cb.ifThen(Expr.eq(Expr.reg(holder), Expr.val(Dax.A)),
                        mine -> mine.readOnce(READ_FREED, Dax.A_FREED));
            }
        });
    }

    /** Register (and outcome field) of a callback that read A's data: 1 when A had freed it. */
    static final String READ_FREED = "read_freed";

    /**
     * Loads holder_data, then holder_ops, with this variant's access modes (plain, READ_ONCE, or an
     * acquire load of holder_data): the order in which the review's concern #1 says a reader can
     * see the released holder_data with the old holder_ops. No function of super.c acts on that
     * pair: kill_dax() tests holder_data only for NULL and does nothing when it is, and
     * dax_holder_notify_failure() loads the ops first. The observer is the concern's words made
     * a litmus test, not a model of a reader. Registers {@code seen_data} and {@code seen_ops}.
     */
    @Override
    public void observe(Code c) {
        c.call("observer", body -> {
            switch (this) {
                case DOUBLE_READ:
                    body.load("seen_data", HOLDER_DATA).load("seen_ops", HOLDER_OPS);
                    break;
                case READ_ONCE:
                    body.readOnce("seen_data", HOLDER_DATA).readOnce("seen_ops", HOLDER_OPS);
                    break;
                default:
                    body.loadAcquire("seen_data", HOLDER_DATA).readOnce("seen_ops", HOLDER_OPS);
            }
        });
    }

    /**
     * The reader as a thread calls it. With {@code underSrcu}, it runs as in the kernel: inside
     * dax_read_lock() and returning -ENXIO once the device is dead. That part is modelled where
     * it matters: against kill_dax(), against a put that waits for readers, and where the
     * callback's lifetime is the question. {@code readsHolderData}: the callback also reads
     * holder A's data (register {@code read_freed}, 0 unless it read A's data after A freed it).
     */
    @Override
    public void call(Code c, String result, boolean underSrcu, boolean readsHolderData, Setting s) {
        notifyFailure(c, result, underSrcu, readsHolderData, body -> emitOpsCall(body, result, readsHolderData, s));
    }

    /**
     * dax_holder_notify_failure() around the part that reads the ops and calls them
     * ({@code opsPart}): with {@code underSrcu}, inside dax_read_lock() and after the
     * dax_alive() check, as mainline has it (-ENXIO in {@code result} when the device is dead).
     * A participant's reader written as a body gets the same frame ({@link OwnReader}).
     */
    static void notifyFailure(Code c, String result, boolean underSrcu, boolean readsHolderData,
                              java.util.function.Consumer<Code> opsPart) {
        if (readsHolderData) {
            c.assign(READ_FREED, Value.of(0));
        }
        c.call("dax_holder_notify_failure", body -> {
            if (!underSrcu) {
                opsPart.accept(body);
                return;
            }
            body.srcuReadLock(Dax.DAX_SRCU)
                    .call("dax_alive", a -> a.readOnce("alive", Dax.ALIVE))
                    .ifElse(Expr.not(Expr.reg("alive")),
                            dead -> dead.assign(result, Dax.ENXIO),
                            opsPart)
                    .srcuReadUnlock(Dax.DAX_SRCU);
        });
    }
}
