package daxlab.cat;

import java.util.List;

/** A cat expression, as parsed. Every node knows where it was written. */
sealed interface CatExpr {
    CatPos pos();

    /** A name: a built-in set or relation, a {@code let}, a parameter. */
    record Var(CatPos pos, String name) implements CatExpr {
    }

    /** {@code 0} and {@code {}}: the empty set or relation, whichever the context needs. */
    record Empty(CatPos pos) implements CatExpr {
    }

    /** {@code _}: every event, or every pair of events. */
    record Universe(CatPos pos) implements CatExpr {
    }

    /** {@code 'ONCE} */
    record Tag(CatPos pos, String name) implements CatExpr {
    }

    /** {@code {e1, e2}} (not empty). */
    record SetOf(CatPos pos, List<CatExpr> elements) implements CatExpr {
    }

    /** {@code (e1, e2)} and {@code ()}. */
    record Tuple(CatPos pos, List<CatExpr> elements) implements CatExpr {
    }

    /** {@code [S]}: the identity on a set. */
    record ToId(CatPos pos, CatExpr set) implements CatExpr {
    }

    enum UnaryOp { STAR, PLUS, OPT, INVERSE, COMPLEMENT }

    /** {@code r*}, {@code r+}, {@code r?}, {@code r^-1}, {@code ~S}. */
    record Unary(CatPos pos, UnaryOp op, CatExpr operand) implements CatExpr {
    }

    enum BinaryOp {
        UNION("|"), INTER("&"), DIFF("\\"), SEQ(";"), CARTESIAN("*"), ADD("++");

        final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Binary(CatPos pos, BinaryOp op, CatExpr left, CatExpr right) implements CatExpr {
    }

    /** {@code f x} and {@code f(x, y)} (the argument is then a tuple). */
    record App(CatPos pos, CatExpr function, CatExpr argument) implements CatExpr {
    }

    /**
     * {@code fun x -> e}, {@code fun (x, y) -> e}, and the functions {@code let f(x) = e}
     * defines ({@code name} is then {@code f}, for messages).
     */
    record Fun(CatPos pos, Pattern parameters, CatExpr body, String name) implements CatExpr {
    }

    /** {@code let b1 and b2 in e}. */
    record Let(CatPos pos, List<Binding> bindings, CatExpr body) implements CatExpr {
    }

    /** {@code let rec b1 and b2 in e}: a fixpoint, or recursive functions. */
    record LetRec(CatPos pos, List<Binding> bindings, CatExpr body) implements CatExpr {
    }

    /** {@code try e with otherwise}: {@code otherwise} when {@code e} names something unbound. */
    record Try(CatPos pos, CatExpr body, CatExpr otherwise) implements CatExpr {
    }

    /** {@code if "variant" then e1 else e2}. */
    record If(CatPos pos, VariantCondition condition, CatExpr then, CatExpr otherwise) implements CatExpr {
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
    record Binding(CatPos pos, Pattern pattern, CatExpr value) {
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
