package daxlab.outcome;

import java.util.List;

/**
 * How one outcome can come about: a schedule of steps (interleavings), an execution graph
 * (axiomatic models). Engines supply their own kinds; a witness can always print itself.
 */
public interface Witness {
    /** One line per step or event, ready to print. */
    List<String> lines();
}
