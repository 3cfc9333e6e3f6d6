package daxlab.interleave;

import daxlab.outcome.Outcome;
import daxlab.program.Expr;
import daxlab.program.Instr;
import daxlab.program.Observable;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;
import daxlab.program.Walk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a program along one given schedule, straight from the IR: no compilation, no interning,
 * no state merging. It is the reference the enumerator is checked against (a witness replayed
 * here must reach its outcome), and a way to walk through a schedule step by step in a notebook.
 * The step semantics are the enumerator's: one shared access per step, locals free,
 * {@code synchronize_srcu} a start step and an end step. SRCU sections are matched as the
 * enumerator matches them, by which locks' values each value was computed from (its taint),
 * kept here as sets of section numbers beside every register and location.
 */
public final class Replay {
    private final Program program;
    private final Map<String, Value> memory;
    private final List<ThreadRun> runs;
    /** Which SRCU sections each location's value carries the index of. */
    private final Map<String, Set<Integer>> memoryTaint;
    /** The srcu_struct of each section, by number (one per srcu_read_lock() run). */
    private final List<String> sections;
    /** The sections still open. */
    private final Set<Integer> open;

    /** The outcome the schedule reached and what each step did. */
    public record Result(Outcome outcome, List<String> steps) {
    }

    private Replay(Program program) {
        this.program = program;
        this.memory = new LinkedHashMap<>(program.init());
        program.srcuDomains().forEach(d -> memory.putIfAbsent(d, Value.of(0)));
        this.runs = new ArrayList<>();
        this.memoryTaint = new HashMap<>();
        this.sections = new ArrayList<>();
        this.open = new HashSet<>();
        for (ThreadCode t : program.threads()) {
            ThreadRun r = new ThreadRun(t.name(), t.body());
            runs.add(r);
        }
        for (ThreadRun r : runs) {
            r.runLocals();
        }
    }

    private Replay(Replay o) {
        this.program = o.program;
        this.memory = new LinkedHashMap<>(o.memory);
        this.runs = new ArrayList<>();
        for (ThreadRun r : o.runs) {
            runs.add(r.copy());
        }
        this.memoryTaint = new HashMap<>();
        o.memoryTaint.forEach((k, v) -> memoryTaint.put(k, new HashSet<>(v)));
        this.sections = new ArrayList<>(o.sections);
        this.open = new HashSet<>(o.open);
    }

    /** A fresh run of the program, every thread at its first shared access. */
    public static Replay start(Program program) {
        return new Replay(program);
    }

