package daxlab.dax;

import daxlab.program.Code;
import daxlab.program.Expr;
import daxlab.program.Value;

import static daxlab.dax.Dax.HOLDER_DATA;
import static daxlab.dax.Dax.HOLDER_OPS;
import static daxlab.dax.Dax.NULL;

/**
 * The functions of drivers/dax/super.c that have one version only, as mainline has them (the
 * accessors' marking aside, see {@link Accessors}). Parts that touch neither holder field nor
 * the device's liveness (the driver checks of fs_dax_get(), the partition checks of
 * fs_dax_get_by_bdev()) are left out: they cannot change an outcome.
 */
public final class Functions {
    private Functions() {
    }

    /**
     * The claim of {@code fs_dax_get(dev, holder, hops)}, without its prologue:
     * <pre>
     * if (cmpxchg(&dev->holder_data, NULL, holder))
     *         return -EBUSY;
     * dev->holder_ops = hops;
     * </pre>
     * Where no kill_dax() runs, the prologue (dax_read_lock(), dax_alive(), igrab(),
     * dax_read_unlock()) reads only the ALIVE bit, which nothing clears: it is left out, so that
     * the interleavings counted are those of the claim. The result (OK or EBUSY) goes to
     * register {@code result}.
     */
    public static void fsDaxGet(Code c, Value holder, String result, Setting s) {
        c.call("fs_dax_get", body -> claim(body, holder, result, s, false));
    }

    /**
     * {@code fs_dax_get(dev, holder, hops)} whole, as mainline has it:
     * <pre>
     * id = dax_read_lock();
     * if (!dax_dev || !dax_alive(dax_dev) || !igrab(&dax_dev->inode)) {
     *         dax_read_unlock(id);
     *         return -ENODEV;
     * }
     * dax_read_unlock(id);
     * ...                                        // driver checks
     * if (cmpxchg(&dax_dev->holder_data, NULL, holder)) {
     *         iput(&dax_dev->inode);
     *         return -EBUSY;
     * }
     * dax_dev->holder_ops = hops;
     * </pre>
     * The liveness check is inside the SRCU read section, the claim is not: kill_dax()'s grace
     * period does not wait for it.
     */
    public static void fsDaxGetWithPrologue(Code c, Value holder, String result, Setting s) {
        c.call("fs_dax_get", body -> body
                .srcuReadLock(Dax.DAX_SRCU)
                .call("dax_alive", a -> a.readOnce("alive", Dax.ALIVE))
                .ifElse(Expr.not(Expr.reg("alive")),
                        dead -> dead.srcuReadUnlock(Dax.DAX_SRCU).assign(result, Dax.ENODEV),
                        live -> {
                            igrab(live, s);
                            live.srcuReadUnlock(Dax.DAX_SRCU);
                            claim(live, holder, result, s, true);
                        }));
    }

    /**
     * {@code fs_dax_get_by_bdev(bdev, &start_off, holder, ops)}, as mainline has it: unlike
     * fs_dax_get(), the claim runs inside the SRCU read section, and a lost cmpxchg keeps the
     * igrab() reference (the function returns NULL; nothing drops it):
     * <pre>
     * id = dax_read_lock();
     * if (!dax_dev || !dax_alive(dax_dev) || !igrab(&dax_dev->inode))
     *         dax_dev = NULL;
     * else if (holder) {
     *         if (!cmpxchg(&dax_dev->holder_data, NULL, holder))
     *                 dax_dev->holder_ops = ops;
     *         else
     *                 dax_dev = NULL;
     * }
     * dax_read_unlock(id);
     * </pre>
     * The result is OK, EBUSY (NULL returned, device held by another) or ENODEV (NULL
     * returned, device dead).
     */
    public static void fsDaxGetByBdev(Code c, Value holder, String result, Setting s) {
        c.call("fs_dax_get_by_bdev", body -> body
                .srcuReadLock(Dax.DAX_SRCU)
                .call("dax_alive", a -> a.readOnce("alive", Dax.ALIVE))
                .ifElse(Expr.not(Expr.reg("alive")),
                        dead -> dead.assign(result, Dax.ENODEV),
                        live -> {
                            igrab(live, s);
                            live.cmpxchg("got", HOLDER_DATA, NULL, holder)
                                    .ifElse(Expr.reg("got"),
                                            busy -> busy.assign(result, Dax.EBUSY),
                                            mine -> mine.store(HOLDER_OPS, Expr.val(Dax.opsOf(holder)),
                                                    s.accessors().mode()).assign(result, Dax.OK));
                        })
                .srcuReadUnlock(Dax.DAX_SRCU));
    }

    /** The cmpxchg and the store of the ops; {@code dropOnBusy}: iput() the reference on EBUSY. */
    private static void claim(Code c, Value holder, String result, Setting s, boolean dropOnBusy) {
        c.cmpxchg("got", HOLDER_DATA, NULL, holder)
                .ifElse(Expr.reg("got"),
                        busy -> {
                            if (dropOnBusy) {
                                iput(busy, s);
                            }
                            busy.assign(result, Dax.EBUSY);
                        },
                        mine -> mine.store(HOLDER_OPS, Expr.val(Dax.opsOf(holder)), s.accessors().mode())
                                .assign(result, Dax.OK));
    }

    /** {@code igrab(&dax_dev->inode)}: one more reference, when references are counted. */
    static void igrab(Code c, Setting s) {
        if (s.references()) {
            c.call("igrab", b -> b.atomicAdd(Dax.I_COUNT, 1));
        }
    }

    /** {@code iput(&dax_dev->inode)}: one reference fewer, when references are counted. */
    static void iput(Code c, Setting s) {
        if (s.references()) {
            c.call("iput", b -> b.atomicAdd(Dax.I_COUNT, -1));
        }
    }

    /** {@code put_dax(dax_dev)}, the last line of fs_put_dax(): {@code iput(&dax_dev->inode)}. */
    static void putDax(Code c, Setting s) {
        if (s.references()) {
            c.call("put_dax", b -> b.atomicAdd(Dax.I_COUNT, -1));
        }
    }

    /**
     * {@code dax_holder(dev)}, which the holder's notify_failure() callback calls to find its own
     * data: {@code return dax_dev->holder_data;}.
     */
    static void daxHolder(Code c, String register, Setting s) {
        c.call("dax_holder", h -> h.load(register, HOLDER_DATA, s.accessors().mode()));
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
    public static void killDax(Code c, ReaderVersion reader, String result, Setting s) {
        c.call("kill_dax", body -> body
                .load("h", HOLDER_DATA, s.accessors().mode())
                .ifElse(Expr.reg("h"),
                        held -> reader.call(held, result, true, false, s),
                        free -> free.assign(result, Dax.SKIPPED))
                .call("clear_bit", b -> b.writeOnce(Dax.ALIVE, Value.of(0)))
                .synchronizeSrcu(Dax.DAX_SRCU)
                .store(HOLDER_OPS, Expr.val(NULL), s.accessors().mode())
                .store(HOLDER_DATA, Expr.val(NULL), s.accessors().mode()));
    }
}
