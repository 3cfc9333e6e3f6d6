package daxlab.cat.litmus;

import daxlab.cat.CatModel;
import daxlab.litmus.LitmusEngine;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Program;

/**
 * A cat model as an engine of {@code daxlab litmus}: {@code --model lkmm-cat} is the LKMM from
 * the files shipped in the jar, run by the interpreter (a {@code java.util.ServiceLoader}
 * provider, listed in {@code META-INF/services/daxlab.litmus.LitmusEngine}); {@code --model-dir}
 * and {@code --cat} make one from other files ({@link #of}). This bridge is the only place where
 * the interpreter meets the litmus package.
 */
public final class CatLitmusEngine implements LitmusEngine {
    private final String name;
    private final String description;
    private CatModel model;

    /** {@code --model lkmm-cat}; the files are read on the first run. */
    public CatLitmusEngine() {
        this("lkmm-cat", null, "the LKMM from the kernel's files shipped with daxlab (herdtools7 7.58),"
                + " run by daxlab's cat interpreter");
    }

    private CatLitmusEngine(String name, CatModel model, String description) {
        this.name = name;
        this.model = model;
        this.description = description;
    }

    /** An engine for a model read from other files, under the name {@code name}. */
    public static CatLitmusEngine of(String name, CatModel model) {
        return new CatLitmusEngine(name, model, model.title() + " from " + model.source()
                + ", run by daxlab's cat interpreter");
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Histogram run(Program program, Classifier classifier, long budget) {
        return catModel().run(program, classifier, budget, "").histogram();
    }

    private synchronized CatModel catModel() {
        if (model == null) {
            model = CatModel.lkmm();
        }
        return model;
    }
}
