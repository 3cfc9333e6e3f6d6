package daxlab.interleave;

import daxlab.outcome.Outcome;
import daxlab.program.Expr;
import daxlab.program.Instr;
import daxlab.program.Observable;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;

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
 * {@code synchronize_srcu} a start step and an end step.
 */
public final class Replay {
    private final Program program;
    private final Map<String, Value> memory;
    private final List<ThreadRun> runs;
    private final Map<String, Map<Integer, Integer>> srcuDepth;

    /** The outcome the schedule reached and what each step did. */
    public record Result(Outcome outcome, List<String> steps) {
    }

    private Replay(Program program) {
        this.program = program;
        this.memory = new LinkedHashMap<>(program.init());
        this.runs = new ArrayList<>();
        this.srcuDepth = new HashMap<>();
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
        this.srcuDepth = new HashMap<>();
        o.srcuDepth.forEach((k, v) -> srcuDepth.put(k, new HashMap<>(v)));
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
        String text;
        boolean advance = true;
        if (i instanceof Instr.Load) {
            Instr.Load l = (Instr.Load) i;
            String loc = location(r, l.address());
            r.regs.put(l.register(), memory.get(loc));
            text = i.text() + " -> " + memory.get(loc);
        } else if (i instanceof Instr.Store) {
            Instr.Store s = (Instr.Store) i;
            String loc = location(r, s.address());
            Value v = s.value().eval(r.regs);
            memory.put(loc, v);
            text = loc + " := " + v;
        } else if (i instanceof Instr.Rmw) {
            text = rmw(r, (Instr.Rmw) i);
        } else if (i instanceof Instr.Lock) {
            Instr.Lock l = (Instr.Lock) i;
            String loc = location(r, l.address());
            if (l.op() == Instr.LockOp.IS_LOCKED) {
                r.regs.put(l.register(), Value.of(memory.get(loc).truthy() ? 1 : 0));
            } else {
                memory.put(loc, Value.of(l.op() == Instr.LockOp.LOCK ? 1 : 0));
            }
            text = i.text();
        } else {
            Instr.Srcu s = (Instr.Srcu) i;
            Map<Integer, Integer> depth = srcuDepth.computeIfAbsent(s.domain(), k -> new HashMap<>());
            if (s.op() == Instr.SrcuOp.READ_LOCK) {
                depth.merge(t, 1, Integer::sum);
            } else if (s.op() == Instr.SrcuOp.READ_UNLOCK) {
                int d = depth.getOrDefault(t, 0) - 1;
                if (d < 0) {
                    throw new IllegalStateException(r.name + ": srcu_read_unlock() without srcu_read_lock()");
                }
                depth.put(t, d);
                if (d == 0) {
                    for (ThreadRun w : runs) {
                        if (w.waiting != null && w.waitDomain.equals(s.domain())) {
                            w.waiting.remove(t);
                        }
                    }
                }
            } else if (r.waiting == null) {
                r.waiting = new HashSet<>();
                r.waitDomain = s.domain();
                depth.forEach((reader, d) -> {
                    if (d > 0) {
                        r.waiting.add(reader);
                    }
                });
                advance = false;
            } else {
                r.waiting = null;
                r.waitDomain = null;
            }
            text = i.text() + (s.op() != Instr.SrcuOp.SYNCHRONIZE ? "" : advance ? " returns" : " starts");
        }
        if (advance) {
            r.advance();
            r.runLocals();
        }
        return r.name + " " + (fn == null ? "" : fn + ": ") + text;
    }

    private String rmw(ThreadRun r, Instr.Rmw m) {
        String loc = location(r, m.address());
        Value old = memory.get(loc);
        RmwOp op = m.op();
        Value result = old;
        String suffix = "";
        if (op instanceof RmwOp.Cmpxchg) {
            RmwOp.Cmpxchg c = (RmwOp.Cmpxchg) op;
            if (Expr.same(old, c.expected().eval(r.regs))) {
                memory.put(loc, c.desired().eval(r.regs));
            } else {
                suffix = " (fails)";
            }
        } else if (op instanceof RmwOp.Xchg) {
            memory.put(loc, ((RmwOp.Xchg) op).value().eval(r.regs));
        } else {
            RmwOp.FetchAdd f = (RmwOp.FetchAdd) op;
            long sum = ((Value.Int) old).value() + ((Value.Int) f.delta().eval(r.regs)).value();
            memory.put(loc, Value.of(sum));
            if (f.returnsNew()) {
                result = Value.of(sum);
            }
        }
        if (m.register() != null) {
            r.regs.put(m.register(), result);
        }
        return m.text() + " -> " + result + suffix;
    }

    private String location(ThreadRun r, Expr address) {
        Value v = address.eval(r.regs);
        if (!(v instanceof Value.Addr) || !memory.containsKey(((Value.Addr) v).location())) {
            throw new IllegalStateException(r.name + " accesses " + v + ", which is not a declared location");
        }
        return ((Value.Addr) v).location();
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
            c.waiting = waiting == null ? null : new HashSet<>(waiting);
            c.waitDomain = waitDomain;
            return c;
        }

        boolean done() {
            return frames.isEmpty();
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
                if (i instanceof Instr.Assign) {
                    regs.put(((Instr.Assign) i).register(), ((Instr.Assign) i).value().eval(regs));
                } else if (i instanceof Instr.If) {
                    Instr.If c = (Instr.If) i;
                    frames.push(new Frame(c.condition().eval(regs).truthy() ? c.then() : c.otherwise(), 0, null));
                } else if (i instanceof Instr.Call) {
                    frames.push(new Frame(((Instr.Call) i).body(), 0, ((Instr.Call) i).function()));
                }
            }
        }
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
