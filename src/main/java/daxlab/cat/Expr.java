package daxlab.cat;

import java.util.List;

/** A cat expression, as parsed. Every node knows where it was written. */
sealed interface Expr {
    Pos pos();

    /** A name: a built-in set or relation, a {@code let}, a parameter. */
    record Var(Pos pos, String name) implements Expr {
    }

    /** {@code 0} and {@code {}}: the empty set or relation, whichever the context needs. */
    record Empty(Pos pos) implements Expr {
    }

    /** {@code _}: every event, or every pair of events. */
    record Universe(Pos pos) implements Expr {
    }

    /** {@code 'ONCE} */
    record Tag(Pos pos, String name) implements Expr {
    }

    /** {@code {e1, e2}} (not empty). */
    record SetOf(Pos pos, List<Expr> elements) implements Expr {
    }

    /** {@code (e1, e2)} and {@code ()}. */
    record Tuple(Pos pos, List<Expr> elements) implements Expr {
    }

    /** {@code [S]}: the identity on a set. */
    record ToId(Pos pos, Expr set) implements Expr {
    }

    enum UnaryOp { STAR, PLUS, OPT, INVERSE, COMPLEMENT }

    /** {@code r*}, {@code r+}, {@code r?}, {@code r^-1}, {@code ~S}. */
    record Unary(Pos pos, UnaryOp op, Expr operand) implements Expr {
    }

    enum BinaryOp {
        UNION("|"), INTER("&"), DIFF("\\"), SEQ(";"), CARTESIAN("*"), ADD("++");

        final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Binary(Pos pos, BinaryOp op, Expr left, Expr right) implements Expr {
    }

    /** {@code f x} and {@code f(x, y)} (the argument is then a tuple). */
    record App(Pos pos, Expr function, Expr argument) implements Expr {
    }

    /**
     * {@code fun x -> e}, {@code fun (x, y) -> e}, and the functions {@code let f(x) = e}
     * defines ({@code name} is then {@code f}, for messages).
     */
    record Fun(Pos pos, Pattern parameters, Expr body, String name) implements Expr {
    }

    /** {@code let b1 and b2 in e}. */
    record Let(Pos pos, List<Binding> bindings, Expr body) implements Expr {
    }

    /** {@code let rec b1 and b2 in e}: a fixpoint, or recursive functions. */
    record LetRec(Pos pos, List<Binding> bindings, Expr body) implements Expr {
    }

    /** {@code try e with otherwise}: {@code otherwise} when {@code e} names something unbound. */
    record Try(Pos pos, Expr body, Expr otherwise) implements Expr {
    }

    /** {@code if "variant" then e1 else e2}. */
    record If(Pos pos, VariantCondition condition, Expr then, Expr otherwise) implements Expr {
    }

    /**
     * What a {@code let} or a function binds: one name ({@code tuple} false; null for {@code _})
     * or the names of a tuple's components.
     */
    record Pattern(List<String> names, boolean tuple) {
        static Pattern single(String name) {
            return new Pattern(java.util.Collections.singletonList(name), false);
        }
    }

    /** {@code name = e}, {@code f(x) = e}, {@code (a, b) = e}. */
    record Binding(Pos pos, Pattern pattern, Expr value) {
    }

    /** The condition of {@code if}: variants set by the configuration ({@code variant lkmmv2}). */
    sealed interface VariantCondition {
        boolean holds(java.util.Set<String> variants);

        record Named(String name) implements VariantCondition {
            @Override
            public boolean holds(java.util.Set<String> variants) {
                return variants.contains(name);
            }
        }

        record Not(VariantCondition operand) implements VariantCondition {
            @Override
            public boolean holds(java.util.Set<String> variants) {
                return !operand.holds(variants);
            }
        }

        record And(VariantCondition left, VariantCondition right) implements VariantCondition {
            @Override
            public boolean holds(java.util.Set<String> variants) {
                return left.holds(variants) && right.holds(variants);
            }
        }

        record Or(VariantCondition left, VariantCondition right) implements VariantCondition {
            @Override
            public boolean holds(java.util.Set<String> variants) {
                return left.holds(variants) || right.holds(variants);
            }
        }
    }
}
