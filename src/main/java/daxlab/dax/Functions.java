package daxlab.dax;

import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.Value;

import static daxlab.dax.Dax.HOLDER_DATA;
import static daxlab.dax.Dax.HOLDER_OPS;
import static daxlab.dax.Dax.NULL;

/** The functions of drivers/dax/super.c that have one version only. */
public final class Functions {
    private Functions() {
    }

    /**
     * {@code fs_dax_get(dev, holder, hops)}, as in the kernel:
     * <pre>
     * if (cmpxchg(&dev->holder_data, NULL, holder))
     *         return -EBUSY;
     * dev->holder_ops = hops;                   // plain store
     * </pre>
     * The result (OK or EBUSY) goes to register {@code result}.
     */
    public static void fsDaxGet(Code c, Value holder, String result) {
        c.call("fs_dax_get", body -> body
                .cmpxchg("got", HOLDER_DATA, NULL, holder)
                .ifElse(Expr.reg("got"),
                        busy -> busy.assign(result, Dax.EBUSY),
                        mine -> mine.store(HOLDER_OPS, Dax.opsOf(holder)).assign(result, Dax.OK)));
    }

    /**
     * {@code kill_dax(dev)}: tell the holder the device is going away, mark it dead, wait for
     * the readers, then clear the holder with plain stores.
     * <pre>
     * if (dev->holder_data)
     *         dax_holder_notify_failure(dev, 0, U64_MAX, MF_MEM_PRE_REMOVE);
     * clear_bit(DAXDEV_ALIVE, &dev->flags);
     * synchronize_srcu(&dax_srcu);
     * dev->holder_ops = NULL;
     * dev->holder_data = NULL;
     * </pre>
     * clear_bit() is an unordered atomic; only its write matters here, so it is a WRITE_ONCE.
     * The notification's result goes to {@code result} (SKIPPED when no holder was seen).
     */
    public static void killDax(Code c, ReaderVariant reader, String result) {
        c.call("kill_dax", body -> body
                .load("h", HOLDER_DATA)
                .ifElse(Expr.reg("h"),
                        held -> reader.call(held, result, true),
                        free -> free.assign(result, Dax.SKIPPED))
                .call("clear_bit", b -> b.writeOnce(Dax.ALIVE, Value.of(0)))
                .synchronizeSrcu(Dax.DAX_SRCU)
                .store(HOLDER_OPS, NULL)
                .store(HOLDER_DATA, NULL));
    }
}
