package daxlab.axiomatic;

import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every way each thread can run, thread by thread. A thread's control flow depends only on the
 * values its reads return, so each read branches over the values its location can hold: the
 * initial value and every value some write can store. Those sets are found first, as a fixpoint
 * (a stored value may itself depend on what was read). A trace whose read values no write can
 * supply is dropped later, when reads choose their writes.
 *
 * <p>Every path built, here and while values are collected, counts against the run's budget
 * ({@link Effort#path}): a thread with more paths than the budget stops the run before they are
 * all built.
 */
final class Traces {
    /**
     * Above this many traces per thread the program is too large to enumerate this way, whatever
     * the budget: the traces are kept in memory.
     */
    static final int MAX_TRACES_PER_THREAD = 20_000;

    private final Program program;
    /** Counts every path built, here and while values are collected (the budget's {@link Effort}). */
    private final Effort effort;
    private final Set<String> lockLocations = new LinkedHashSet<>();
    final Map<String, Set<Value>> domains = new LinkedHashMap<>();
    final List<List<ThreadTrace>> perThread = new ArrayList<>();

    Traces(Program program, Effort effort) {
        this.program = program;
        this.effort = effort;
        for (ThreadCode t : program.threads()) {
            daxlab.program.Walk.each(t.body(), i -> {
                if (i instanceof Instr.Lock l && l.address() instanceof Expr.Const c) {
                    Value a = c.value();
                    if (a instanceof Value.Addr) {
                        lockLocations.add(((Value.Addr) a).cell());
                    }
                }
            });
        }
        Skeleton.initialValues(program).forEach((loc, v) -> domains.put(loc, new LinkedHashSet<>(List.of(v))));
        for (String l : lockLocations) {
            domains.get(l).add(Value.of(0));
            domains.get(l).add(Value.of(1));
        }
        seedUndetermined();
        // A value chain in one execution passes through distinct writes, so as many rounds as
        // there are store instructions (plus one, counted generously) reach every value an execution can store.
        // While collecting values, a branch whose condition depends on a read takes both ways:
        // a value may be justified by a cycle (crypto-control-data: WRITE_ONCE(*y, r1) after
        // "r1 = 1; if (READ_ONCE(*x) == 0) r1 = 0;" stores 1 only once x is 1, which needs y to
        // be 1 first), and following only the values already known would never find it.
        int rounds = countAccesses() + 1;
        Provenance provenance = new Provenance(program);
        provenance.seed(domains);
        for (int round = 0; round < rounds; round++) {
            boolean grew = false;
            for (int t = 0; t < program.threads().size(); t++) {
                for (ThreadTrace tr : new Runner(t, true).all()) {
                    grew |= provenance.collect(tr, domains);
                }
            }
            if (!grew) {
                break;
            }
        }
        for (int t = 0; t < program.threads().size(); t++) {
            perThread.add(new Runner(t, false).all());
        }
    }

    boolean isLock(String location) {
        return lockLocations.contains(location);
    }

    /**
     * Where a value no write determines may be read from: the locations a register is copied to
     * as it is (a store of r0, xchg of r0, srcu_read_unlock(s, idx)). A read of one may return
     * {@link Value.Undetermined#S}, matched only with a write of it: a cycle of copies, which herd7
     * keeps with a symbolic value ({@link Grounding} drops the same cycle with a number in it).
     */
    private void seedUndetermined() {
        for (ThreadCode t : program.threads()) {
            daxlab.program.Walk.each(t.body(), i -> {
                daxlab.program.Walk.Stored st = daxlab.program.Walk.storedAsGiven(i);
                if (st == null || !(st.value() instanceof Expr.Reg)) {
                    return;
                }
                if (st.address() instanceof Expr.Const c && c.value() instanceof Value.Addr a) {
                    domains.computeIfAbsent(a.cell(), k -> new LinkedHashSet<>()).add(Value.Undetermined.S);
                } else {
                    // Through a pointer: any location may be the one it names.
                    program.init().keySet().forEach(l -> domains.get(l).add(Value.Undetermined.S));
                }
            });
        }
        lockLocations.forEach(l -> domains.get(l).remove(Value.Undetermined.S));
    }

    /** Instructions that touch shared memory: at least as many as the store instructions. */
    private int countAccesses() {
        int[] n = {0};
        for (ThreadCode t : program.threads()) {
            daxlab.program.Walk.each(t.body(), i -> {
                if (i.touchesSharedState()) {
                    n[0]++;
                }
            });
        }
        return n[0];
    }

    /** Runs one thread's code along every path. */
    private final class Runner {
        private final int thread;
        private final ThreadCode code;
        private final List<ThreadTrace> out = new ArrayList<>();
        /** Paths built so far, finished or cut short (the budget counts both). */
        private long built;

        /** Take both ways at every branch that depends on a read (only to collect values). */
        private final boolean allBranches;

        Runner(int thread, boolean allBranches) {
            this.allBranches = allBranches;
            this.thread = thread;
            this.code = program.threads().get(thread);
        }

        List<ThreadTrace> all() {
            List<Frame> stack = new ArrayList<>();
            stack.add(new Frame(code.body(), 0, null));
            run(stack, new State());
            return out;
        }

        /** Continues from the top frame; forks at every read. */
        private void run(List<Frame> stack, State s) {
            while (true) {
                if (stack.isEmpty()) {
                    finish(s);
                    return;
                }
                Frame f = stack.get(stack.size() - 1);
                if (f.pc >= f.body.size()) {
                    stack.remove(stack.size() - 1);
                    if (f.branch) {
                        // herd7's C: the control dependency ends with the branch's body.
                        s.branchTaint = f.savedBranchTaint;
                    }
                    continue;
                }
                Instr i = f.body.get(f.pc);
                f.pc++;
                Optional<String> fn = currentFunction(stack);
                boolean ended;
                try {
                    ended = i.accept(new Step(stack, s, fn));
                } catch (Value.Undetermined.Operation e) {
                    // An operation on a value no write determines: herd7 has no execution here.
                    built();
                    return;
                }
                if (ended) {
                    return;
                }
            }
        }

        /**
         * One instruction of the path in {@code s}; returns true when it forked (each fork ran
         * the rest of the thread) or ended the path, false to go on with the next instruction.
         */
        private final class Step implements Instr.Visitor<Boolean> {
            private final List<Frame> stack;
            private final State s;
            private final Optional<String> fn;

            Step(List<Frame> stack, State s, Optional<String> fn) {
                this.stack = stack;
                this.s = s;
                this.fn = fn;
            }

            @Override
            public Boolean load(Instr.Load l) {
                String loc = location(l.address(), s, l);
                if (loc == null) {
                    return true;
                }
                long addrDeps = s.taintOf(l.address());
                for (Value v : domainOf(loc, s)) {
                    State n = s.copy();
                    Event read = Event.of(thread, Event.Access.of(Event.Kind.READ, loc, v, l.mode()), l, fn);
                    int e = n.add(read, addrDeps, 0);
                    n.set(l.register(), v, 1L << e);
                    run(copy(stack), n);
                }
                return true;
            }

            @Override
            public Boolean store(Instr.Store st) {
                String loc = location(st.address(), s, st);
                if (loc == null) {
                    return true;
                }
                Value v = st.value().eval(s.regs::get);
                Event write = Event.of(thread, Event.Access.of(Event.Kind.WRITE, loc, v, st.mode()), st, fn);
                s.add(write, s.taintOf(st.address()), s.taintOf(st.value()));
                return false;
            }

            @Override
            public Boolean rmw(Instr.Rmw r) {
                Runner.this.rmw(r, stack, s, fn);
                return true;
            }

            @Override
            public Boolean lock(Instr.Lock l) {
                return Runner.this.lock(l, stack, s, fn);
            }

            @Override
            public Boolean fence(Instr.Fence f) {
                FenceKind k = f.kind();
                s.add(Event.of(thread, new Event.Fence(k), f, fn), 0, 0);
                if (k == FenceKind.SYNC_RCU) {
                    s.add(Event.of(thread, new Event.GracePeriod(Event.Kind.GP_END, "rcu"), f, fn), 0, 0);
                }
                return false;
            }

            @Override
            public Boolean srcu(Instr.Srcu sr) {
                String d = sr.domain();
                switch (sr.op()) {
                    case READ_LOCK:
                        // A read of the srcu_struct: the index is the value read, and carries the
                        // dependency that matches this lock with its unlock (srcu-rscs).
                        for (Value v : domainOf(d, s)) {
                            State n = s.copy();
                            int e = n.add(srcuEvent(new Event.SrcuAccess(Event.Kind.SRCU_LOCK, d, v), sr), 0, 0);
                            n.set(sr.register().orElseThrow(), v, 1L << e);
                            run(copy(stack), n);
                        }
                        return true;
                    case READ_UNLOCK:
                        Expr passed = sr.index().orElseThrow();
                        Value index = passed.eval(s.regs::get);
                        s.add(srcuEvent(new Event.SrcuAccess(Event.Kind.SRCU_UNLOCK, d, index), sr), 0,
                                s.taintOf(passed));
                        return false;
                    default:
                        s.add(srcuEvent(new Event.GracePeriod(Event.Kind.SRCU_SYNC, d), sr), 0, 0);
                        s.add(srcuEvent(new Event.GracePeriod(Event.Kind.GP_END, d), sr), 0, 0);
                        return false;
                }
            }

            private Event srcuEvent(Event.Action a, Instr.Srcu sr) {
                return Event.of(thread, a, sr, fn);
            }

            @Override
            public Boolean assign(Instr.Assign a) {
                s.set(a.register(), a.value().eval(s.regs::get), s.taintOf(a.value()));
                return false;
            }

            @Override
            public Boolean branch(Instr.If c) {
                long t = s.taintOf(c.condition());
                if (allBranches && t != 0) {
                    for (List<Instr> way : List.of(c.then(), c.otherwise())) {
            State n = s.copy();
                        List<Frame> st = copy(stack);
                        Frame body = new Frame(way, 0, null);
                        body.branch = true;
                        body.savedBranchTaint = n.branchTaint;
                        st.add(body);
                        n.branchTaint |= t;
                        n.ctrlTaint |= t;
                        run(st, n);
                    }
                    return true;
                }
                boolean taken = c.condition().eval(s.regs::get).truthy();
                Frame body = new Frame(taken ? c.then() : c.otherwise(), 0, null);
                body.branch = true;
                body.savedBranchTaint = s.branchTaint;
                stack.add(body);
                s.branchTaint |= t;
                s.ctrlTaint |= t;
                return false;
            }

            @Override
            public Boolean call(Instr.Call c) {
                stack.add(new Frame(c.body(), 0, c.function()));
                return false;
            }
        }

        private void rmw(Instr.Rmw r, List<Frame> stack, State s, Optional<String> fn) {
            String loc = location(r.address(), s, r);
            if (loc == null) {
                return;
            }
            if (isLock(loc)) {
                throw new IllegalArgumentException(code.name() + ": '" + r.text() + "' uses spinlock '" + loc
                        + "' as data; a location is either a spinlock or data");
            }
            long addrDeps = s.taintOf(r.address());
            for (Value old : domainOf(loc, s)) {
                try {
                    rmwReading(old, r, loc, addrDeps, stack, s, fn);
                } catch (Value.Undetermined.Operation e) {
                    // This value is one no write determines and the RMW computes with it: no
                    // execution reads it here (herd7 has none); the other values still may.
                    built();
                }
            }
        }

        /** The RMW {@code r} reading {@code old}: its events, then the rest of the thread. */
        private void rmwReading(Value old, Instr.Rmw r, String loc, long addrDeps, List<Frame> stack, State s,
                                Optional<String> fn) {
            RmwOp op = r.op();
            State n = s.copy();
            Value[] written = new Value[1];
            Value[] result = {old};
            // The arithmetic and bitwise RMWs compute the value they write from the value
            // they read: herd7 gives their write a data dependency on their read (then
            // dep ; rfi orders a later read of what they wrote); xchg and cmpxchg write a
            // value of their own.
            boolean[] fromOld = {false};
            long dataDeps = op.accept(new RmwOp.Visitor<Long>() {
                @Override
                public Long cmpxchg(RmwOp.Cmpxchg c) {
                    boolean success = Expr.same(old, c.expected().eval(n.regs::get));
                    written[0] = success ? c.desired().eval(n.regs::get) : null;
                    return n.taintOf(c.desired()) | n.taintOf(c.expected());
                }

                @Override
                public Long xchg(RmwOp.Xchg x) {
                    written[0] = x.value().eval(n.regs::get);
                    return n.taintOf(x.value());
                }

                @Override
                public Long fetchAdd(RmwOp.FetchAdd a) {
                    Value delta = a.delta().eval(n.regs::get);
                    written[0] = Value.of(old.toLong(r.text()) + delta.toLong(r.text()));
                    result[0] = a.returnsNew() ? written[0] : old;
                    fromOld[0] = true;
                    return n.taintOf(a.delta());
                }

                @Override
                public Long fetchBits(RmwOp.FetchBits b) {
                    long operand = b.operand().eval(n.regs::get).toLong(r.text());
                    written[0] = Value.of(b.op().apply(old.toLong(r.text()), operand));
                    fromOld[0] = true;
                    return n.taintOf(b.operand());
                }

                @Override
                public Long addUnless(RmwOp.AddUnless u) {
                    // Like a cmpxchg: when the value is 'unless' it is a read only, returning 0.
                    if (Expr.same(old, u.unless().eval(n.regs::get))) {
                        written[0] = null;
                        result[0] = Value.of(0);
                    } else {
                        written[0] = Value.of(old.toLong(r.text()) + u.add().eval(n.regs::get).toLong(r.text()));
                        result[0] = Value.of(1);
                    }
                    return n.taintOf(u.add()) | n.taintOf(u.unless());
                }
            });
            int re = n.add(Event.of(thread, new Event.Access(Event.Kind.READ, loc, old, r.mode(),
                    written[0] == null ? Event.RmwPart.FAILED_READ : Event.RmwPart.READ, Event.LockPart.NONE),
                    r, fn), addrDeps, 0);
            if (written[0] != null) {
                int we = n.add(Event.of(thread, new Event.Access(Event.Kind.WRITE, loc, written[0], r.mode(),
                        Event.RmwPart.WRITE, Event.LockPart.NONE), r, fn),
                        addrDeps, dataDeps | (fromOld[0] ? 1L << re : 0L));
                n.rmw.add(new int[] {re, we});
            }
            if (r.register().isPresent()) {
                n.set(r.register().get(), result[0], 1L << re);
            }
            run(copy(stack), n);
        }

        /** Returns true when it forked (and so already ran the rest). */
        private boolean lock(Instr.Lock l, List<Frame> stack, State s, Optional<String> fn) {
            String loc = location(l.address(), s, l);
            if (loc == null) {
                return true;
            }
            long addrDeps = s.taintOf(l.address());
            switch (l.op()) {
                case LOCK: {
                    int re = s.add(lockEvent(Event.Kind.READ, loc, 0, Event.LockPart.LKR, l, fn), addrDeps, 0);
                    int we = s.add(lockEvent(Event.Kind.WRITE, loc, 1, Event.LockPart.LKW, l, fn), addrDeps, 0);
                    s.rmw.add(new int[] {re, we});
                    return false;
                }
                case UNLOCK:
                    s.add(lockEvent(Event.Kind.WRITE, loc, 0, Event.LockPart.UL, l, fn), addrDeps, 0);
                    return false;
                case TRYLOCK: {
                    // Succeeds as spin_lock() does (LKR, LKW), or fails reading the lock taken (LF).
                    State ok = s.copy();
                    int re = ok.add(lockEvent(Event.Kind.READ, loc, 0, Event.LockPart.LKR, l, fn), addrDeps, 0);
                    int we = ok.add(lockEvent(Event.Kind.WRITE, loc, 1, Event.LockPart.LKW, l, fn), addrDeps, 0);
                    ok.rmw.add(new int[] {re, we});
                    ok.set(l.register().orElseThrow(), Value.of(1), 1L << re);
                    run(copy(stack), ok);
                    State no = s.copy();
                    int fe = no.add(lockEvent(Event.Kind.READ, loc, 1, Event.LockPart.LF, l, fn), addrDeps, 0);
                    no.set(l.register().orElseThrow(), Value.of(0), 1L << fe);
                    run(copy(stack), no);
                    return true;
                }
                default:
                    for (int held = 1; held >= 0; held--) {
            State n = s.copy();
                        int e = n.add(lockEvent(Event.Kind.READ, loc, held,
                                held == 1 ? Event.LockPart.RL : Event.LockPart.RU, l, fn), addrDeps, 0);
                        n.set(l.register().orElseThrow(), Value.of(held), 1L << e);
                        run(copy(stack), n);
                    }
                    return true;
            }
        }

        private Event lockEvent(Event.Kind k, String loc, long v, Event.LockPart part, Instr source,
                                Optional<String> fn) {
            Event.Access a = new Event.Access(k, loc, Value.of(v), Mode.ONCE, Event.RmwPart.NONE, part);
            return Event.of(thread, a, source, fn);
        }

        /** One more path of this thread built, counted against the budget. */
        private void built() {
            effort.path(code.name(), ++built);
        }

        private void finish(State s) {
            built();
            if (out.size() >= MAX_TRACES_PER_THREAD) {
                throw new IllegalArgumentException(program.name() + ": thread " + code.name() + " has more than "
                        + MAX_TRACES_PER_THREAD + " paths; the program is too large for the axiomatic engine");
            }
            out.add(new ThreadTrace(thread, s.events, s.addr, s.data, s.ctrl, s.ctrlAfter, s.rmw, s.regs, s.fault));
        }

        /**
         * The location an address names, or null after ending the trace with a fault: the value
         * sets over-approximate, so this path may never happen; {@link Axiomatic} reports the
         * fault only if an allowed execution reaches it.
         */
        private String location(Expr address, State s, Instr i) {
            Value a = address.eval(s.regs::get).determined("an access through it");
            if (!(a instanceof Value.Addr) || !program.init().containsKey(((Value.Addr) a).location())) {
                s.fault = code.name() + ": '" + i.text() + "' accesses " + a
                        + ", which is not a declared location; declared: " + String.join(", ", program.init().keySet());
                finish(s);
                return null;
            }
            // Past a location (x + 1) is a cell of its own, without an initial value: only what
            // some write stores there can be read from it.
            return ((Value.Addr) a).cell();
        }

        /**
         * The values a read of {@code loc} may return. None yet for a cell past a location that
         * no write has reached so far: while values are collected, the path ends there but its
         * writes so far count (a write before the read, in the same thread, may be what it reads).
         */
        private Set<Value> domainOf(String loc, State s) {
            Set<Value> d = new LinkedHashSet<>(domains.getOrDefault(loc, Set.of()));
            if (d.isEmpty()) {
                if (allBranches) {
                    finish(s);
                } else {
                    built(); // nothing to read yet: the path ends here
                }
            }
            return d;
        }

        private Optional<String> currentFunction(List<Frame> stack) {
            for (int k = stack.size() - 1; k >= 0; k--) {
                if (stack.get(k).function != null) {
                    return Optional.of(stack.get(k).function);
                }
            }
            return Optional.empty();
        }
    }

    private static List<Frame> copy(List<Frame> stack) {
        List<Frame> c = new ArrayList<>(stack.size());
        for (Frame f : stack) {
            Frame g = new Frame(f.body, f.pc, f.function);
            g.branch = f.branch;
            g.savedBranchTaint = f.savedBranchTaint;
            c.add(g);
        }
        return c;
    }

    /** A position in a (nested) instruction list. */
    private static final class Frame {
        final List<Instr> body;
        int pc;
        final String function;
        /** The body of an if: leaving it ends the control dependency on its condition. */
        boolean branch;
        long savedBranchTaint;

        Frame(List<Instr> body, int pc, String function) {
            this.body = body;
            this.pc = pc;
            this.function = function;
        }
    }

    /** Registers, their taint (which of the trace's reads they derive from), and the events so far. */
    private static final class State {
        final Map<String, Value> regs;
        final Map<String, Long> taint;
        /** Reads the enclosing branch conditions depend on: herd7's ctrl, to the branch bodies only. */
        long branchTaint;
        /** Reads any earlier branch condition depends on: a CPU's ctrl, to everything after the branch. */
        long ctrlTaint;
        /** Why this path stopped early (an access to something that is not a location), or null. */
        String fault;
        final List<Event> events;
        final List<int[]> addr;
        final List<int[]> data;
        final List<int[]> ctrl;
        final List<int[]> ctrlAfter = new ArrayList<>();
        final List<int[]> rmw;

        State() {
            this(new HashMap<>(), new HashMap<>(), 0, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>());
        }

        private State(Map<String, Value> regs, Map<String, Long> taint, long ctrlTaint, List<Event> events,
                      List<int[]> addr, List<int[]> data, List<int[]> ctrl, List<int[]> rmw) {
            this.regs = regs;
            this.taint = taint;
            this.ctrlTaint = ctrlTaint;
            this.events = events;
            this.addr = addr;
            this.data = data;
            this.ctrl = ctrl;
            this.rmw = rmw;
        }

        State copy() {
            State c = new State(new HashMap<>(regs), new HashMap<>(taint), ctrlTaint, new ArrayList<>(events),
                    new ArrayList<>(addr), new ArrayList<>(data), new ArrayList<>(ctrl), new ArrayList<>(rmw));
            c.fault = fault;
            c.branchTaint = branchTaint;
            c.ctrlAfter.addAll(ctrlAfter);
            return c;
        }

        long taintOf(Expr e) {
            long t = 0;
            for (String r : e.registers()) {
                t |= taint.getOrDefault(r, 0L);
            }
            return t;
        }

        void set(String reg, Value v, long t) {
            regs.put(reg, v);
            taint.put(reg, t);
        }

        /** Appends an event with its address and data dependencies and the control ones in force. */
        int add(Event e, long addrDeps, long dataDeps) {
            int id = events.size();
            if (id >= Rel.MAX_EVENTS) {
                throw new IllegalArgumentException("a thread has more than " + Rel.MAX_EVENTS + " events");
            }
            events.add(e.withId(id, e.thread()));
            edges(addrDeps, id, addr);
            edges(dataDeps, id, data);
            edges(branchTaint, id, ctrl);
            edges(ctrlTaint, id, ctrlAfter);
            return id;
        }

        private static void edges(long from, int to, List<int[]> out) {
            long bits = from;
            while (bits != 0) {
                int f = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                out.add(new int[] {f, to});
            }
        }
    }
}
