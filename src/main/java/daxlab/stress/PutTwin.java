package daxlab.stress;

/**
 * The Java twin of each {@code daxlab.dax.PutVariant}: the same {@code fs_put_dax()} body, access
 * for access, with the access modes of {@link PrimitiveTable}. Constant names are the variants' names;
 * {@code TwinsTest} fails when a variant has no twin, a twin no variant, or when a twin's
 * accesses differ from its variant's program.
 */
public enum PutTwin {
    /** {@code if (cmpxchg(&dev->holder_data, holder, NULL) == holder) dev->holder_ops = NULL;} */
    ORIGINAL {
        @Override
        public int fsPutDax(Device dev, Holder holder) {
            if (dev.cmpxchgHolderData(holder, null) == holder) {
                dev.storeHolderOps(null);
            }
            return 0;
        }
    },
    /** {@code dev->holder_ops = NULL; cmpxchg(&dev->holder_data, holder, NULL);} */
    PATCH_V1 {
        @Override
        public int fsPutDax(Device dev, Holder holder) {
            dev.storeHolderOps(null);
            dev.cmpxchgHolderData(holder, null);
            return 0;
        }
    },
    /** {@code dev->holder_ops = NULL; cmpxchg_relaxed(&dev->holder_data, holder, NULL);} */
    PATCH_V1_RELAXED {
        @Override
        public int fsPutDax(Device dev, Holder holder) {
            dev.storeHolderOps(null);
            dev.cmpxchgRelaxedHolderData(holder, null);
            return 0;
        }
    },
    /** {@code smp_store_release(&dev->holder_ops, NULL); cmpxchg(&dev->holder_data, holder, NULL);} */
    REVIEW_SUGGESTION {
        @Override
        public int fsPutDax(Device dev, Holder holder) {
            dev.storeReleaseHolderOps(null);
            dev.cmpxchgHolderData(holder, null);
            return 0;
        }
    },
    /** {@code smp_store_release(&dev->holder_ops, NULL); cmpxchg_relaxed(&dev->holder_data, holder, NULL);} */
    REVIEW_SUGGESTION_RELAXED {
        @Override
        public int fsPutDax(Device dev, Holder holder) {
            dev.storeReleaseHolderOps(null);
            dev.cmpxchgRelaxedHolderData(holder, null);
            return 0;
        }
    },
    /**
     * The superseded early-return draft:
     * <pre>
     * if (READ_ONCE(dev->holder_data) != holder) return;
     * WRITE_ONCE(dev->holder_ops, NULL);
     * WARN_ON(cmpxchg(&dev->holder_data, holder, NULL) != holder);
     * </pre>
     */
    CHECK_HOLDER_EARLY_RETURN {
        @Override
        public int fsPutDax(Device dev, Holder holder) {
            if (dev.readOnceHolderData() != holder) {
                return 0;
            }
            dev.writeOnceHolderOps(null);
            Holder prev = dev.cmpxchgHolderData(holder, null);
            return prev != holder ? 1 : 0;
        }
    },
    /**
     * <pre>
     * if (READ_ONCE(dev->holder_data) == holder) {
     *         WRITE_ONCE(dev->holder_ops, NULL);
     *         prev = cmpxchg(&dev->holder_data, holder, NULL);
     *         WARN_ON(prev && prev != holder);
     * }
     * </pre>
     */
    CHECK_HOLDER {
        @Override
        public int fsPutDax(Device dev, Holder holder) {
            if (dev.readOnceHolderData() != holder) {
                return 0;
            }
            dev.writeOnceHolderOps(null);
            return warnOn(dev.cmpxchgHolderData(holder, null), holder);
        }
    },
    /**
     * CHECK_HOLDER with a grace period between clearing the ops and releasing the device:
     * <pre>
     * if (READ_ONCE(dev->holder_data) == holder) {
     *         WRITE_ONCE(dev->holder_ops, NULL);
     *         synchronize_srcu(&dax_srcu);
     *         prev = cmpxchg(&dev->holder_data, holder, NULL);
     *         WARN_ON(prev && prev != holder);
     * }
     * </pre>
     * Its readers run inside dax_read_lock() ({@link ReaderTwin#notifyFailureUnderSrcu}).
     */
    CHECK_HOLDER_SRCU {
        @Override
        public int fsPutDax(Device dev, Holder holder) {
            if (dev.readOnceHolderData() != holder) {
                return 0;
            }
            dev.writeOnceHolderOps(null);
            dev.synchronizeSrcu();
            return warnOn(dev.cmpxchgHolderData(holder, null), holder);
        }
    };

    /** {@code WARN_ON(prev && prev != holder)}: 1 when it fires. */
    private static int warnOn(Holder prev, Holder holder) {
        return prev != null && prev != holder ? 1 : 0;
    }

    /**
     * {@code fs_put_dax(dev, holder)}. Returns 1 when the variant's WARN_ON fired, else 0 (the
     * outcome field {@code warn} of the variants that have one).
     */
    public abstract int fsPutDax(Device dev, Holder holder);

    /** The IR variant this twins, by name, so that loading a twin loads nothing of the IR. */
    public daxlab.dax.PutVariant variant() {
        return daxlab.dax.PutVariant.valueOf(name());
    }

    /** The twin of an IR variant. */
    public static PutTwin of(daxlab.dax.PutVariant v) {
        return valueOf(v.name());
    }
}
