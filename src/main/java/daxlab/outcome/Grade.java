package daxlab.outcome;

/** The class of one outcome and the rule labels that gave it ("lost ops"); empty when acceptable. */
public record Grade(OutcomeClass outcomeClass, String label) {
    public static final Grade ACCEPTABLE = new Grade(OutcomeClass.ACCEPTABLE, "");
}
