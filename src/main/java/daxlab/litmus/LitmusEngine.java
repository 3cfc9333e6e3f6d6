package daxlab.litmus;

import daxlab.outcome.Histogram;
import daxlab.program.Program;


/**
 * A memory model that can run a litmus test: {@code daxlab litmus --model NAME} looks engines up
 * by {@link #model()} in {@link LitmusEngines}.
 *
 * <p>An engine returns a histogram of the program's outcomes (its observables' final values)
 * with a count per outcome in its own unit ({@code interleavings}, {@code executions}), and the
 * flags herd7 would print ({@code Flag data-race}) in {@link Histogram#flags()}, so that the
 * histogram stays the one result type of every engine.
 */
public interface LitmusEngine {

    /** The work a run may do before it gives up, unless told otherwise ({@code --budget}). */
    long DEFAULT_BUDGET = 5_000_000L;

    /** The name users type after {@code --model}: {@code sc}, {@code lkmm}, ... */
    String model();

    /** One line for {@code --help} and error messages. */
    String description();

    /**
     * Runs the program; the classifier grades its outcomes (see {@link LitmusClassifier}).
     *
     * @param budget the most work (states, candidate executions) before giving up with an exception
     *               whose message says what to do
     */
    Histogram run(Program program, daxlab.outcome.Classifier classifier, long budget);
}
