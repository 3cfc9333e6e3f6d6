package daxlab.dax;

import daxlab.dax.c.Ast;
import daxlab.program.Code;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Walk;

import java.util.ArrayList;
import java.util.List;

/**
 * A version of {@code dax_holder_notify_failure()} a participant wrote in a notebook cell, as
 * kernel C: the whole function (its {@code dax_read_lock()} frame as written), or only the part
 * inside mainline's frame, which returns the result. It goes wherever a built-in reader goes.
 * <pre>{@code
 * var r = reader("acquire once", """
 *         const struct dax_holder_operations *ops = smp_load_acquire(&dax_dev->holder_ops);
 *
 *         if (!ops)
 *                 return -EOPNOTSUPP;
 *         return ops->notify_failure(dax_dev, off, len, mf_flags);
 *         """);
 * }</pre>
 *
 * @param name what the participant calls it: rows, chart titles and file names carry it
 * @param text the kernel C
 * @throws daxlab.dax.c.KernelCException at the line and column of {@code text} that cannot be read
 *                                        or run, with what was expected there
 */
public record OwnReader(String name, String text) implements ReaderVersion {

    public OwnReader {
        Own.checkName(name, "reader");
        KernelC.check(KernelC.Role.READER, name, text);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.own(this);
    }

    @Override
    public String id() {
        return Own.id(name);
    }

    @Override
    public String label() {
        return Own.label(name);
    }

    /** The name itself: rows that list readers side by side list it as written. */
    @Override
    public String shortLabel() {
        return Own.label(name);
    }

    @Override
    public String summary() {
        return KernelC.summary(text);
    }

    @Override
    public Origin origin() {
        return Origin.PARTICIPANT;
    }

    @Override
    public void call(Code c, String result, boolean underSrcu, boolean readsHolderData, Setting s) {
        KernelC.reader(name, text, tree(), c, result, underSrcu, readsHolderData, s);
    }

    /**
     * The observer of put-vs-observer with this reader's access mode: that of its first load of
     * holder_ops (plain as today's double read, READ_ONCE, or acquire), as the built-in readers
     * have theirs.
     *
     * @throws IllegalArgumentException when the reader never loads holder_ops
     */
    @Override
    public void observe(Code c) {
        Code probe = new Code();
        call(probe, "ret", false, false, Setting.MAINLINE);
        List<Mode> modes = new ArrayList<>();
        Walk.each(probe.instructions(), i -> {
            Mode m = i.accept(READ_MODE);
            if (m != null && Instr.target(Walk.address(i)).equals(Dax.HOLDER_OPS)) {
                modes.add(m);
            }
        });
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("put-vs-observer loads holder_data, then holder_ops with the reader's "
                    + "access mode, and reader " + label() + " never loads holder_ops");
        }
        Mode m = modes.get(0);
        ReaderVariant like = m == Mode.PLAIN ? ReaderVariant.DOUBLE_READ
                : m == Mode.ACQUIRE ? ReaderVariant.LOAD_ACQUIRE : ReaderVariant.READ_ONCE;
        like.observe(c);
    }

    /** How an instruction reads memory: a load's mode, a read-modify-write's (a full one as acquire); null otherwise. */
    private static final Instr.Visitor<Mode> READ_MODE = new Instr.Visitor<>() {
        @Override
        public Mode load(Instr.Load i) {
            return i.mode();
        }

        @Override
        public Mode store(Instr.Store i) {
            return null;
        }

        @Override
        public Mode rmw(Instr.Rmw i) {
            return i.mode() == Mode.FULL ? Mode.ACQUIRE : i.mode();
        }

        @Override
        public Mode fence(Instr.Fence i) {
            return null;
        }

        @Override
        public Mode assign(Instr.Assign i) {
            return null;
        }

        @Override
        public Mode branch(Instr.If i) {
            return null;
        }

        @Override
        public Mode call(Instr.Call i) {
            return null;
        }

        @Override
        public Mode srcu(Instr.Srcu i) {
            return null;
        }

        @Override
        public Mode lock(Instr.Lock i) {
            return null;
        }
    };

    /** The function as kernel C: the text as written, in mainline's frame when it is a body. */
    public String kernelSource() {
        return Own.kernelSource(tree(), text, label(), "int dax_holder_notify_failure(struct dax_device *dax_dev, "
                + "u64 off,\n\t\t\t      u64 len, int mf_flags)\n", "\t/* inside dax_read_lock(), after the dax_alive() "
                + "check, as mainline */\n");
    }

    private Ast.Function tree() {
        return KernelC.read(KernelC.Role.READER, name, text);
    }

    @Override
    public String toString() {
        return id();
    }
}
