package daxlab.dax;

import daxlab.program.Code;
import daxlab.program.Expr;

import static daxlab.dax.Dax.EOPNOTSUPP;
import static daxlab.dax.Dax.HOLDER_DATA;
import static daxlab.dax.Dax.HOLDER_OPS;
import static daxlab.dax.Dax.NULL_CALL;

/**
 * The versions of the reader, {@code dax_holder_notify_failure()}. The holder's callback
 * ({@code notify_failure}) reads holder_data through {@code dax_holder(dev)}, a plain load; the
 * outcome {@code OK(ops,holder)} says which ops were called with which holder.
 */
public enum ReaderVariant {
    /**
     * Today's code reads {@code dev->holder_ops} twice:
     * <pre>
     * if (!dev->holder_ops) return -EOPNOTSUPP;            // read #1
     * return dev->holder_ops->notify_failure(dev, ...);   // read #2
     * </pre>
     * A NULL store between the two reads makes read #2 call through NULL.
     */
    DOUBLE_READ("if (!dev->holder_ops) ...; dev->holder_ops->notify_failure()") {
        @Override
        void emitOpsCall(Code c, String result) {
            c.load("ops1", HOLDER_OPS)
                    .ifElse(Expr.not(Expr.reg("ops1")),
                            none -> none.assign(result, EOPNOTSUPP),
                            some -> some.load("ops2", HOLDER_OPS)
                                    .ifElse(Expr.not(Expr.reg("ops2")),
                                            nul -> nul.assign(result, NULL_CALL),
                                            call -> callback(call, "ops2", result)));
        }
    },
    /** One {@code READ_ONCE()} into a local, then the test and the call use the local. */
    READ_ONCE("ops = READ_ONCE(dev->holder_ops); if (!ops) ...; ops->notify_failure()") {
        @Override
        void emitOpsCall(Code c, String result) {
            c.readOnce("ops", HOLDER_OPS);
            singleRead(c, result);
        }
    },
    /** One {@code smp_load_acquire()} into a local, as the review also suggests. */
    LOAD_ACQUIRE("ops = smp_load_acquire(&dev->holder_ops); if (!ops) ...; ops->notify_failure()") {
        @Override
        void emitOpsCall(Code c, String result) {
            c.loadAcquire("ops", HOLDER_OPS);
            singleRead(c, result);
        }
    };

    private final String summary;

    ReaderVariant(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }

    abstract void emitOpsCall(Code c, String result);

    private static void singleRead(Code c, String result) {
        c.ifElse(Expr.not(Expr.reg("ops")),
                none -> none.assign(result, EOPNOTSUPP),
                call -> callback(call, "ops", result));
    }

    /** The holder's notify_failure() callback: it finds its context through dax_holder(dev). */
    private static void callback(Code c, String opsRegister, String result) {
        c.call("notify_failure", cb -> cb
                .call("dax_holder", h -> h.load("holder", HOLDER_DATA))
                .assign(result, Expr.tag("OK", Expr.reg(opsRegister), Expr.reg("holder"))));
    }

    /**
     * Loads holder_data, then holder_ops, with this variant's access modes (plain, READ_ONCE, or an
     * acquire load of holder_data): the order in which the review's concern #1 says a reader can
     * see the new holder_data with the old holder_ops. Registers {@code seen_data} and {@code seen_ops}.
     */
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
     * dax_read_lock() and returning -ENXIO once the device is dead. That part is modelled only in
     * the kill_dax scenarios, where it matters.
     */
    public void call(Code c, String result, boolean underSrcu) {
        c.call("dax_holder_notify_failure", body -> {
            if (!underSrcu) {
                emitOpsCall(body, result);
                return;
            }
            body.srcuReadLock(Dax.DAX_SRCU)
                    .call("dax_alive", a -> a.readOnce("alive", Dax.ALIVE))
                    .ifElse(Expr.not(Expr.reg("alive")),
                            dead -> dead.assign(result, Dax.ENXIO),
                            live -> emitOpsCall(live, result))
                    .srcuReadUnlock(Dax.DAX_SRCU);
        });
    }
}
