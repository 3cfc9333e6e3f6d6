package daxlab.program;

import java.util.function.Function;

/** The final condition of a test: {@code exists (...)}, {@code ~exists (...)} or {@code forall (...)}. */
public record Condition(Quantifier quantifier, Cond proposition) {

    public enum Quantifier {
        EXISTS("exists"), NOT_EXISTS("~exists"), FORALL("forall");

        private final String keyword;

        Quantifier(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public Condition {
        java.util.Objects.requireNonNull(quantifier, "quantifier");
        java.util.Objects.requireNonNull(proposition, "proposition");
    }

    public static Condition exists(Cond c) {
        return new Condition(Quantifier.EXISTS, c);
    }

    /** Whether one final state satisfies the proposition (the quantifier aside). */
    public boolean holdsIn(Function<String, Value> fields) {
        return proposition.eval(fields);
    }

    public String text() {
        return quantifier.keyword() + " (" + proposition.text() + ")";
    }
}
