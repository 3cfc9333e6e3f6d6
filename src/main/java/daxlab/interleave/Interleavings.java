package daxlab.interleave;

import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.outcome.Outcome;
import daxlab.program.Program;

import java.math.BigInteger;
import java.util.ArrayList;
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
 * done; its outcome collects the count. A schedule that reaches a state where no thread can move
 * (a grace period waiting for a section nobody can end, spinlocks taken in opposite orders) never
 * completes, as herd7 has no execution for it: it is counted apart ({@code deadlocked}), and when
 * no schedule completes at all the enumeration fails naming the state.
 *
 * <p>Every value a schedule reads was written by a step before it, so no state here holds a
 * {@link daxlab.program.Value.Undetermined} value: the cycles of copies that the axiomatic LKMM
 * keeps with herd7's symbolic value are not sequentially consistent (SC axiomatic rejects them too,
 * and the suites check that both SC engines reach the same final states).
 *
 * <p>Each state remembers the first predecessor that reached it; following those links back
 * from a final state gives one witness schedule per outcome. States are numbered in the order
 * first reached, threads tried lowest first, so the witness is the schedule that lets
 * lower-numbered threads go first where it can.
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
        long[] reached = new long[2];
        try {
            // Pointer arithmetic may reach cells past the declared locations (x+1): each one met
            // gets a slot of its own and the enumeration starts again (the program has no loops,
            // so there are finitely many).
            List<String> cells = new ArrayList<>();
            while (true) {
                try {
                    return run(program, classifier, settings, cells, reached);
                } catch (Machine.NewCell c) {
                    cells.add(c.cell);
                }
            }
        } catch (OutOfMemoryError e) {
            // The budget estimate is meant to prevent this; if the heap is shared and fills
            // anyway, report it like a budget overrun, with how far the run got, rather than let
            // the caller die.
            throw StateBudgetExceeded.heapFull(program.name(), reached[0], (int) reached[1]);
        }
    }

    /** {@code reached} receives the states seen and the steps taken, level by level, for an error. */
    private static Histogram run(Program program, Classifier classifier, Settings settings, List<String> cells,
                                 long[] reached) {
        Machine m = new Machine(program, cells);
        List<Level> levels = new ArrayList<>();
        Level level = new Level(m.size, 1);
        level.findOrAdd(m.initialState(), -1, -1);
        level.add(0, 1, null);
        Map<Outcome, Final> finals = new LinkedHashMap<>();
        BigInteger deadlocked = BigInteger.ZERO;
        String firstDeadlock = null;
        boolean waitsForAWrite = true;
        int[] cur = new int[m.size];
        int[] next = new int[m.size];
        long seen = 1;
        int maxFrontier = 1;
        Thread self = Thread.currentThread();
        long budget = effectiveBudget(m, settings.budget());
        while (level.size() > 0) {
            levels.add(level);
            int depth = levels.size() - 1;
            Level successors = new Level(m.size, level.size() * 2);
            for (int i = 0; i < level.size(); i++) {
                level.state(i, cur);
                if (m.allDone(cur)) {
                    if (!m.kept(cur)) {
                        continue; // herd7's filter: this final state is not counted
                    }
                    Outcome o = m.outcome(cur);
                    Final f = finals.computeIfAbsent(o, k -> new Final(levels.size() - 1));
                    if (f.level == depth && f.index < 0) {
                        f.index = i;
                    }
                    f.add(level.countOf(i));
                    continue;
                }
                boolean moved = false;
                long c = level.smallCount(i);
                BigInteger cBig = level.bigCount(i);
                for (int t = 0; t < m.threads; t++) {
                    if (!m.enabled(cur, t)) {
                        continue;
                    }
                    moved = true;
                    m.stepInto(cur, t, next, null);
                    int j = successors.findOrAdd(next, i, t);
                    successors.add(j, c, cBig);
                    if (successors.added) {
                        if (++seen > budget) {
                            throw new StateBudgetExceeded(program.name(), seen, budget, depth + 1);
                        }
                        if ((seen & 0xFFF) == 0 && self.isInterrupted()) {
                            throw new CancellationException("enumeration of " + program.name()
                                    + " interrupted after " + seen + " states");
                        }
                    }
                }
                if (!moved) {
                    deadlocked = deadlocked.add(level.countOf(i));
                    waitsForAWrite &= m.onlyReadsWait(cur);
                    if (firstDeadlock == null) {
                        firstDeadlock = describe(m, cur);
                    }
                }
            }
            reached[0] = seen;
            reached[1] = depth + 1;
            maxFrontier = Math.max(maxFrontier, successors.size());
            if (settings.progress() != null) {
                settings.progress().accept(new Settings.Progress(depth + 1, seen, successors.size()));
            }
            level = successors;
        }
        if (self.isInterrupted()) {
            throw new CancellationException("enumeration of " + program.name() + " interrupted");
        }
        // Reads of a cell nothing writes (x+1) end no schedule, as herd7 has no execution then;
        // a grace period or a lock that waits for ever is a deadlock, and said so.
        if (finals.isEmpty() && firstDeadlock != null && !waitsForAWrite) {
            throw new IllegalStateException("deadlock in " + program.name()
                    + ": no schedule completes; no thread can move in state " + firstDeadlock);
        }
        List<Histogram.Entry> entries = new ArrayList<>();
        for (Map.Entry<Outcome, Final> e : finals.entrySet()) {
            Final f = e.getValue();
            entries.add(new Histogram.Entry(e.getKey(), f.total, classifier.grade(e.getKey()),
                    witness(m, levels, f.level, f.index)));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("states", Long.toString(seen));
        facts.put("longest schedule", levels.size() - 1 + " steps");
        facts.put("widest level", Integer.toString(maxFrontier));
        if (firstDeadlock != null) {
            facts.put("deadlocked", deadlocked + " schedules (first: " + firstDeadlock.strip() + ")");
        }
        return new Histogram(program.name(), settings.variant(), MODEL, UNIT, entries, facts);
    }

    /**
     * The requested budget, lowered so that the states kept (every level stays, for the
     * witnesses) fit in 60% of the heap: running out of states is an error with a message,
     * running out of memory is not.
     */
    static long effectiveBudget(Machine m, long requested) {
        // Arena, count, parent, thread, hash and two index slots per state; arrays grow by
        // doubling and are copied while growing, hence the factor 3.
        long bytesPerState = 3 * (4L * m.size + 32);
        long fits = (long) (Runtime.getRuntime().maxMemory() * 0.6) / bytesPerState;
        return Math.max(1, Math.min(requested, fits));
    }

    /** Follows first-arrival links back from a final state and re-runs each step to describe it. */
    private static Schedule witness(Machine m, List<Level> levels, int level, int index) {
        int[] indices = new int[level + 1];
        for (int l = level, i = index; l >= 0; l--) {
            indices[l] = i;
            i = levels.get(l).parent(i);
        }
        List<Step> steps = new ArrayList<>();
        int[] before = new int[m.size];
        for (int l = 1; l <= level; l++) {
            levels.get(l - 1).state(indices[l - 1], before);
            int t = levels.get(l).thread(indices[l]);
            String function = m.ops[t][before[t]].function;
            StringBuilder sb = new StringBuilder();
            m.step(before, t, sb);
            steps.add(new Step(t, m.threadName(t), java.util.Optional.ofNullable(function), sb.toString()));
        }
        return new Schedule(steps);
    }

    private static String describe(Machine m, int[] s) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < m.threads; t++) {
            sb.append(m.threadName(t)).append(m.done(s, t) ? " done; "
                    : " at '" + m.ops[t][s[t]].source.text() + "'; ");
        }
        return sb.toString();
    }

    /** An outcome's total and where its first final state is. */
    private static final class Final {
        final int level;
        int index = -1;
        BigInteger total = BigInteger.ZERO;

        Final(int level) {
            this.level = level;
        }

        void add(BigInteger c) {
            total = total.add(c);
        }
    }
}
