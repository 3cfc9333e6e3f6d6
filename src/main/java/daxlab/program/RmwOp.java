package daxlab.program;

/** What a read-modify-write does with the value it reads. */
public sealed interface RmwOp permits RmwOp.Cmpxchg, RmwOp.Xchg, RmwOp.FetchAdd {

    /** Kernel base name of the operation, before the ordering suffix. */
    String baseName();

    /** The arguments after the address, as source text (", A, NULL"). */
    String argsText();

    /** The one walk over RMW operations (see {@link Instr#accept}). */
    <R> R accept(Visitor<R> v);

    /** One method per kind of read-modify-write. */
    interface Visitor<R> {
        R cmpxchg(Cmpxchg op);

        R xchg(Xchg op);

        R fetchAdd(FetchAdd op);
    }

    /**
     * {@code cmpxchg(p, expected, desired)}: writes {@code desired} only when the old value
     * equals {@code expected}; returns the old value either way. A failed cmpxchg is a read only.
     */
    record Cmpxchg(Expr expected, Expr desired) implements RmwOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.cmpxchg(this);
        }

        @Override
        public String baseName() {
            return "cmpxchg";
        }

        @Override
        public String argsText() {
            return ", " + expected.text() + ", " + desired.text();
        }
    }

    /** {@code xchg(p, value)}: always writes, returns the old value. */
    record Xchg(Expr value) implements RmwOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.xchg(this);
        }

        @Override
        public String baseName() {
            return "xchg";
        }

        @Override
        public String argsText() {
            return ", " + value.text();
        }
    }

    /**
     * {@code atomic_fetch_add(delta, p)} (returns the old value) or
     * {@code atomic_add_return(delta, p)} (returns the new one).
     */
    record FetchAdd(Expr delta, boolean returnsNew) implements RmwOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fetchAdd(this);
        }

        @Override
        public String baseName() {
            return returnsNew ? "atomic_add_return" : "atomic_fetch_add";
        }

        @Override
        public String argsText() {
            return ", " + delta.text();
        }
    }
}
