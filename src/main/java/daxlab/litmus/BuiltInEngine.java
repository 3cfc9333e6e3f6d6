package daxlab.litmus;

import daxlab.engine.Engine;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Program;

/** One of daxlab's own engines ({@link Engine}) running a litmus test, under the same name. */
record BuiltInEngine(Engine engine) implements LitmusEngine {
    @Override
    public String model() {
        return engine.id();
    }

    @Override
    public String description() {
        return engine.description();
    }

    @Override
    public Histogram run(Program program, Classifier classifier, long budget) {
        return engine.run(program, classifier, budget, "");
    }
}
