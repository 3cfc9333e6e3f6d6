package daxlab.dax;

/**
 * The functions as kernel C, abridged to what the models keep (no kerneldoc, no driver or
 * partition checks), one text per version: what a notebook shows once and what the reply's diff
 * is made of. The models in {@link PutVariant}, {@link ReaderVariant} and {@link Functions} are
 * the same code as data; {@code KernelSourceTest} checks that each text has the model's accesses.
 */
public final class KernelSource {
    private KernelSource() {
    }

    /** {@code fs_put_dax()} in one version: a built-in's abridged text, or a participant's own as written. */
    public static String fsPutDax(PutVersion v) {
        return v.accept(new PutVersion.Visitor<>() {
            @Override
            public String builtIn(PutVariant p) {
                return fsPutDax(p);
            }

            @Override
            public String own(OwnPut p) {
                return p.kernelSource();
            }
        });
    }

    /** {@code fs_put_dax()} in one built-in version. */
    public static String fsPutDax(PutVariant v) {
        String body;
        switch (v) {
            case ORIGINAL:
                body = "\tif (dax_dev && holder &&\n"
                        + "\t    cmpxchg(&dax_dev->holder_data, holder, NULL) == holder)\n"
                        + "\t\tdax_dev->holder_ops = NULL;\n";
                break;
            case PATCH_V1:
                body = "\tif (dax_dev && holder) {\n"
                        + "\t\tdax_dev->holder_ops = NULL;\n"
                        + "\t\tcmpxchg(&dax_dev->holder_data, holder, NULL);\n"
                        + "\t}\n";
                break;
            case PATCH_V1_RELAXED:
                body = "\tif (dax_dev && holder) {\n"
                        + "\t\tdax_dev->holder_ops = NULL;\n"
                        + "\t\tcmpxchg_relaxed(&dax_dev->holder_data, holder, NULL);\n"
                        + "\t}\n";
                break;
            case REVIEW_SUGGESTION:
                body = "\tif (dax_dev && holder) {\n"
                        + "\t\tsmp_store_release(&dax_dev->holder_ops, NULL);\n"
                        + "\t\tcmpxchg(&dax_dev->holder_data, holder, NULL);\n"
                        + "\t}\n";
                break;
            case REVIEW_SUGGESTION_RELAXED:
                body = "\tif (dax_dev && holder) {\n"
                        + "\t\tsmp_store_release(&dax_dev->holder_ops, NULL);\n"
                        + "\t\tcmpxchg_relaxed(&dax_dev->holder_data, holder, NULL);\n"
                        + "\t}\n";
                break;
            case CHECK_HOLDER_EARLY_RETURN:
                return "void fs_put_dax(struct dax_device *dax_dev, void *holder)\n"
                        + "{\n"
                        + "\tif (!dax_dev || !holder ||\n"
                        + "\t    READ_ONCE(dax_dev->holder_data) != holder)\n"
                        + "\t\treturn;\n"
                        + "\tWRITE_ONCE(dax_dev->holder_ops, NULL);\n"
                        + "\tWARN_ON(cmpxchg(&dax_dev->holder_data, holder, NULL) != holder);\n"
                        + "\tput_dax(dax_dev);\n"
                        + "}\n";
            case CHECK_HOLDER:
                body = checkHolder("");
                break;
            case CHECK_HOLDER_SRCU:
                body = checkHolder("\t\t/* wait for callbacks that loaded the old ops */\n"
                        + "\t\tsynchronize_srcu(&dax_srcu);\n");
                break;
            default:
                throw new AssertionError(v);
        }
        return "void fs_put_dax(struct dax_device *dax_dev, void *holder)\n{\n" + body + "\tput_dax(dax_dev);\n}\n";
    }

    private static String checkHolder(String gracePeriod) {
        return "\tif (dax_dev && holder &&\n"
                + "\t    READ_ONCE(dax_dev->holder_data) == holder) {\n"
                + "\t\tvoid *prev;\n"
                + "\n"
                + "\t\tWRITE_ONCE(dax_dev->holder_ops, NULL);\n"
                + gracePeriod
                + "\t\tprev = cmpxchg(&dax_dev->holder_data, holder, NULL);\n"
                + "\t\t/* NULL: kill_dax() released the device first */\n"
                + "\t\tWARN_ON(prev && prev != holder);\n"
                + "\t}\n";
    }

    /** {@code dax_holder_notify_failure()} with one reader: a built-in's abridged text, or a participant's own. */
    public static String notifyFailure(ReaderVersion r) {
        return r.accept(new ReaderVersion.Visitor<>() {
            @Override
            public String builtIn(ReaderVariant v) {
                return notifyFailure(v);
            }

            @Override
            public String own(OwnReader o) {
                return o.kernelSource();
            }
        });
    }

