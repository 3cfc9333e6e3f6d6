package daxlab.program;

/**
 * A value held by a memory location or a register.
 *
 * <p>The thread's code is about pointers whose identity matters and whose bits do not, so the
 * main kind of value is a {@link Sym symbolic name} ({@code NULL}, {@code A}, {@code opsA}).
 * Litmus tests also use small integers and the addresses of shared variables ({@code &x}),
 * which is why {@link Int} and {@link Addr} exist beside it.
 */
public sealed interface Value permits Value.Sym, Value.Int, Value.Addr, Value.Undetermined {

    /** The null pointer. Integer 0 and NULL are both false in a condition. */
    Sym NULL = new Sym("NULL");

    /** A symbolic constant such as a holder ({@code A}) or an ops table ({@code opsA}). */
    record Sym(String name) implements Value {
        public Sym {
            Names.requireIdentifierLike(name, "symbol");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A machine integer, as litmus tests use. */
    record Int(long value) implements Value {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /**
     * The address of a shared location, {@code &x} in C, or past it by {@code offset} cells
     * ({@code x + 1}, as herd7 reads pointer arithmetic: a cell of its own, {@code x+1}, that
     * no initial write gives a value).
     */
    record Addr(String location, long offset) implements Value {
        public Addr {
            Names.requireIdentifier(location, "location");
        }

        public Addr(String location) {
            this(location, 0);
        }

        /** The memory cell this address names: {@code x}, or {@code x+1} past it. */
        public String cell() {
            return offset == 0 ? location : location + (offset > 0 ? "+" : "") + offset;
        }

        /** This address moved by {@code cells}. */
        public Addr plus(long cells) {
            return new Addr(location, offset + cells);
        }

        @Override
        public String toString() {
            return "&" + cell();
        }
    }

    /**
     * A value no write determines: what a read returns when it takes its value through a cycle of
     * plain copies (r0 = *x; *y = r0 in one thread, r1 = *y; *x = r1 in another, each reading the
     * other's write), as herd7 leaves it: a symbol ({@code S8} in its output, {@code S} here). It
     * may be copied, stored and compared in the final condition (it equals no number); any other
     * operation on it ({@code +}, {@code ==}, a branch, an address, an RMW's arithmetic) makes no
     * execution in herd7, and throws {@link Operation} here.
     */
    record Undetermined(String name) implements Value {
        /** The undetermined value the engines give such a read. */
        public static final Undetermined S = new Undetermined("S");

        /** Every undetermined value is the same: herd7's {@code S8} is daxlab's {@code S}. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Undetermined;
        }

        @Override
        public int hashCode() {
            return 0x5;
        }

        @Override
        public boolean truthy() {
            throw new Operation("a test of its truth");
        }

        @Override
        public boolean isDetermined() {
            return false;
        }

        @Override
        public Value determined(String what) {
            throw new Operation(what);
        }

        @Override
        public long toLong(String what) {
            throw new Operation("'" + what + "'");
        }

        @Override
        public String toString() {
            return name;
        }

        /** An operation met an undetermined value: the path it is on is no execution. */
        public static final class Operation extends RuntimeException {
            private static final long serialVersionUID = 1L;

            public Operation(String what) {
                super(what + " on a value no write determines (a cycle of copies): no execution", null, false, false);
            }
        }
    }

    static Sym sym(String name) {
        return "NULL".equals(name) ? NULL : new Sym(name);
    }

    static Int of(long v) {
        return new Int(v);
    }

    /**
     * The one integer view of a value, shared by every engine (arithmetic, {@code atomic_add},
     * comparisons): an integer is itself and NULL is 0, C's null pointer; a symbol or an address
     * has no integer value and the operation fails with {@link NotAnInteger}.
     *
     * @param what the operation that needs the integer, for the message ({@code "atomic_add(1, x)"})
     */
    default long toLong(String what) {
        if (this instanceof Int i) {
            return i.value();
        }
        if (this.equals(NULL)) {
            return 0;
        }
        throw new NotAnInteger(what, this);
    }

    /** An arithmetic operation met a value that has no integer view (a symbol other than NULL, an address). */
    final class NotAnInteger extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public NotAnInteger(String what, Value v) {
            super("'" + what + "' needs an integer, got " + v);
        }
    }

    /** C truthiness: NULL and 0 are false, every other value is true. */
    /**
     * False only for {@link Undetermined}: a value no write determines, which only the axiomatic
     * engines produce (the SC interleavings run the threads, so every value they read was written
     * by a write that ran before, and has a number).
     */
    default boolean isDetermined() {
        return true;
    }

    /** This value, to be operated on as {@code what}; an undetermined one throws {@link Undetermined.Operation}. */
    default Value determined(String what) {
        return this;
    }

    default boolean truthy() {
        return !(this.equals(NULL) || (this instanceof Int i && i.value() == 0));
    }

    /**
     * Parses the textual form that {@link #toString()} prints: an integer, {@code &loc}, or a
     * symbol name.
     */
    static Value parse(String text) {
        String s = text.strip();
        if (s.startsWith("&")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("&([A-Za-z_][A-Za-z0-9_]*)([+-][0-9]+)?").matcher(s);
            if (m.matches() && m.group(2) != null) {
                return new Addr(m.group(1), Long.parseLong(m.group(2).replace("+", "")));
            }
            return new Addr(s.substring(1));
        }
        if (s.matches("-?[0-9]+")) {
            return new Int(Long.parseLong(s));
        }
        return sym(s);
    }
}
