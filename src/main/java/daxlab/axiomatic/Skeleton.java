package daxlab.axiomatic;

import daxlab.program.Program;
import daxlab.program.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of an execution fixed by the threads' traces alone: the events (initial writes
 * first, then each thread's in program order), {@code po}, {@code loc}, {@code int}/{@code ext},
 * {@code rmw}, the dependencies and the RCU read-side sections. What remains to choose is
 * {@code rf} and {@code co} (on which SRCU sections may depend: {@link #srcuRscs}).
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
    final Rel ctrlAfter;
    /** Matching {@code rcu_read_lock -> rcu_read_unlock} pairs (rcu-rscs). */
    final Rel rcuRscs;
    /** srcu-rscs when no index goes through memory (it does not depend on rf then). */
    private final Rel srcuSpans;
    /** Whether some read's value is stored, so that srcu-rscs depends on rf. */
    private final boolean srcuThroughMemory;
    /** For each write, the reads its value depends on (data, and its RMW's read for arithmetic). */
    final long[] valueDeps;
    /** The writes whose value depends on no read. */
    final long groundedWrites;
    /** Whether some write's value depends on a read (else every value is determined: {@link Grounding}). */
    final boolean copiesValues;
    /** {@code srcu_read_lock()} events. */
    final long srcuLocks;
    /** {@code srcu_read_unlock()} events. */
    final long srcuUnlocks;
    /** Pairs of SRCU events of the same srcu_struct (the {@code loc} of synchronize_srcu()). */
    final Rel sameDomain;
    final long reads;
    final long writes;
    final long inits;
    final long memory;
    /** The first fault among the traces (an access to a non-location), or null. */
    final String fault;
    /**
     * Every location an event accesses: the declared ones (with their initial writes) first,
     * then the cells past them that pointer arithmetic reached ({@code x+1}, no initial write).
     */
    final List<String> locations;

    Skeleton(Program program, List<ThreadTrace> traces) {
        this.program = program;
        this.traces = traces;
        this.fault = traces.stream().map(ThreadTrace::fault).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<Event> all = new ArrayList<>();
        for (Map.Entry<String, Value> e : initialValues(program).entrySet()) {
            all.add(Event.initial(all.size(), e.getKey(), e.getValue()));
        }
        int[] offset = new int[traces.size()];
        for (ThreadTrace t : traces) {
            offset[t.thread()] = all.size();
            for (Event e : t.events()) {
                all.add(e.withId(all.size(), t.thread()));
            }
        }
        n = all.size();
        java.util.Set<String> locs = new java.util.LinkedHashSet<>();
        for (Event e : all) {
            if (e.isMemory()) {
                locs.add(e.location());
            }
        }
        locations = List.copyOf(locs);
        if (n > Rel.MAX_EVENTS) {
            throw new IllegalArgumentException(program.name() + ": an execution has " + n + " events; the axiomatic "
                    + "engine handles at most " + Rel.MAX_EVENTS);
        }
        events = all.toArray(new Event[0]);
        // One pass per event, with locations and threads as bit masks, instead of comparing
        // every pair of events: this runs once per combination of thread traces.
        Map<String, Long> byLocation = new java.util.HashMap<>();
        Map<String, Long> byDomain = new java.util.HashMap<>();
        Map<Integer, Long> byThread = new java.util.HashMap<>();
        long r = 0;
        long w = 0;
        long iw = 0;
        long m = 0;
        long sl = 0;
        long su = 0;
        for (int i = 0; i < n; i++) {
            Event a = events[i];
            long bit = 1L << i;
            if (a.isRead()) {
                r |= bit;
            }
            if (a.isWrite()) {
                w |= bit;
            }
            if (a.isInit()) {
                iw |= bit;
            }
            if (a.isMemory()) {
                m |= bit;
                byLocation.merge(a.location(), bit, (x, y) -> x | y);
            }
            if (a.isSrcu()) {
                byDomain.merge(a.location(), bit, (x, y) -> x | y);
                if (a.kind() == Event.Kind.SRCU_LOCK) {
                    sl |= bit;
                } else if (a.kind() == Event.Kind.SRCU_UNLOCK) {
                    su |= bit;
                }
            }
            if (a.thread() >= 0) {
                byThread.merge(a.thread(), bit, (x, y) -> x | y);
            }
        }
        long[] poRows = new long[n];
        long[] locRows = new long[n];
        long[] inRows = new long[n];
        long[] exRows = new long[n];
        long[] domRows = new long[n];
        long everything = n == 64 ? -1L : (1L << n) - 1;
        for (int i = 0; i < n; i++) {
            Event a = events[i];
            long same = a.thread() >= 0 ? byThread.get(a.thread()) : 0L;
            inRows[i] = same;
            exRows[i] = everything & ~same;
            // events of a thread are numbered in program order
            poRows[i] = same & ~((2L << i) - 1);
            if (a.isMemory()) {
                locRows[i] = byLocation.get(a.location());
            }
            if (a.isSrcu()) {
                domRows[i] = byDomain.get(a.location());
            }
        }
        reads = r;
        srcuLocks = sl;
        srcuUnlocks = su;
        writes = w;
        inits = iw;
        memory = m;
        this.po = Rel.of(poRows);
        this.loc = Rel.of(locRows);
        this.internal = Rel.of(inRows);
        this.external = Rel.of(exRows);
        this.sameDomain = Rel.of(domRows);
        Rel.Builder rmwB = Rel.builder(n);
        Rel.Builder addrB = Rel.builder(n);
        Rel.Builder dataB = Rel.builder(n);
        Rel.Builder ctrlB = Rel.builder(n);
        Rel.Builder ctrlAfterB = Rel.builder(n);
        for (ThreadTrace t : traces) {
            int o = offset[t.thread()];
            t.rmw().forEach(p -> rmwB.add(o + p[0], o + p[1]));
            t.addr().forEach(p -> addrB.add(o + p[0], o + p[1]));
            t.data().forEach(p -> dataB.add(o + p[0], o + p[1]));
            t.ctrl().forEach(p -> ctrlB.add(o + p[0], o + p[1]));
            t.ctrlAfter().forEach(p -> ctrlAfterB.add(o + p[0], o + p[1]));
        }
        rmw = rmwB.build();
        addr = addrB.build();
        data = dataB.build();
        ctrl = ctrlB.build();
        ctrlAfter = ctrlAfterB.build();
        rcuRscs = rcuSections();
        valueDeps = new long[n];
        Rel dataFrom = data.inverse();
        Rel rmwFrom = rmw.inverse();
        long free = 0;
        for (int i = 0; i < n; i++) {
            Event e = events[i];
            if (!e.isWrite() || e.isInit()) {
                continue;
            }
            long deps = dataFrom.row(i);
            if (e.rmw() == Event.RmwPart.WRITE && daxlab.program.Walk.storedAsGiven(e.source().orElseThrow()) == null) {
                deps |= rmwFrom.row(i); // atomic_add and friends compute on the value they read
            }
            valueDeps[i] = deps;
            if (deps == 0) {
                free |= 1L << i;
            }
        }
        groundedWrites = free;
        copiesValues = (writes & ~inits & ~free) != 0;
        // srcu-rscs depends on rf only when an index is stored to memory and read back.
        Rel dataToStores = data.to(~srcuUnlocks);
        srcuSpans = Rel.id(n, srcuLocks).seq(data).to(srcuUnlocks).inter(loc);
        srcuThroughMemory = !dataToStores.isEmpty() && srcuLocks != 0;
    }

    /**
     * The initial value of every location: the program's, and 0 for each srcu_struct it does not
     * declare (linux-kernel.def makes srcu_read_lock() read it and srcu_read_unlock() write it).
     */
    static Map<String, Value> initialValues(Program program) {
        Map<String, Value> out = new java.util.LinkedHashMap<>(program.init());
        for (String d : program.srcuDomains()) {
            out.putIfAbsent(d, Value.of(0));
        }
        return out;
    }

    /**
     * SRCU read-side sections as linux-kernel.bell matches them: a lock and the unlock of the
     * same srcu_struct whose index depends on the value the lock read, through registers and
     * through stores read back ({@code ([Srcu-lock] ; (data ; [~Srcu-unlock] ; rf)* ; data ;
     * [Srcu-unlock]) & loc}). Overlapping sections of one thread stay distinct, and an index
     * handed to another thread (srcu_down_read()/srcu_up_read()) ends the section there.
     */
    Rel srcuRscs(Rel rf) {
        if (!srcuThroughMemory) {
            return srcuSpans;
        }
        Rel carry = data.to(~srcuUnlocks).seq(rf).star();
        return Rel.id(n, srcuLocks).seq(carry).seq(data).to(srcuUnlocks).inter(loc);
    }

    /**
     * RCU read-side sections matched by nesting in each thread (the innermost open lock is
     * closed first), as the bell file's recursive rcu-rscs matches them.
     */
    private Rel rcuSections() {
        Rel.Builder b = Rel.builder(n);
        for (ThreadTrace t : traces) {
            java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
            for (int i = 0; i < n; i++) {
                Event e = events[i];
                if (e.thread() != t.thread() || e.kind() != Event.Kind.FENCE) {
                    continue;
                }
                if (e.fence() == daxlab.program.FenceKind.RCU_LOCK) {
                    open.push(i);
                } else if (e.fence() == daxlab.program.FenceKind.RCU_UNLOCK && !open.isEmpty()) {
                    b.add(open.pop(), i);
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
