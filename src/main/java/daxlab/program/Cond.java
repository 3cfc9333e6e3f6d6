package daxlab.program;

import java.util.Set;
import java.util.function.Function;

/**
 * A proposition over the final state, written as herd7 writes it: {@code holder_data=B /\ holder_ops=NULL}.
 * Its atoms name observables ({@link Observable}), which are locations or {@code thread:register}.
 */
public sealed interface Cond permits Cond.Eq, Cond.Same, Cond.Not, Cond.And, Cond.Or, Cond.True {

    boolean eval(Function<String, Value> fields);

    /** The one walk over propositions: one method per permitted record. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of proposition. */
    interface Visitor<R> {
        R eq(Eq c);

        R same(Same c);

        R not(Not c);

        R and(And c);

        R or(Or c);

        R isTrue(True c);
    }

    /** Litmus-syntax text. */
    String text();

    void collectFields(Set<String> out);

    /** {@code field=value} */
    record Eq(String field, Value value) implements Cond {
        @Override
        public boolean eval(Function<String, Value> fields) {
            return Expr.sameInCondition(read(fields, field), value);
        }

        static Value read(Function<String, Value> fields, String field) {
            Value v = fields.apply(field);
            if (v == null) {
                throw new IllegalArgumentException("no field '" + field + "' in this outcome");
            }
            return v;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.eq(this);
        }

        @Override
        public String text() {
            return field + "=" + value;
        }

        @Override
        public void collectFields(Set<String> out) {
            out.add(field);
        }
    }

    /** {@code field=other}: two fields hold the same value ({@code 0:r0=1:r0}, {@code x=0:r1}). */
    record Same(String field, String other) implements Cond {
        @Override
        public boolean eval(Function<String, Value> fields) {
            return Expr.sameInCondition(Eq.read(fields, field), Eq.read(fields, other));
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.same(this);
        }

        @Override
        public String text() {
            return field + "=" + other;
        }

        @Override
        public void collectFields(Set<String> out) {
            out.add(field);
            out.add(other);
        }
    }

    record Not(Cond operand) implements Cond {
        @Override
        public boolean eval(Function<String, Value> fields) {
            return !operand.eval(fields);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.not(this);
        }

        @Override
        public String text() {
            return "~" + wrap(operand);
        }

        @Override
        public void collectFields(Set<String> out) {
            operand.collectFields(out);
        }
    }

    record And(Cond left, Cond right) implements Cond {
        @Override
        public boolean eval(Function<String, Value> fields) {
            return left.eval(fields) && right.eval(fields);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.and(this);
        }

        @Override
        public String text() {
            return wrapIf(left, Or.class) + " /\\ " + wrapIf(right, Or.class);
        }

        @Override
        public void collectFields(Set<String> out) {
            left.collectFields(out);
            right.collectFields(out);
        }
    }

    record Or(Cond left, Cond right) implements Cond {
        @Override
        public boolean eval(Function<String, Value> fields) {
            return left.eval(fields) || right.eval(fields);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.or(this);
        }

        @Override
        public String text() {
            return left.text() + " \\/ " + right.text();
        }

        @Override
        public void collectFields(Set<String> out) {
            left.collectFields(out);
            right.collectFields(out);
        }
    }

    record True() implements Cond {
        @Override
        public boolean eval(Function<String, Value> fields) {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.isTrue(this);
        }

        @Override
        public String text() {
            return "true";
        }

        @Override
        public void collectFields(Set<String> out) {
        }
    }

    static Cond eq(String field, Value value) {
        return new Eq(field, value);
    }

    static Cond eq(String field, String value) {
        return new Eq(field, Value.parse(value));
    }

    static Cond all(Cond... cs) {
        Cond out = null;
        for (Cond c : cs) {
            out = out == null ? c : new And(out, c);
        }
        return out == null ? new True() : out;
    }

    static Cond any(Cond... cs) {
        if (cs.length == 0) {
            throw new IllegalArgumentException("any() needs at least one condition");
        }
        Cond out = cs[0];
        for (int i = 1; i < cs.length; i++) {
            out = new Or(out, cs[i]);
        }
        return out;
    }

    default Cond and(Cond other) {
        return new And(this, other);
    }

    default Cond or(Cond other) {
        return new Or(this, other);
    }

    default Cond negate() {
        return new Not(this);
    }

    private static String wrap(Cond c) {
        return c instanceof And || c instanceof Or ? "(" + c.text() + ")" : c.text();
    }

    private static String wrapIf(Cond c, Class<?> kind) {
        return kind.isInstance(c) ? "(" + c.text() + ")" : c.text();
    }
}
