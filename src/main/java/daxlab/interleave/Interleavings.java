package daxlab.interleave;

import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Program;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Exhaustive sequentially consistent exploration with exact counts.
 *
 * <p>It never walks one schedule at a time. States are processed level by level (level = steps
 * taken); each state carries the number of schedules that reach it, and a successor adds its
 * predecessor's number. Two schedules that reach the same state share all their futures, so the
 * work is proportional to the number of distinct states, while the counts are those of the
 * (exponentially many) schedules. A complete schedule ends in a state where every thread is
 * done; its outcome collects the count.
 *
 * <p>Each state remembers the first predecessor that reached it; following those links back
 * from a final state gives one witness schedule per outcome. States are kept in insertion order,
 * so the witness is the schedule that lets lower-numbered threads go first where it can.
 */
public final class Interleavings {
    private static final String MODEL = "sc";
    private static final String UNIT = "interleavings";

    private Interleavings() {
    }

    public static Histogram enumerate(Program program, Classifier classifier) {
        return enumerate(program, classifier, Settings.defaults());
    }

    public static Histogram enumerate(Program program, Classifier classifier, Settings settings) {
        long started = System.nanoTime();
        Machine m = new Machine(program);
        Node root = new Node(m.initialState(), null, -1, new Counter(1));
        Map<Node, Node> level = new LinkedHashMap<>();
        level.put(root, root);
        Map<Outcome, Final> finals = new LinkedHashMap<>();
        long seen = 1;
        int depth = 0;
        int maxFrontier = 1;
        while (!level.isEmpty()) {
            Map<Node, Node> next = new LinkedHashMap<>();
            for (Node node : level.values()) {
                if (m.allDone(node.state)) {
                    Outcome o = m.outcome(node.state);
                    Final f = finals.get(o);
                    if (f == null) {
                        finals.put(o, new Final(node, new Counter(0)));
                        f = finals.get(o);
                    }
                    f.count.add(node.count);
                    continue;
                }
                boolean moved = false;
                for (int t = 0; t < m.threads; t++) {
                    if (!m.enabled(node.state, t)) {
                        continue;
                    }
                    moved = true;
                    Node succ = new Node(m.step(node.state, t, null), node, t, new Counter(0));
                    Node existing = next.putIfAbsent(succ, succ);
                    (existing == null ? succ : existing).count.add(node.count);
                    if (existing == null && ++seen > settings.budget()) {
                        throw new StateBudgetExceeded(program.name(), seen, settings.budget(), depth + 1);
                    }
                    if ((seen & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("enumeration of " + program.name()
                                + " interrupted after " + seen + " states");
                    }
                }
                if (!moved) {
                    throw new IllegalStateException("deadlock in " + program.name() + ": no thread can move in state "
                            + describe(m, node));
                }
            }
            depth++;
            maxFrontier = Math.max(maxFrontier, next.size());
            if (settings.progress() != null) {
                settings.progress().accept(new Settings.Progress(depth, seen, next.size()));
            }
            level = next;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("enumeration of " + program.name() + " interrupted");
        }
        List<Histogram.Entry> entries = new ArrayList<>();
        for (Map.Entry<Outcome, Final> e : finals.entrySet()) {
            entries.add(new Histogram.Entry(e.getKey(), e.getValue().count.value(), classifier.grade(e.getKey()),
                    witness(m, e.getValue().first)));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("states", Long.toString(seen));
        facts.put("longest schedule", depth - 1 + " steps");
        facts.put("widest level", Integer.toString(maxFrontier));
        facts.put("time", String.format("%.1f ms", (System.nanoTime() - started) / 1e6));
        return new Histogram(program.name(), settings.variant(), MODEL, UNIT, entries, facts);
    }

    /** The number of states and schedules without keeping a histogram: what the benchmark measures. */
    public static BigInteger countSchedules(Program program, Settings settings) {
        Histogram h = enumerate(program, daxlab.outcome.Classifier.NONE, settings);
        return h.total();
    }

    private static Schedule witness(Machine m, Node last) {
        Deque<Node> chain = new ArrayDeque<>();
        for (Node n = last; n.parent != null; n = n.parent) {
            chain.push(n);
        }
        List<Step> steps = new ArrayList<>();
        for (Node n : chain) {
            StringBuilder sb = new StringBuilder();
            int t = n.thread;
            int pc = n.parent.state[t];
            String function = m.ops[t][pc].function;
            m.step(n.parent.state, t, sb);
            steps.add(new Step(t, m.threadName(t), function, sb.toString()));
        }
        return new Schedule(steps);
    }

    private static String describe(Machine m, Node node) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < m.threads; t++) {
            sb.append(m.threadName(t)).append(m.done(node.state, t) ? " done; "
                    : " at '" + m.ops[t][node.state[t]].source.text() + "'; ");
        }
        return sb.toString();
    }

    /** A state with the number of schedules reaching it and the first way it was reached. */
    private static final class Node {
        final int[] state;
        final int hash;
        final Node parent;
        final int thread;
        final Counter count;

        Node(int[] state, Node parent, int thread, Counter count) {
            this.state = state;
            this.hash = Arrays.hashCode(state);
            this.parent = parent;
            this.thread = thread;
            this.count = count;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node && ((Node) o).hash == hash && Arrays.equals(((Node) o).state, state);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Final {
        final Node first;
        final Counter count;

        Final(Node first, Counter count) {
            this.first = first;
            this.count = count;
        }
    }
}
