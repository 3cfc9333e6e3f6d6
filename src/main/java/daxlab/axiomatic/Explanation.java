package daxlab.axiomatic;

import daxlab.outcome.Outcome;
import daxlab.outcome.Witness;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a model says of one outcome: for the candidate executions that would give it, either
 * that the model allows some (how many, how many of those race, and one of them as a witness, so
 * the reader can check that no axiom applies), or which axiom rejects each and the offending
 * cycle with its events and named edges. Executions that fail the same axiom the same way are
 * counted together; one of them is shown in full.
 *
 * @param model      the model's name
 * @param outcome    the outcome explained
 * @param candidates how many candidate executions give this outcome
 * @param allowed    how many of them the model allows (0 for a forbidden outcome)
 * @param reasons    one entry per rejecting axiom, in order of frequency; empty when allowed
 * @param racy       how many of the allowed executions raise the LKMM's data-race flag
 * @param reached    how the model's enumeration reaches the outcome, with a witness; null when forbidden
 */
public record Explanation(String model, Outcome outcome, long candidates, long allowed, List<Reason> reasons,
                          long racy, Reached reached) {

    public Explanation {
        reasons = List.copyOf(reasons);
        if ((allowed > 0) != (reached != null)) {
            throw new IllegalArgumentException("an allowed outcome needs a witness, a forbidden one has none: "
                    + outcome.text() + " allowed by " + allowed);
        }
    }

    /** A forbidden outcome (or one no candidate gives): the reasons, no witness. */
    public Explanation(String model, Outcome outcome, long candidates, long allowed, List<Reason> reasons) {
        this(model, outcome, candidates, allowed, reasons, 0, null);
    }

    /**
     * How the engine behind a model name reaches an allowed outcome: {@code count} of its
     * {@code unit} ({@code executions} for an axiomatic model, {@code interleavings} for
     * {@code sc}), and one of them as the witness (an {@link Execution}, or a schedule).
     */
    public record Reached(BigInteger count, String unit, Witness witness) {
    }

    /** The same explanation under another model name, reached as {@code how} says (sc: by interleavings). */
    public Explanation as(String modelName, Reached how) {
        return new Explanation(modelName, outcome, candidates, allowed, reasons, racy, how);
    }

    /** The same explanation under another model name (lkmm-once for the LKMM on the marked program). */
    public Explanation as(String modelName) {
        return new Explanation(modelName, outcome, candidates, allowed, reasons, racy, reached);
    }

    /** One edge of a cycle: {@code from -label-> to}. */
    public record Edge(int from, int to, String label) {
    }

    /**
     * The executions one axiom rejects.
     *
     * @param axiom   the axiom's name in the cat file
     * @param count   how many candidates it rejects
     * @param cycle   the cycle (or offending pair) in the first of them
     * @param events  that execution's events, one line each, for reading the cycle
     */
    public record Reason(String axiom, long count, List<Edge> cycle, List<String> events) {
        public Reason {
            cycle = List.copyOf(cycle);
            events = List.copyOf(events);
        }

        /** {@code a -po-> b -rfe-> c -fre-> a} */
        public String cycleText() {
            if (cycle.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder(Execution.name(cycle.get(0).from()));
            for (Edge e : cycle) {
                sb.append(" -").append(e.label()).append("-> ").append(Execution.name(e.to()));
            }
            return sb.toString();
        }
    }

    public boolean forbidden() {
        return allowed == 0;
    }

    /**
     * Printable. An allowed outcome: the counts, that no axiom rejects the witness, and the
     * witness one line per event (or step). A forbidden one: per axiom the count, the cycle and
     * the events it passes through.
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(outcome.text()).append(" under ").append(model).append(": ");
        if (candidates == 0) {
            return sb.append("no candidate execution gives it (no write supplies the values it needs)\n").toString();
        }
        if (allowed > 0) {
            sb.append("allowed by ").append(allowed).append(" of ").append(candidates).append(" candidate executions");
            if (racy == allowed) {
                sb.append(allowed == 1 ? ", which has a data race" : ", each with a data race");
            } else if (racy > 0) {
                sb.append(", ").append(racy).append(" of them with a data race");
            }
            sb.append("; no axiom of ").append(model).append(" rejects ").append(allowed == 1 ? "it" : "them");
            if (Axiomatic.UNIT.equals(reached.unit())) {
                sb.append("; a witness execution:\n");
            } else {
                // "1 interleaving", "4 interleavings"
                String unit = reached.count().equals(BigInteger.ONE) && reached.unit().endsWith("s")
                        ? reached.unit().substring(0, reached.unit().length() - 1) : reached.unit();
                sb.append("; reached by ").append(reached.count()).append(' ').append(unit).append(", e.g.:\n");
            }
            for (String line : reached.witness().lines()) {
                sb.append("    ").append(line).append('\n');
            }
            return sb.toString();
        }
        sb.append("forbidden: all ").append(candidates).append(" candidate executions are rejected\n");
        for (Reason r : reasons) {
            sb.append("  ").append(r.count()).append(" by ").append(r.axiom()).append(", e.g. cycle ")
                    .append(r.cycleText()).append('\n');
            java.util.Set<Integer> on = new java.util.TreeSet<>();
            for (Edge e : r.cycle()) {
                on.add(e.from());
                on.add(e.to());
            }
            for (int i : on) {
                sb.append("    ").append(r.events().get(i)).append('\n');
            }
        }
        return sb.toString();
    }

    static Reason reason(String axiom, long count, Verdict v, Execution x) {
        List<String> ev = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            ev.add(x.describe(i));
        }
        return new Reason(axiom, count, v.cycle(), ev);
    }

    @Override
    public String toString() {
        return text();
    }

    /** Helper for grouping: axiom name to (count, first verdict, first execution). */
    static final class Tally {
        long count;
        Verdict first;
        Execution firstExecution;
    }

    static List<Reason> reasons(Map<String, Tally> byAxiom) {
        List<Map.Entry<String, Tally>> es = new ArrayList<>(byAxiom.entrySet());
        es.sort((a, b) -> Long.compare(b.getValue().count, a.getValue().count));
        List<Reason> out = new ArrayList<>();
        for (Map.Entry<String, Tally> e : es) {
            out.add(reason(e.getKey(), e.getValue().count, e.getValue().first, e.getValue().firstExecution));
        }
        return out;
    }
}
