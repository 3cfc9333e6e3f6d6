package daxlab.dax;

import daxlab.dax.c.Ast;
import daxlab.program.Code;
import daxlab.program.Value;

/**
 * A version of {@code fs_put_dax()} a participant wrote in a notebook cell, as kernel C spelled as
 * in drivers/dax/super.c: the whole function, or only its body. It goes wherever a built-in
 * version goes (scenarios, models, the verdict, the litmus export), named after its author's
 * {@code name} and marked as theirs. See {@link KernelC} for what the C means to the models.
 * <pre>{@code
 * var mine = fix("check, then release", """
 *         if (READ_ONCE(dax_dev->holder_data) != holder)
 *                 return;
 *         WRITE_ONCE(dax_dev->holder_ops, NULL);
 *         WARN_ON(cmpxchg(&dax_dev->holder_data, holder, NULL) != holder);
 *         put_dax(dax_dev);
 *         """);
 * }</pre>
 *
 * @param name what the participant calls it: rows, chart titles and file names carry it
 * @param text the kernel C
 * @throws daxlab.dax.c.KernelCException at the line and column of {@code text} that cannot be read
 *                                        or run, with what was expected there
 * @throws IllegalArgumentException       for a name that cannot label a row or a file
 */
public record OwnPut(String name, String text) implements PutVersion {

    public OwnPut {
        Own.checkName(name, "fix");
        KernelC.check(KernelC.Role.PUT, name, text);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.own(this);
    }

    /** {@code yours-check-then-release}. */
    @Override
    public String id() {
        return Own.id(name);
    }

    /** {@code check, then release (yours)}. */
    @Override
    public String label() {
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

    /** It keeps the WARN_ON bookkeeping when its text calls WARN_ON() (or WARN_ON_ONCE()) anywhere. */
    @Override
    public boolean warns() {
        return KernelC.calls(tree(), "WARN_ON", "WARN_ON_ONCE");
    }

    /** It waits for readers when its text calls synchronize_srcu() anywhere. */
    @Override
    public boolean usesSrcu() {
        return KernelC.calls(tree(), "synchronize_srcu");
    }

    @Override
    public void call(Code c, Value holder, Setting s) {
        c.call(KernelC.Role.PUT.function, body -> KernelC.put(name, text, tree(), body, holder, s));
    }

    /** The function as kernel C: the text as written, in its function when it is a body. */
    public String kernelSource() {
        return Own.kernelSource(tree(), text, label(), "void fs_put_dax(struct dax_device *dax_dev, void *holder)\n",
                "");
    }

    private Ast.Function tree() {
        return KernelC.read(KernelC.Role.PUT, name, text);
    }

    @Override
    public String toString() {
        return id();
    }
}
