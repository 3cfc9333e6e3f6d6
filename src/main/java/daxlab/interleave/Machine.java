package daxlab.interleave;

import daxlab.outcome.Outcome;
import daxlab.program.Expr;
import daxlab.program.FenceKind;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Observable;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program compiled for sequentially consistent stepping. Each thread becomes a flat array of
 * operations with jumps; a state is one {@code int[]}:
 * <pre>
 *   [ pc per thread | registers per thread | memory per location | open SRCU sections | RCU depth per thread
 *     | wait mask per thread | taint per register and location ]
 * </pre>
 * A step is one shared access (load, store, successful or failed RMW, SRCU or RCU read-side lock
 * or unlock, start or end of a grace period); the local operations after it run at once, so
 * every state's pcs point at shared accesses.
 *
 * <p>SRCU as linux-kernel.def has it: each srcu_struct is a location (0 at first) that
 * {@code srcu_read_lock()} reads, returning the value as its index, and
 * {@code srcu_read_unlock()} writes the index back. A section is one execution of a
 * {@code srcu_read_lock()} (one per lock operation: the code has no loops) and lasts until an
 * unlock of the same srcu_struct whose index carries the value that lock returned, as
 * linux-kernel.bell matches them. Which locks a value carries is its <em>taint</em>, a bit per lock
 * operation kept beside every register and location while the program has SRCU locks: a lock
 * taints its index, assignments and stores pass the taint of what they compute on, loads take the
 * taint of what they read, and an unlock's own write carries none. Sections of one thread may so
 * overlap without nesting, and an index handed to another thread ({@code srcu_down_read()} /
 * {@code srcu_up_read()}) ends its section there. A grace period records the open sections of
 * its srcu_struct when it starts and ends once they have all ended. RCU sections nest per thread.
 */
final class Machine {
    enum Kind { LOCK, UNLOCK, IS_LOCKED, TRYLOCK, LOAD, STORE, CMPXCHG, XCHG, ADD, BITS, ADD_UNLESS, SRCU_LOCK, SRCU_UNLOCK,
        RCU_LOCK, RCU_UNLOCK, SYNC_START, SYNC_END, ASSIGN, BRANCH_IF_FALSE, JUMP }

    /** One compiled operation. */
    static final class Op {
        final Kind kind;
        final String function;
        final Instr source;
        int reg = -1;          // state index of the destination register
        IntExpr address;
        IntExpr a;             // store value / cmpxchg expected / xchg value / add delta / assign value / branch condition
        IntExpr b;             // cmpxchg desired
        boolean returnsNew;
        RmwOp.BitOp bitOp;
        /** The srcu_struct of an SRCU operation (its location index), or -1 for RCU. */
        int domain = -1;
        /** An SRCU lock operation's number: its bit in taints and wait masks. */
        int lockId = -1;
        int target = -1;
        /** State indices of the registers {@code a} and {@code b} read: where their taint comes from. */
        int[] aRegs = new int[0];
        int[] bRegs = new int[0];
        /** State indices of the registers this operation reads. */
        final java.util.Set<Integer> uses = new java.util.HashSet<>();
        /** Registers (state indices) dead once this operation is the next to run: reset to 0. */
        int[] deadHere = new int[0];

        Op(Kind kind, String function, Instr source) {
            this.kind = kind;
            this.function = function;
            this.source = source;
        }

        boolean local() {
            return kind == Kind.ASSIGN || kind == Kind.BRANCH_IF_FALSE || kind == Kind.JUMP;
        }
    }

    final Program program;
    final int threads;
    final Op[][] ops;
    final Interner interner;
    final int memBase;
    /** One slot per SRCU lock operation: 1 while its section is open. */
    final int openBase;
    /** One slot per thread: its depth of RCU read-side sections. */
    final int rcuBase;
    final int waitBase;
    /** Where a register's or location's taint is: its own index plus this (0 without SRCU locks). */
    final int taintOffset;
    final int size;
    /** The SRCU lock operations, numbered in thread order; at most 31 (a bit each in an int). */
    private final int srcuLocks;
    /** Per srcu_struct (location index), the bits of its lock operations. */
    private final Map<Integer, Integer> locksOfDomain = new HashMap<>();
    /** The interned id of integer 1 (a taken lock); 0 is integer 0. */
    private final int one;
    private final int[] regBase;
    private final List<Map<String, Integer>> regSlots = new ArrayList<>();
    private final Map<String, Integer> locationIndex = new HashMap<>();
    private final List<String> locationNames;

