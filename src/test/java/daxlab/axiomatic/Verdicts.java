package daxlab.axiomatic;

import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Program;

/** Positive / negative execution counts of a program's exists-condition, as herd7 prints them. */
record Verdicts(long positive, long negative, int states) {
    static Verdicts of(Program p, Model m) {
        Histogram h = Axiomatic.enumerate(p, m, Classifier.NONE);
        long pos = 0;
        long neg = 0;
        for (Histogram.Entry e : h.entries()) {
            boolean sat = p.condition().proposition().eval(f -> e.outcome().fields().get(f));
            if (sat) {
                pos += e.count().longValueExact();
            } else {
                neg += e.count().longValueExact();
            }
        }
        return new Verdicts(pos, neg, h.entries().size());
    }

    @Override
    public String toString() {
        return "Positive: " + positive + " Negative: " + negative + " States " + states;
    }
}
