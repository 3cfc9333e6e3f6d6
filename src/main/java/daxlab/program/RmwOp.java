package daxlab.program;

/** What a read-modify-write does with the value it reads. */
public sealed interface RmwOp permits RmwOp.Cmpxchg, RmwOp.Xchg, RmwOp.FetchAdd, RmwOp.FetchBits,
        RmwOp.AddUnless {

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

        R fetchBits(FetchBits op);

        R addUnless(AddUnless op);
    }

    /** The bitwise operations of {@code atomic_and()}, {@code atomic_or()}, {@code atomic_xor()}, {@code atomic_andnot()}. */
    enum BitOp {
        AND("and"), OR("or"), XOR("xor"), ANDNOT("andnot");

        private final String word;

        BitOp(String word) {
            this.word = word;
        }

        /** The word in the kernel's names: {@code atomic_fetch_and}. */
        public String word() {
            return word;
        }

        public long apply(long old, long operand) {
            switch (this) {
                case AND: return old & operand;
                case OR: return old | operand;
                case XOR: return old ^ operand;
                default: return old & ~operand;
            }
        }
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

    /**
     * {@code atomic_fetch_and(mask, p)} and friends (returns the old value), or the void
     * {@code atomic_and(mask, p)}; {@code returnsNew} is false for both.
     */
    record FetchBits(BitOp op, Expr operand, boolean returnsNew) implements RmwOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fetchBits(this);
        }

        @Override
        public String baseName() {
            return "atomic_fetch_" + op.word();
        }

        @Override
        public String argsText() {
            return ", " + operand.text();
        }
    }

    /**
     * {@code atomic_add_unless(p, add, unless)}: adds {@code add} unless the value is {@code unless};
     * returns 1 when it added, 0 when it did not (then it is a read only, like a failed cmpxchg).
     */
    record AddUnless(Expr add, Expr unless) implements RmwOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addUnless(this);
        }

        @Override
        public String baseName() {
            return "atomic_add_unless";
        }

        @Override
        public String argsText() {
            return ", " + add.text() + ", " + unless.text();
        }
    }
}