    /** Replays a complete schedule, given as the thread index of each step. */
    public static Result run(Program program, List<Integer> threadOrder) {
        Replay r = start(program);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < threadOrder.size(); i++) {
            int t = threadOrder.get(i);
            if (t < 0 || t >= r.runs.size() || !r.enabled(t)) {
                throw new IllegalArgumentException("step " + (i + 1) + " of the schedule: thread " + t
                        + " cannot move (" + (t >= 0 && t < r.runs.size() && r.runs.get(t).done() ? "it is done"
                        : "no such thread or it is waiting") + ")");
            }
            lines.add(r.step(t));
        }
        if (!r.done()) {
            throw new IllegalArgumentException("the schedule ends after " + threadOrder.size()
                    + " steps but some thread has not finished");
        }
        return new Result(r.outcome(), lines);
    }

    public Replay copy() {
        return new Replay(this);
    }

    public int threads() {
        return runs.size();
    }

    public boolean done() {
        return runs.stream().allMatch(ThreadRun::done);
    }

    public boolean enabled(int t) {
        ThreadRun r = runs.get(t);
        if (r.done()) {
            return false;
        }
        Instr i = r.next();
        if (i instanceof Instr.Srcu && ((Instr.Srcu) i).op() == Instr.SrcuOp.SYNCHRONIZE && r.waiting != null) {
            return r.waiting.isEmpty();
        }
        Expr read = Walk.readAddress(i);
        if (read != null && !memory.containsKey(location(r, read))) {
            return false; // a cell past a location that nothing has written yet: no value to read
        }
        if (i instanceof Instr.Lock && ((Instr.Lock) i).op() == Instr.LockOp.LOCK) {
            return !memory.get(location(r, ((Instr.Lock) i).address())).truthy();
        }
        return true;
    }

    /** Thread {@code t} takes one step; returns the line describing it. */
    public String step(int t) {
        ThreadRun r = runs.get(t);
        Instr i = r.next();
        String fn = r.function();
        Shared shared = new Shared(r, t);
        String text = i.accept(shared);
        if (shared.advance) {
            r.advance();
            r.runLocals();
        }
        return r.name + " " + (fn == null ? "" : fn + ": ") + text;
    }

    /** One shared access of thread {@code t}; returns what it did. Local instructions never get here. */
    private final class Shared implements Instr.Visitor<String> {
        private final ThreadRun r;
        private final int t;
        /** False for the first step of a grace period (its start): the thread stays on it. */
        boolean advance = true;

        Shared(ThreadRun r, int t) {
            this.r = r;
            this.t = t;
        }

        @Override
        public String load(Instr.Load l) {
            String loc = location(r, l.address());
            r.regs.put(l.register(), memory.get(loc));
            r.taint.put(l.register(), taintOf(loc));
            return l.text() + " -> " + memory.get(loc);
        }

        @Override
        public String store(Instr.Store s) {
            String loc = location(r, s.address());
            Value v = s.value().eval(r.regs);
            memory.put(loc, v);
            memoryTaint.put(loc, r.taintOf(s.value()));
            return loc + " := " + v;
        }

        @Override
        public String rmw(Instr.Rmw m) {
            return Replay.this.rmw(r, m);
        }

        @Override
        public String lock(Instr.Lock l) {
            String loc = location(r, l.address());
            l.register().ifPresent(reg -> r.taint.put(reg, taintOf(loc)));
            if (l.op() != Instr.LockOp.IS_LOCKED) {
                memoryTaint.remove(loc);
            }
            if (l.op() == Instr.LockOp.IS_LOCKED) {
                r.regs.put(l.register().orElseThrow(), Value.of(memory.get(loc).truthy() ? 1 : 0));
            } else if (l.op() == Instr.LockOp.TRYLOCK) {
                boolean free = !memory.get(loc).truthy();
                if (free) {
                    memory.put(loc, Value.of(1));
                }
                r.regs.put(l.register().orElseThrow(), Value.of(free ? 1 : 0));
                return l.text() + " -> " + (free ? 1 : 0);
            } else {
                memory.put(loc, Value.of(l.op() == Instr.LockOp.LOCK ? 1 : 0));
            }
            return l.text();
        }

        @Override
        public String srcu(Instr.Srcu s) {
            String d = s.domain();
            switch (s.op()) {
                case READ_LOCK: {
                    // The index is the srcu_struct's value, carrying this new section.
                    int section = sections.size();
                    sections.add(d);
                    open.add(section);
                    Set<Integer> taint = new HashSet<>(taintOf(d));
                    taint.add(section);
                    String index = s.register().orElseThrow();
                    r.regs.put(index, memory.get(d));
                    r.taint.put(index, taint);
                    return s.text();
                }
                case READ_UNLOCK: {
                    Expr index = s.index().orElseThrow();
                    Set<Integer> ended = new HashSet<>();
                    for (int section : r.taintOf(index)) {
                        if (sections.get(section).equals(d) && open.remove(section)) {
                            ended.add(section);
                        }
                    }
                    memory.put(d, index.eval(r.regs));
                    memoryTaint.remove(d);
                    for (ThreadRun w : runs) {
                        if (w.waiting != null && d.equals(w.waitDomain)) {
                            w.waiting.removeAll(ended);
                        }
                    }
                    return s.text();
                }
                default:
                    if (r.waiting == null) {
                        // The start: the sections of this srcu_struct open now are waited for.
                        r.waiting = new HashSet<>();
                        r.waitDomain = d;
                        for (int section : open) {
                            if (sections.get(section).equals(d)) {
                                r.waiting.add(section);
                            }
                        }
                        advance = false;
                        return s.text() + " starts";
                    }
                    r.waiting = null;
                    r.waitDomain = null;
                    return s.text() + " returns";
            }
        }

        @Override
        public String fence(Instr.Fence f) {
            throw new AssertionError("a fence is not a step: " + f.text());
        }

        @Override
        public String assign(Instr.Assign a) {
            throw new AssertionError("an assignment is not a step: " + a.text());
        }

        @Override
        public String branch(Instr.If f) {
            throw new AssertionError("a branch is not a step: " + f.text());
        }

        @Override
        public String call(Instr.Call c) {
            throw new AssertionError("a call is not a step: " + c.text());
        }
    }

    private Set<Integer> taintOf(String location) {
        return memoryTaint.getOrDefault(location, Set.of());
    }

    private String rmw(ThreadRun r, Instr.Rmw m) {
        String loc = location(r, m.address());
        Value old = memory.get(loc);
        Set<Integer> oldTaint = taintOf(loc);
        // What the write computes on: the dependencies the axiomatic engines give it.
        Set<Integer> written = new HashSet<>();
        daxlab.program.Walk.operands(m.op()).forEach(e -> written.addAll(r.taintOf(e)));
        Value[] result = {old};
        String suffix = m.op().accept(new RmwOp.Visitor<String>() {
            @Override
            public String cmpxchg(RmwOp.Cmpxchg c) {
                if (Expr.same(old, c.expected().eval(r.regs))) {
                    memory.put(loc, c.desired().eval(r.regs));
                    return "";
                }
                return " (fails)";
            }

            @Override
            public String xchg(RmwOp.Xchg x) {
                memory.put(loc, x.value().eval(r.regs));
                return "";
            }

            @Override
            public String fetchAdd(RmwOp.FetchAdd f) {
                long sum = old.toLong(m.text()) + f.delta().eval(r.regs).toLong(m.text());
                memory.put(loc, Value.of(sum));
                if (f.returnsNew()) {
                    result[0] = Value.of(sum);
                }
                return "";
            }

            @Override
            public String fetchBits(RmwOp.FetchBits f) {
                memory.put(loc, Value.of(f.op().apply(old.toLong(m.text()), f.operand().eval(r.regs).toLong(m.text()))));
                return "";
            }

            @Override
            public String addUnless(RmwOp.AddUnless u) {
                if (Expr.same(old, u.unless().eval(r.regs))) {
                    result[0] = Value.of(0);
                    return " (fails)";
                }
                memory.put(loc, Value.of(old.toLong(m.text()) + u.add().eval(r.regs).toLong(m.text())));
                result[0] = Value.of(1);
                return "";
            }
        });
        m.register().ifPresent(reg -> {
            r.regs.put(reg, result[0]);
            r.taint.put(reg, oldTaint);
        });
        if (suffix.isEmpty()) {
            // It wrote (a failed cmpxchg or atomic_add_unless() says so and does not).
            memoryTaint.put(loc, written);
        }
        return m.text() + " -> " + result[0] + suffix;
    }

    /** The cell an address names: a declared location, or a cell past one (x+1), which has no value until written. */
    private String location(ThreadRun r, Expr address) {
        Value v = address.eval(r.regs);
        if (!(v instanceof Value.Addr) || !program.init().containsKey(((Value.Addr) v).location())) {
            throw new IllegalStateException(r.name + " accesses " + v + ", which is not a declared location");
        }
        return ((Value.Addr) v).cell();
    }

    /** The outcome of a finished run. */
    public Outcome outcome() {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Observable o : program.observables()) {
            if (o.ref() instanceof Observable.Loc) {
                fields.put(o.name(), memory.get(((Observable.Loc) o.ref()).location()));
            } else {
                Observable.Register reg = (Observable.Register) o.ref();
                ThreadRun r = runs.stream().filter(x -> x.name.equals(reg.thread())).findFirst().orElseThrow();
                fields.put(o.name(), r.regs.getOrDefault(reg.register(), Value.of(0)));
            }
        }
        return new Outcome(fields);
    }

    /** One thread's position: a stack of instruction lists with the function each belongs to. */
    private static final class ThreadRun {
        final String name;
        final Deque<Frame> frames = new ArrayDeque<>();
        final Map<String, Value> regs = new HashMap<>();
        /** The SRCU sections whose index each register's value carries. */
        final Map<String, Set<Integer>> taint = new HashMap<>();
        /** The sections a grace period of this thread waits for, between its start and its end. */
        Set<Integer> waiting;
        String waitDomain;

        ThreadRun(String name, List<Instr> body) {
            this.name = name;
            frames.push(new Frame(body, 0, null));
        }

        ThreadRun copy() {
            ThreadRun c = new ThreadRun(name, List.of());
            c.frames.clear();
            List<Frame> list = new ArrayList<>(frames);
            for (int i = list.size() - 1; i >= 0; i--) {
                Frame f = list.get(i);
                c.frames.push(new Frame(f.body, f.index, f.function));
            }
            c.regs.putAll(regs);
            taint.forEach((k, v) -> c.taint.put(k, new HashSet<>(v)));
            c.waiting = waiting == null ? null : new HashSet<>(waiting);
            c.waitDomain = waitDomain;
            return c;
        }

        boolean done() {
            return frames.isEmpty();
        }

        Set<Integer> taintOf(Expr e) {
            Set<Integer> out = new HashSet<>();
            for (String reg : e.registers()) {
                out.addAll(taint.getOrDefault(reg, Set.of()));
            }
            return out;
        }

        Instr next() {
            return frames.peek().body.get(frames.peek().index);
        }

        String function() {
            for (Frame f : frames) {
                if (f.function != null) {
                    return f.function;
                }
            }
            return null;
        }

        void advance() {
            frames.peek().index++;
        }

        /** Executes local instructions until the next shared access or the end. */
        void runLocals() {
            while (!frames.isEmpty()) {
                Frame f = frames.peek();
                if (f.index >= f.body.size()) {
                    frames.pop();
                    continue;
                }
                Instr i = f.body.get(f.index);
                if (i.touchesSharedState()) {
                    return;
                }
                f.index++;
                i.accept(local);
            }
        }

        /** What a local instruction does to this thread: registers and control. */
        private final Instr.Visitor<Void> local = new Instr.Visitor<>() {
            @Override
            public Void assign(Instr.Assign a) {
                regs.put(a.register(), a.value().eval(regs));
                taint.put(a.register(), taintOf(a.value()));
                return null;
            }

            @Override
            public Void branch(Instr.If c) {
                frames.push(new Frame(c.condition().eval(regs).truthy() ? c.then() : c.otherwise(), 0, null));
                return null;
            }

            @Override
            public Void call(Instr.Call c) {
                frames.push(new Frame(c.body(), 0, c.function()));
                return null;
            }

            @Override
            public Void fence(Instr.Fence f) {
                return null; // orders nothing under SC
            }

            @Override
            public Void load(Instr.Load l) {
                throw notAStep(l);
            }

            @Override
            public Void store(Instr.Store s) {
                throw notAStep(s);
            }

            @Override
            public Void rmw(Instr.Rmw r) {
                throw notAStep(r);
            }

            @Override
            public Void srcu(Instr.Srcu s) {
                throw notAStep(s);
            }

            @Override
            public Void lock(Instr.Lock l) {
                throw notAStep(l);
            }
        };
    }

    /** A shared access never comes here: each is a step of its own. */
    private static AssertionError notAStep(Instr i) {
        return new AssertionError("a shared access is a step: " + i.text());
    }

    private static final class Frame {
        final List<Instr> body;
        int index;
        final String function;

        Frame(List<Instr> body, int index, String function) {
            this.body = body;
            this.index = index;
            this.function = function;
        }
    }
}
