package daxlab.verdict;

import daxlab.engine.Engine;
import daxlab.dax.Accessors;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the reply rests on: the verdict matrix over the whole grid of candidates, and the
 * runs of what lies outside fs_put_dax() but came up on the way (kill_dax() against
 * fs_dax_get()), which are pre-existing and judged by no candidate.
 *
 * @param matrix  candidates x properties x models
 * @param outside runs of scenarios no candidate changes, under sc and lkmm-once
 */
public record Review(Matrix matrix, List<Cell.Run> outside) {
    /** The models the outside scenarios are shown under: every interleaving, and the marked LKMM. */
    static final List<Engine> OUTSIDE_MODELS = List.of(Engine.SC, Engine.LKMM_ONCE);

    public Review {
        outside = List.copyOf(outside);
    }

    /** The whole verdict under {@code models}. */
    public static Review compute(List<Engine> models, ScenarioRunner engine) {
        return compute(List.of(), models, engine);
    }

    /**
     * The whole verdict with more rows: {@code yours} (a participant's candidates, see
     * {@link Candidate#rowsFor}) after the grid; one already in the grid is not repeated.
     */
    public static Review compute(List<Candidate> yours, List<Engine> models, ScenarioRunner engine) {
        List<Candidate> candidates = new ArrayList<>(Candidate.grid());
        for (Candidate c : yours) {
            if (!candidates.contains(c)) {
                candidates.add(c);
            }
        }
        Matrix m = Matrix.compute(candidates, Arrays.asList(Property.values()), models, engine);
        List<Cell.Run> outside = new ArrayList<>();
        for (Engine model : OUTSIDE_MODELS) {
            var d = Scenarios.build(Scenario.KILL_VS_GET, PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ, Accessors.MAINLINE);
            outside.add(new Cell.Run(d, engine.run(d, model)));
        }
        return new Review(m, outside);
    }
}