    /** A cell past a location (pointer arithmetic) no memory slot was made for: the enumeration starts again with one. */
    static final class NewCell extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String cell;

        NewCell(String cell) {
            super(cell, null, false, false);
            this.cell = cell;
        }
    }

    /** A memory slot of a cell past a location that nothing has written yet: no read can take a value from it. */
    static final int UNSET = -1;

    /** The cells past locations ({@code x+1}) that pointer arithmetic reaches, each a slot of its own. */
    private final List<String> cells;

    Machine(Program program) {
        this(program, List.of());
    }

    /**
     * @param cells cells past declared locations ({@code x+1}) that the program's pointer
     *              arithmetic reaches: memory without an initial value ({@link NewCell} names one
     *              met that is not among them)
     */
    Machine(Program program, List<String> cells) {
        this.program = program;
        this.cells = List.copyOf(cells);
        this.threads = program.threads().size();
        if (threads > 30) {
            throw new IllegalArgumentException("at most 30 threads, got " + threads);
        }
        // Each srcu_struct is a location too, 0 unless the program declares it.
        List<String> names = new ArrayList<>(program.locations());
        for (String d : program.srcuDomains()) {
            if (!names.contains(d)) {
                names.add(d);
            }
        }
        names.addAll(cells);
        locationNames = List.copyOf(names);
        for (int i = 0; i < locationNames.size(); i++) {
            locationIndex.put(locationNames.get(i), i);
        }
        interner = new Interner(locationIndex);
        one = interner.id(Value.of(1));
        regBase = new int[threads];
        int next = threads;
        for (int t = 0; t < threads; t++) {
            regBase[t] = next;
            Map<String, Integer> slots = new LinkedHashMap<>();
            for (String r : Program.registersOf(program.threads().get(t))) {
                slots.put(r, next++);
            }
            regSlots.add(slots);
        }
        memBase = next;
        openBase = memBase + locationNames.size();
        int[] locks = {0};
        for (ThreadCode t : program.threads()) {
            daxlab.program.Walk.each(t.body(), i -> {
                if (i instanceof Instr.Srcu sr && sr.op() == Instr.SrcuOp.READ_LOCK) {
                    locks[0]++;
                }
            });
        }
        srcuLocks = locks[0];
        if (srcuLocks > 31) {
            throw new IllegalArgumentException(program.name() + " calls srcu_read_lock() " + srcuLocks
                    + " times; the SC interleaving engine handles at most 31");
        }
        boolean rcu = usesRcu(program);
        rcuBase = openBase + srcuLocks;
        waitBase = rcuBase + (rcu ? threads : 0);
        int end = waitBase + (rcu || !program.srcuDomains().isEmpty() ? threads : 0);
        // The taint of each register and location, mirroring their slots (from index 'threads' to memory's end).
        taintOffset = srcuLocks == 0 ? 0 : end - threads;
        size = srcuLocks == 0 ? end : end + (openBase - threads);
        ops = new Op[threads][];
        int[] nextLock = {0};
        for (int t = 0; t < threads; t++) {
            List<Op> out = new ArrayList<>();
            compile(program.threads().get(t).body(), t, null, out, nextLock);
            ops[t] = out.toArray(new Op[0]);
        }
        endDead = new int[threads][];
        for (int t = 0; t < threads; t++) {
            computeLiveness(t);
        }
    }

    private int[][] endDead;

    private static boolean usesRcu(Program program) {
        boolean[] found = {false};
        for (ThreadCode t : program.threads()) {
            daxlab.program.Walk.each(t.body(), i -> {
                if (i instanceof Instr.Fence f) {
                    FenceKind k = f.kind();
                    found[0] |= k == FenceKind.RCU_LOCK || k == FenceKind.RCU_UNLOCK || k == FenceKind.SYNC_RCU;
                }
            });
        }
        return found[0];
    }

    String threadName(int t) {
        return program.threads().get(t).name();
    }

    // ---------------------------------------------------------------- compilation

    private void compile(List<Instr> body, int t, String function, List<Op> out, int[] nextLock) {
        for (Instr i : body) {
            i.accept(new Compiler(t, function, out, nextLock));
        }
    }

    /** Compiles one instruction into {@code out}: a shared access is one op, locals are free ops. */
    private final class Compiler implements Instr.Visitor<Void> {
        private final int t;
        private final String function;
        private final List<Op> out;
        private final int[] nextLock;

        Compiler(int t, String function, List<Op> out, int[] nextLock) {
            this.t = t;
            this.function = function;
            this.out = out;
            this.nextLock = nextLock;
        }

        @Override
        public Void load(Instr.Load l) {
            Op op = new Op(Kind.LOAD, function, l);
            op.reg = regSlots.get(t).get(l.register());
            op.address = expr(l.address(), t, op);
            out.add(op);
            return null;
        }

        @Override
        public Void store(Instr.Store s) {
            Op op = new Op(Kind.STORE, function, s);
            op.address = expr(s.address(), t, op);
            operandA(op, s.value(), t);
            out.add(op);
            return null;
        }

        @Override
        public Void rmw(Instr.Rmw r) {
            out.add(Machine.this.rmw(r, t, function));
            return null;
        }

        @Override
        public Void lock(Instr.Lock l) {
            Kind k;
            switch (l.op()) {
                case LOCK: k = Kind.LOCK; break;
                case UNLOCK: k = Kind.UNLOCK; break;
                case TRYLOCK: k = Kind.TRYLOCK; break;
                default: k = Kind.IS_LOCKED;
            }
            Op op = new Op(k, function, l);
            op.reg = l.register().map(regSlots.get(t)::get).orElse(-1);
            op.address = expr(l.address(), t, op);
            out.add(op);
            return null;
        }

        @Override
        public Void srcu(Instr.Srcu s) {
            int d = locationIndex.get(s.domain());
            switch (s.op()) {
                case READ_LOCK: {
                    Op op = new Op(Kind.SRCU_LOCK, function, s);
                    op.domain = d;
                    op.lockId = nextLock[0]++;
                    op.reg = regSlots.get(t).get(s.register().orElseThrow());
                    locksOfDomain.merge(d, 1 << op.lockId, (x, y) -> x | y);
                    out.add(op);
                    break;
                }
                case READ_UNLOCK: {
                    Op op = new Op(Kind.SRCU_UNLOCK, function, s);
                    op.domain = d;
                    operandA(op, s.index().orElseThrow(), t);
                    out.add(op);
                    break;
                }
                default:
                    gracePeriod(d, function, s, out);
            }
            return null;
        }

        @Override
        public Void assign(Instr.Assign a) {
            Op op = new Op(Kind.ASSIGN, function, a);
            op.reg = regSlots.get(t).get(a.register());
            operandA(op, a.value(), t);
            out.add(op);
            return null;
        }

        @Override
        public Void branch(Instr.If f) {
            Op branch = new Op(Kind.BRANCH_IF_FALSE, function, f);
            branch.a = expr(f.condition(), t, branch);
            out.add(branch);
            compile(f.then(), t, function, out, nextLock);
            if (f.otherwise().isEmpty()) {
                branch.target = out.size();
            } else {
                Op jump = new Op(Kind.JUMP, function, f);
                out.add(jump);
                branch.target = out.size();
                compile(f.otherwise(), t, function, out, nextLock);
                jump.target = out.size();
            }
            return null;
        }

        @Override
        public Void call(Instr.Call c) {
            compile(c.body(), t, c.function(), out, nextLock);
            return null;
        }

        @Override
        public Void fence(Instr.Fence f) {
            FenceKind k = f.kind();
            if (k == FenceKind.RCU_LOCK || k == FenceKind.RCU_UNLOCK) {
                out.add(new Op(k == FenceKind.RCU_LOCK ? Kind.RCU_LOCK : Kind.RCU_UNLOCK, function, f));
            } else if (k == FenceKind.SYNC_RCU) {
                gracePeriod(-1, function, f, out);
            }
            // The other fences order nothing under SC and take no step.
            return null;
        }
    }

    /** The state indices of the registers {@code e} reads in thread {@code t}. */
    private int[] slots(Expr e, int t) {
        return e.registers().stream().mapToInt(r -> regSlots.get(t).get(r)).toArray();
    }

    /**
     * A grace period of srcu_struct {@code d} (-1: RCU): two steps, its start (recording the
     * sections open) and its end.
     */
    private static void gracePeriod(int d, String function, Instr source, List<Op> out) {
        for (Kind k : new Kind[] {Kind.SYNC_START, Kind.SYNC_END}) {
            Op op = new Op(k, function, source);
            op.domain = d;
            out.add(op);
        }
    }

    private Op rmw(Instr.Rmw r, int t, String function) {
        Op op = r.op().accept(new RmwOp.Visitor<Op>() {
            @Override
            public Op cmpxchg(RmwOp.Cmpxchg c) {
                Op o = new Op(Kind.CMPXCHG, function, r);
                operandA(o, c.expected(), t);
                operandB(o, c.desired(), t);
                return o;
            }

            @Override
            public Op xchg(RmwOp.Xchg x) {
                Op o = new Op(Kind.XCHG, function, r);
                operandA(o, x.value(), t);
                return o;
            }

            @Override
            public Op fetchAdd(RmwOp.FetchAdd f) {
                Op o = new Op(Kind.ADD, function, r);
                operandA(o, f.delta(), t);
                o.returnsNew = f.returnsNew();
                return o;
            }

            @Override
            public Op fetchBits(RmwOp.FetchBits f) {
                Op o = new Op(Kind.BITS, function, r);
                operandA(o, f.operand(), t);
                o.bitOp = f.op();
                return o;
            }

            @Override
            public Op addUnless(RmwOp.AddUnless u) {
                Op o = new Op(Kind.ADD_UNLESS, function, r);
                operandA(o, u.add(), t);
                operandB(o, u.unless(), t);
                return o;
            }
        });
        op.reg = r.register().map(regSlots.get(t)::get).orElse(-1);
        op.address = expr(r.address(), t, op);
        return op;
    }

    /** The op's first operand, compiled, and the registers it reads (for dependencies). */
    private void operandA(Op op, Expr e, int t) {
        op.a = expr(e, t, op);
        op.aRegs = slots(e, t);
    }

    /** The op's second operand, as {@link #operandA}. */
    private void operandB(Op op, Expr e, int t) {
        op.b = expr(e, t, op);
        op.bRegs = slots(e, t);
    }

    private IntExpr expr(Expr e, int t, Op user) {
        for (String r : e.registers()) {
            user.uses.add(regSlots.get(t).get(r));
        }
        return IntExpr.compile(e, regSlots.get(t), interner);
    }

    /**
     * Liveness of registers, so that states differing only in values nobody will read again are
     * one state. Merging them is exact: they have the same futures and the same outcomes. The
     * code has forward jumps only, so one backward pass suffices.
     */
    private void computeLiveness(int t) {
        Op[] code = ops[t];
        java.util.Set<Integer> observed = new java.util.HashSet<>();
        String name = threadName(t);
        List<Observable> read = new ArrayList<>(program.observables());
        program.finalFilter().ifPresent(f -> read.addAll(f.observables()));
        for (Observable o : read) {
            if (o.ref() instanceof Observable.Register && ((Observable.Register) o.ref()).thread().equals(name)) {
                Integer slot = regSlots.get(t).get(((Observable.Register) o.ref()).register());
                if (slot != null) {
                    observed.add(slot);
                }
            }
        }
        List<java.util.Set<Integer>> liveIn = new ArrayList<>();
        for (int pc = 0; pc <= code.length; pc++) {
            liveIn.add(null);
        }
        liveIn.set(code.length, observed);
        for (int pc = code.length - 1; pc >= 0; pc--) {
            Op op = code[pc];
            java.util.Set<Integer> out = new java.util.HashSet<>();
            if (op.kind != Kind.JUMP) {
                out.addAll(liveIn.get(pc + 1));
            }
            if (op.kind == Kind.JUMP || op.kind == Kind.BRANCH_IF_FALSE) {
                out.addAll(liveIn.get(op.target));
            }
            if (op.reg >= 0) {
                out.remove(op.reg);
            }
            out.addAll(op.uses);
            liveIn.set(pc, out);
        }
        java.util.Collection<Integer> all = regSlots.get(t).values();
        for (int pc = 0; pc < code.length; pc++) {
            java.util.Set<Integer> live = liveIn.get(pc);
            code[pc].deadHere = all.stream().filter(r -> !live.contains(r)).mapToInt(Integer::intValue).toArray();
        }
        endDead[t] = all.stream().filter(r -> !observed.contains(r)).mapToInt(Integer::intValue).toArray();
    }

    // ---------------------------------------------------------------- states

    int[] initialState() {
        int[] s = new int[size];
        for (int i = 0; i < locationNames.size(); i++) {
            String l = locationNames.get(i);
            s[memBase + i] = cells.contains(l) ? UNSET : interner.id(program.init().getOrDefault(l, Value.of(0)));
        }
        for (int t = 0; t < threads; t++) {
            runLocals(s, t);
        }
        return s;
    }

    boolean done(int[] s, int t) {
        return s[t] >= ops[t].length;
    }

    boolean allDone(int[] s) {
        for (int t = 0; t < threads; t++) {
            if (s[t] < ops[t].length) {
                return false;
            }
        }
        return true;
    }

    /** Whether thread {@code t} can take its next step (a grace period waits for its readers). */
    boolean enabled(int[] s, int t) {
        if (s[t] >= ops[t].length) {
            return false;
        }
        Op op = ops[t][s[t]];
        if (!cells.isEmpty() && readsMemory(op) && s[memBase + location(op, s, t)] == UNSET) {
            return false; // as in herd7, a read takes its value from some write: here, one still to come
        }
        if (op.kind == Kind.LOCK) {
            return !interner.truthy(s[memBase + location(op, s, t)]);
        }
        return op.kind != Kind.SYNC_END || s[waitBase + t] == 0;
    }

    /** Whether every thread still running in {@code s} waits to read a cell nothing has written (x+1). */
    boolean onlyReadsWait(int[] s) {
        for (int t = 0; t < threads; t++) {
            if (s[t] < ops[t].length) {
                Op op = ops[t][s[t]];
                if (cells.isEmpty() || !readsMemory(op) || s[memBase + location(op, s, t)] != UNSET) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Operations that read the memory at their address. */
    private static boolean readsMemory(Op op) {
        switch (op.kind) {
            case LOAD: case CMPXCHG: case XCHG: case ADD: case BITS: case ADD_UNLESS: case LOCK: case TRYLOCK:
            case IS_LOCKED:
                return true;
            default:
                return false;
        }
    }

    /**
     * Thread {@code t} takes one step from {@code s}. Returns the new state (s is untouched);
     * when {@code describe} is not null, appends what the step did.
     */
    int[] step(int[] s, int t, StringBuilder describe) {
        int[] n = new int[size];
        stepInto(s, t, n, describe);
        return n;
    }

    /** As {@link #step}, writing the new state into {@code n} (no allocation on the hot path). */
    void stepInto(int[] s, int t, int[] n, StringBuilder describe) {
        System.arraycopy(s, 0, n, 0, size);
        Op op = ops[t][n[t]];
        switch (op.kind) {
            case LOAD: {
                int loc = location(op, n, t);
                n[op.reg] = n[memBase + loc];
                setTaint(n, op.reg, taintAt(n, memBase + loc));
                if (describe != null) {
                    describe.append(accessName(op)).append('(').append(locationNames.get(loc)).append(") -> ")
                            .append(interner.value(n[op.reg]));
                }
                break;
            }
            case STORE: {
                int loc = location(op, n, t);
                int v = op.a.eval(n);
                n[memBase + loc] = v;
                setTaint(n, memBase + loc, taint(n, op.aRegs));
                if (describe != null) {
                    describe.append(storeText(op, locationNames.get(loc), interner.value(v)));
                }
                break;
            }
            case CMPXCHG: {
                int loc = location(op, n, t);
                int old = n[memBase + loc];
                int expected = op.a.eval(s);
                int desired = op.b.eval(s);
                boolean success = interner.same(old, expected);
                int oldTaint = taintAt(n, memBase + loc);
                if (success) {
                    n[memBase + loc] = desired;
                    setTaint(n, memBase + loc, taint(n, op.aRegs) | taint(n, op.bRegs));
                }
                if (op.reg >= 0) {
                    n[op.reg] = old;
                    setTaint(n, op.reg, oldTaint);
                }
                if (describe != null) {
                    describe.append(((Instr.Rmw) op.source).kernelName()).append('(').append(locationNames.get(loc))
                            .append(", ").append(interner.value(expected)).append(", ").append(interner.value(desired))
                            .append(") -> ").append(interner.value(old)).append(success ? "" : " (fails)");
                }
                break;
            }
            case XCHG: {
                int loc = location(op, n, t);
                int old = n[memBase + loc];
                int v = op.a.eval(s);
                int oldTaint = taintAt(n, memBase + loc);
                n[memBase + loc] = v;
                setTaint(n, memBase + loc, taint(n, op.aRegs));
                if (op.reg >= 0) {
                    n[op.reg] = old;
                    setTaint(n, op.reg, oldTaint);
                }
                if (describe != null) {
                    describe.append(((Instr.Rmw) op.source).kernelName()).append('(').append(locationNames.get(loc))
                            .append(", ").append(interner.value(v)).append(") -> ").append(interner.value(old));
                }
                break;
            }
            case ADD: {
                int loc = location(op, n, t);
                int old = n[memBase + loc];
                String what = op.source.text();
                long delta = interner.value(op.a.eval(s)).toLong(what);
                int nv = interner.id(Value.of(interner.value(old).toLong(what) + delta));
                int oldTaint = taintAt(n, memBase + loc);
                n[memBase + loc] = nv;
                setTaint(n, memBase + loc, taint(n, op.aRegs));
                if (op.reg >= 0) {
                    n[op.reg] = op.returnsNew ? nv : old;
                    setTaint(n, op.reg, oldTaint);
                }
                if (describe != null && ((Instr.Rmw) op.source).isVoidAtomic()) {
                    describe.append("atomic_add(").append(delta).append(", ").append(locationNames.get(loc))
                            .append("): ").append(interner.value(old)).append(" -> ").append(interner.value(nv));
                } else if (describe != null) {
                    describe.append(((Instr.Rmw) op.source).kernelName()).append('(').append(locationNames.get(loc))
                            .append(", ").append(delta).append(") -> ").append(interner.value(op.returnsNew ? nv : old));
                }
                break;
            }
            case BITS: {
                int loc = location(op, n, t);
                int old = n[memBase + loc];
                String what = op.source.text();
                long operand = interner.value(op.a.eval(s)).toLong(what);
                int oldTaint = taintAt(n, memBase + loc);
                n[memBase + loc] = interner.id(Value.of(op.bitOp.apply(interner.value(old).toLong(what), operand)));
                setTaint(n, memBase + loc, taint(n, op.aRegs));
                if (op.reg >= 0) {
                    n[op.reg] = old;
                    setTaint(n, op.reg, oldTaint);
                }
                if (describe != null) {
                    describe.append(op.source.text()).append(": ").append(interner.value(old)).append(" -> ")
                            .append(interner.value(n[memBase + loc]));
                }
                break;
            }
            case ADD_UNLESS: {
                int loc = location(op, n, t);
                int old = n[memBase + loc];
                boolean adds = !interner.same(old, op.b.eval(s));
                int oldTaint = taintAt(n, memBase + loc);
                if (adds) {
                    String what = op.source.text();
                    long sum = interner.value(old).toLong(what) + interner.value(op.a.eval(s)).toLong(what);
                    n[memBase + loc] = interner.id(Value.of(sum));
                    setTaint(n, memBase + loc, taint(n, op.aRegs) | taint(n, op.bRegs));
                }
                if (op.reg >= 0) {
                    n[op.reg] = adds ? one : interner.id(Value.of(0));
                    setTaint(n, op.reg, oldTaint);
                }
                if (describe != null) {
                    describe.append(op.source.text()).append(" -> ").append(adds ? 1 : 0)
                            .append(adds ? "" : " (fails)");
                }
                break;
            }
            case TRYLOCK: {
                int loc = location(op, n, t);
                boolean free = !interner.truthy(n[memBase + loc]);
                setTaint(n, op.reg, taintAt(n, memBase + loc));
                if (free) {
                    n[memBase + loc] = one;
                    setTaint(n, memBase + loc, 0);
                }
                n[op.reg] = free ? one : interner.id(Value.of(0));
                if (describe != null) {
                    describe.append(op.source.text()).append(" -> ").append(free ? 1 : 0);
                }
                break;
            }
            case LOCK:
            case UNLOCK: {
                int loc = location(op, n, t);
                n[memBase + loc] = op.kind == Kind.LOCK ? one : 0;
                setTaint(n, memBase + loc, 0);
                if (describe != null) {
                    describe.append(op.source.text());
                }
                break;
            }
            case IS_LOCKED: {
                int loc = location(op, n, t);
                n[op.reg] = interner.truthy(n[memBase + loc]) ? one : 0;
                setTaint(n, op.reg, taintAt(n, memBase + loc));
                if (describe != null) {
                    describe.append(op.source.text()).append(" -> ").append(interner.value(n[op.reg]));
                }
                break;
            }
            case SRCU_LOCK: {
                // A read of the srcu_struct: the value is the index, tainted by this lock.
                int slot = memBase + op.domain;
                n[op.reg] = n[slot];
                setTaint(n, op.reg, (1 << op.lockId) | taintAt(n, slot));
                n[openBase + op.lockId] = 1;
                if (describe != null) {
                    describe.append(op.source.text());
                }
                break;
            }
            case SRCU_UNLOCK: {
                int slot = memBase + op.domain;
                int index = op.a.eval(n);
                int ends = taint(n, op.aRegs) & locksOfDomain.getOrDefault(op.domain, 0);
                n[slot] = index;
                setTaint(n, slot, 0);
                int closed = 0;
                for (int bits = ends; bits != 0; bits &= bits - 1) {
                    int g = Integer.numberOfTrailingZeros(bits);
                    if (n[openBase + g] != 0) {
                        n[openBase + g] = 0;
                        closed |= 1 << g;
                    }
                }
                if (closed != 0) {
                    // The sections this index ends: no grace period waits for them any more.
                    for (int w = 0; w < threads; w++) {
                        Op waiting = n[w] < ops[w].length ? ops[w][n[w]] : null;
                        if (waiting != null && waiting.kind == Kind.SYNC_END && waiting.domain == op.domain) {
                            n[waitBase + w] &= ~closed;
                        }
                    }
                }
                if (describe != null) {
                    describe.append(op.source.text());
                }
                break;
            }
            case RCU_LOCK:
                n[rcuBase + t]++;
                if (describe != null) {
                    describe.append(op.source.text());
                }
                break;
            case RCU_UNLOCK: {
                if (n[rcuBase + t] == 0) {
                    throw new IllegalStateException(threadName(t) + ": " + op.source.text() + " without a matching read-side lock");
                }
                if (--n[rcuBase + t] == 0) {
                    // This reader has left its outermost section: no grace period waits for it any more.
                    for (int w = 0; w < threads; w++) {
                        Op waiting = n[w] < ops[w].length ? ops[w][n[w]] : null;
                        if (waiting != null && waiting.kind == Kind.SYNC_END && waiting.domain < 0) {
                            n[waitBase + w] &= ~(1 << t);
                        }
                    }
                }
                if (describe != null) {
                    describe.append(op.source.text());
                }
                break;
            }
            case SYNC_START: {
                int mask = 0;
                if (op.domain < 0) {
                    for (int r = 0; r < threads; r++) {
                        if (n[rcuBase + r] > 0) {
                            mask |= 1 << r;
                        }
                    }
                    if ((mask & (1 << t)) != 0) {
                        throw new IllegalStateException(threadName(t)
                                + ": " + op.source.text() + " inside its own read-side section would deadlock");
                    }
                } else {
                    for (int bits = locksOfDomain.getOrDefault(op.domain, 0); bits != 0; bits &= bits - 1) {
                        int g = Integer.numberOfTrailingZeros(bits);
                        if (n[openBase + g] != 0) {
                            mask |= 1 << g;
                        }
                    }
                }
                n[waitBase + t] = mask;
                if (describe != null) {
                    describe.append(op.source.text()).append(" starts").append(mask == 0 ? " (no reader inside)"
                            : " (waits for " + (op.domain < 0 ? threadsIn(mask) : sectionsIn(mask)) + ")");
                }
                break;
            }
            case SYNC_END:
                if (describe != null) {
                    describe.append(op.source.text()).append(" returns");
                }
                break;
            default:
                throw new AssertionError(op.kind);
        }
        n[t]++;
        runLocals(n, t);
    }

    /** The threads that opened the SRCU sections of {@code mask} (a bit per lock operation). */
    private String sectionsIn(int mask) {
        int threadMask = 0;
        for (int t = 0; t < threads; t++) {
            for (Op op : ops[t]) {
                if (op.kind == Kind.SRCU_LOCK && (mask & (1 << op.lockId)) != 0) {
                    threadMask |= 1 << t;
                }
            }
        }
        return threadsIn(threadMask);
    }

    /** The taint of the value in state slot {@code slot} (a register or a location). */
    private int taintAt(int[] n, int slot) {
        return taintOffset == 0 ? 0 : n[slot + taintOffset];
    }

    private void setTaint(int[] n, int slot, int taint) {
        if (taintOffset != 0) {
            n[slot + taintOffset] = taint;
        }
    }

    /** The taint of a value computed from the registers in {@code regs}. */
    private int taint(int[] n, int[] regs) {
        int t = 0;
        if (taintOffset != 0) {
            for (int r : regs) {
                t |= n[r + taintOffset];
            }
        }
        return t;
    }

    private String threadsIn(int mask) {
        List<String> names = new ArrayList<>();
        for (int r = 0; r < threads; r++) {
            if ((mask & (1 << r)) != 0) {
                names.add(threadName(r));
            }
        }
        return String.join(", ", names);
    }

    private int location(Op op, int[] s, int t) {
        int id = op.address.eval(s);
        int loc = interner.location(id);
        if (loc < 0) {
            Value v = interner.value(id);
            if (v instanceof Value.Addr a && program.init().containsKey(a.location())) {
                throw new NewCell(a.cell());
            }
            throw new IllegalStateException(threadName(t) + ": '" + op.source.text() + "' accesses "
                    + v + ", which is not a declared location");
        }
        return loc;
    }

    private static String accessName(Op op) {
        Mode m = ((Instr.Load) op.source).mode();
        switch (m) {
            case PLAIN: return "load";
            case ACQUIRE: return "smp_load_acquire";
            default: return "READ_ONCE";
        }
    }

    private static String storeText(Op op, String loc, Value v) {
        Mode m = ((Instr.Store) op.source).mode();
        switch (m) {
            case PLAIN: return loc + " = " + v;
            case RELEASE: return "smp_store_release(&" + loc + ", " + v + ")";
            default: return "WRITE_ONCE(" + loc + ", " + v + ")";
        }
    }

    /** Runs the local operations of thread t until its next shared access. */
    private void runLocals(int[] s, int t) {
        Op[] code = ops[t];
        while (s[t] < code.length && code[s[t]].local()) {
            Op op = code[s[t]];
            switch (op.kind) {
                case ASSIGN:
                    s[op.reg] = op.a.eval(s);
                    setTaint(s, op.reg, taint(s, op.aRegs));
                    s[t]++;
                    break;
                case BRANCH_IF_FALSE:
                    s[t] = interner.truthy(op.a.eval(s)) ? s[t] + 1 : op.target;
                    break;
                default:
                    s[t] = op.target;
            }
        }
        // Forget the registers nobody reads from here on.
        int[] dead = s[t] < code.length ? code[s[t]].deadHere : endDead[t];
        for (int slot : dead) {
            s[slot] = 0;
            setTaint(s, slot, 0);
        }
    }

    /** The outcome a final state reports. */
    Outcome outcome(int[] s) {
        return outcome(s, program.observables());
    }

    /** Whether the program's filter, if any, keeps a final state. */
    boolean kept(int[] s) {
        return program.finalFilter().map(f -> f.keeps(outcome(s, f.observables()).fields()::get)).orElse(true);
    }

    private Outcome outcome(int[] s, List<Observable> observables) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Observable o : observables) {
            if (o.ref() instanceof Observable.Loc) {
                fields.put(o.name(), interner.value(s[memBase + locationIndex.get(((Observable.Loc) o.ref()).location())]));
            } else {
                Observable.Register r = (Observable.Register) o.ref();
                int t = threadIndex(r.thread());
                Integer slot = regSlots.get(t).get(r.register());
                fields.put(o.name(), slot == null ? Value.of(0) : interner.value(s[slot]));
            }
        }
        return new Outcome(fields);
    }

    private int threadIndex(String name) {
        List<ThreadCode> ts = program.threads();
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no thread " + name);
    }
}