    /** {@code dax_holder_notify_failure()} with one built-in reader. */
    public static String notifyFailure(ReaderVariant r) {
        String decl = "";
        String test;
        String call;
        switch (r) {
            case DOUBLE_READ:
                test = "\tif (!dax_dev->holder_ops) {\n";
                call = "\trc = dax_dev->holder_ops->notify_failure(dax_dev, off, len,\n"
                        + "\t\t\t\t\t\t mf_flags);\n";
                break;
            case READ_ONCE:
            case LOAD_ACQUIRE:
                decl = "\tconst struct dax_holder_operations *ops;\n";
                test = "\tops = " + (r == ReaderVariant.READ_ONCE ? "READ_ONCE(dax_dev->holder_ops)"
                        : "smp_load_acquire(&dax_dev->holder_ops)") + ";\n"
                        + "\tif (!ops) {\n";
                call = "\trc = ops->notify_failure(dax_dev, off, len, mf_flags);\n";
                break;
            default:
                throw new AssertionError(r);
        }
        return "int dax_holder_notify_failure(struct dax_device *dax_dev, u64 off,\n"
                + "\t\t\t      u64 len, int mf_flags)\n"
                + "{\n"
                + decl
                + "\tint rc, id;\n"
                + "\n"
                + "\tid = dax_read_lock();\n"
                + "\tif (!dax_alive(dax_dev)) {\n"
                + "\t\trc = -ENXIO;\n"
                + "\t\tgoto out;\n"
                + "\t}\n"
                + test
                + "\t\trc = -EOPNOTSUPP;\n"
                + "\t\tgoto out;\n"
                + "\t}\n"
                + call
                + "out:\n"
                + "\tdax_read_unlock(id);\n"
                + "\treturn rc;\n"
                + "}\n";
    }

    /** {@code fs_dax_get()}, its driver checks left out. */
    public static String fsDaxGet(Accessors a) {
        return "int fs_dax_get(struct dax_device *dax_dev, void *holder,\n"
                + "\t       const struct dax_holder_operations *hops)\n"
                + "{\n"
                + "\tint id;\n"
                + "\n"
                + "\tid = dax_read_lock();\n"
                + "\tif (!dax_dev || !dax_alive(dax_dev) || !igrab(&dax_dev->inode)) {\n"
                + "\t\tdax_read_unlock(id);\n"
                + "\t\treturn -ENODEV;\n"
                + "\t}\n"
                + "\tdax_read_unlock(id);\n"
                + "\t/* ... checks that the device is bound to the fsdev driver ... */\n"
                + "\tif (cmpxchg(&dax_dev->holder_data, NULL, holder)) {\n"
                + "\t\tiput(&dax_dev->inode);\n"
                + "\t\treturn -EBUSY;\n"
                + "\t}\n"
                + store(a, "\t", "dax_dev->holder_ops", "hops")
                + "\treturn 0;\n"
                + "}\n";
    }

    /** {@code dax_holder()}. */
    public static String daxHolder(Accessors a) {
        return "void *dax_holder(struct dax_device *dax_dev)\n"
                + "{\n"
                + "\treturn " + load(a, "dax_dev->holder_data") + ";\n"
                + "}\n";
    }

    /** {@code kill_dax()}. */
    public static String killDax(Accessors a) {
        return "void kill_dax(struct dax_device *dax_dev)\n"
                + "{\n"
                + "\tif (!dax_dev)\n"
                + "\t\treturn;\n"
                + "\n"
                + "\tif (" + load(a, "dax_dev->holder_data") + " != NULL)\n"
                + "\t\tdax_holder_notify_failure(dax_dev, 0, U64_MAX,\n"
                + "\t\t\t\tMF_MEM_PRE_REMOVE);\n"
                + "\n"
                + "\tclear_bit(DAXDEV_ALIVE, &dax_dev->flags);\n"
                + "\tsynchronize_srcu(&dax_srcu);\n"
                + "\n"
                + store(a, "\t", "dax_dev->holder_ops", "NULL")
                + store(a, "\t", "dax_dev->holder_data", "NULL")
                + "}\n";
    }

    private static String store(Accessors a, String indent, String lvalue, String value) {
        return indent + (a == Accessors.MAINLINE ? lvalue + " = " + value : "WRITE_ONCE(" + lvalue + ", " + value + ")")
                + ";\n";
    }

    private static String load(Accessors a, String lvalue) {
        return a == Accessors.MAINLINE ? lvalue : "READ_ONCE(" + lvalue + ")";
    }
}
