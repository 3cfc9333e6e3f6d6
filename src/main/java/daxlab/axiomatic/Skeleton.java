package daxlab.axiomatic;

import daxlab.program.Program;
import daxlab.program.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of an execution fixed by the threads' traces alone: the events (initial writes
 * first, then each thread's in program order), {@code po}, {@code loc}, {@code int}/{@code ext},
 * {@code rmw}, the dependencies and the RCU/SRCU read-side sections. What remains to choose is
 * {@code rf} and {@code co}.
 */
final class Skeleton {
    final Program program;
    final Event[] events;
    final int n;
    final List<ThreadTrace> traces;
    final Rel po;
    final Rel loc;
    final Rel internal;
    final Rel external;
    final Rel rmw;
    final Rel addr;
    final Rel data;
    final Rel ctrl;
    /** Matching {@code rcu_read_lock -> rcu_read_unlock} pairs (rcu-rscs). */
    final Rel rcuRscs;
    /** Matching {@code srcu_read_lock -> srcu_read_unlock} pairs of the same domain (srcu-rscs). */
    final Rel srcuRscs;
    /** Pairs of markers of the same SRCU domain (the {@code loc} of SRCU events). */
    final Rel sameDomain;
    final long reads;
    final long writes;
    final long inits;
    final long memory;

    Skeleton(Program program, List<ThreadTrace> traces) {
        this.program = program;
        this.traces = traces;
        List<Event> all = new ArrayList<>();
        for (Map.Entry<String, Value> e : program.init().entrySet()) {
            all.add(new Event(all.size(), -1, Event.Kind.INIT, e.getKey(), e.getValue(), null, Event.RmwPart.NONE,
                    Event.LockPart.NONE, null, null, null));
        }
        int[] offset = new int[traces.size()];
        for (ThreadTrace t : traces) {
            offset[t.thread()] = all.size();
            for (Event e : t.events()) {
                all.add(e.withId(all.size(), t.thread()));
            }
        }
        n = all.size();
        if (n > Rel.MAX_EVENTS) {
            throw new IllegalArgumentException(program.name() + ": an execution has " + n + " events; the axiomatic "
                    + "engine handles at most " + Rel.MAX_EVENTS);
        }
        events = all.toArray(new Event[0]);
        Rel.Builder po = Rel.builder(n);
        Rel.Builder loc = Rel.builder(n);
        Rel.Builder in = Rel.builder(n);
        Rel.Builder ex = Rel.builder(n);
        Rel.Builder dom = Rel.builder(n);
        long r = 0;
        long w = 0;
        long iw = 0;
        long m = 0;
        for (int i = 0; i < n; i++) {
            Event a = events[i];
            if (a.isRead()) {
                r |= 1L << i;
            }
            if (a.isWrite()) {
                w |= 1L << i;
            }
            if (a.isInit()) {
                iw |= 1L << i;
            }
            if (a.isMemory()) {
                m |= 1L << i;
            }
            for (int j = 0; j < n; j++) {
                Event b = events[j];
                boolean sameThread = a.thread() >= 0 && a.thread() == b.thread();
                if (sameThread) {
                    in.add(i, j);
                    if (i < j) {
                        po.add(i, j);
                    }
                } else {
                    ex.add(i, j);
                }
                if (a.isMemory() && b.isMemory() && a.location().equals(b.location())) {
                    loc.add(i, j);
                }
                if (!a.isMemory() && !b.isMemory() && a.location() != null && a.location().equals(b.location())) {
                    dom.add(i, j);
                }
            }
        }
        reads = r;
        writes = w;
        inits = iw;
        memory = m;
        this.po = po.build();
        this.loc = loc.build();
        this.internal = in.build();
        this.external = ex.build();
        this.sameDomain = dom.build();
        Rel.Builder rmwB = Rel.builder(n);
        Rel.Builder addrB = Rel.builder(n);
        Rel.Builder dataB = Rel.builder(n);
        Rel.Builder ctrlB = Rel.builder(n);
        for (ThreadTrace t : traces) {
            int o = offset[t.thread()];
            t.rmw().forEach(p -> rmwB.add(o + p[0], o + p[1]));
            t.addr().forEach(p -> addrB.add(o + p[0], o + p[1]));
            t.data().forEach(p -> dataB.add(o + p[0], o + p[1]));
            t.ctrl().forEach(p -> ctrlB.add(o + p[0], o + p[1]));
        }
        rmw = rmwB.build();
        addr = addrB.build();
        data = dataB.build();
        ctrl = ctrlB.build();
        rcuRscs = sections(daxlab.program.FenceKind.RCU_LOCK, daxlab.program.FenceKind.RCU_UNLOCK, null);
        srcuRscs = sections(null, null, "srcu");
    }

    /**
     * Read-side sections matched by nesting in each thread (the innermost open lock is closed
     * first), as the bell file's recursive rcu-rscs matches them; SRCU sections pair per domain.
     */
    private Rel sections(daxlab.program.FenceKind lockKind, daxlab.program.FenceKind unlockKind, String srcu) {
        Rel.Builder b = Rel.builder(n);
        for (ThreadTrace t : traces) {
            java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
            Map<String, java.util.Deque<Integer>> openSrcu = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                Event e = events[i];
                if (e.thread() != t.thread()) {
                    continue;
                }
                if (srcu == null && e.kind() == Event.Kind.FENCE) {
                    if (e.fence() == lockKind) {
                        open.push(i);
                    } else if (e.fence() == unlockKind && !open.isEmpty()) {
                        b.add(open.pop(), i);
                    }
                } else if (srcu != null && e.kind() == Event.Kind.SRCU_LOCK) {
                    openSrcu.computeIfAbsent(e.location(), k -> new java.util.ArrayDeque<>()).push(i);
                } else if (srcu != null && e.kind() == Event.Kind.SRCU_UNLOCK) {
                    java.util.Deque<Integer> d = openSrcu.get(e.location());
                    if (d != null && !d.isEmpty()) {
                        b.add(d.pop(), i);
                    }
                }
            }
        }
        return b.build();
    }

    /** The set of events satisfying a predicate. */
    long set(java.util.function.Predicate<Event> p) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            if (p.test(events[i])) {
                s |= 1L << i;
            }
        }
        return s;
    }
}
