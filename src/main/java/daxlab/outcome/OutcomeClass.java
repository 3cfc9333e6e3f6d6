package daxlab.outcome;

/** How an outcome is graded, as jcstress grades its {@code @Outcome}s. */
public enum OutcomeClass {
    /** The protocol meant this to happen. */
    ACCEPTABLE,
    /** Allowed, but worth a look (e.g. a reader told EOPNOTSUPP while a holder is registered). */
    INTERESTING,
    /** A bug: lost ops, a NULL call, a wrong context, ops wiped by a stranger. */
    FORBIDDEN
}
