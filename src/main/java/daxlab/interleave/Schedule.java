package daxlab.interleave;

import daxlab.outcome.Witness;

import java.util.List;
import java.util.stream.Collectors;

/** A complete interleaving, step by step: the witness the SC enumerator gives for an outcome. */
public record Schedule(List<Step> steps) implements Witness {
    public Schedule {
        steps = List.copyOf(steps);
    }

    /** The thread index of each step, in order: what {@link Replay} takes. */
    public List<Integer> threadOrder() {
        return steps.stream().map(Step::threadIndex).collect(Collectors.toList());
    }

    @Override
    public List<String> lines() {
        return steps.stream().map(Step::line).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
