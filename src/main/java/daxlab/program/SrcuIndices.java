package daxlab.program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the SRCU indices a thread's code left unnamed ({@link Code#srcuReadLock(String)}):
 * each such {@code srcu_read_lock()} gets a register {@code srcu_idx0}, {@code srcu_idx1}, ...
 * (in program order, a leading {@code _} while the name is taken), and each such
 * {@code srcu_read_unlock()} passes back the index of the innermost lock of its domain still
 * open, which is the kernel's usual nesting. Each branch of an {@code if} starts with the sections
 * open before it (an unlock in either branch closes the same lock); after the {@code if}, those
 * of its first branch are open. An unlock with no open lock passes 0 and matches nothing.
 */
final class SrcuIndices {
    private final Set<String> taken;
    private int locks;

    private SrcuIndices(Set<String> taken) {
        this.taken = taken;
    }

    /** The body with every SRCU index named; the same list when none was unnamed. */
    static List<Instr> name(List<Instr> body) {
        boolean[] unnamed = {false};
        Set<String> taken = new LinkedHashSet<>();
        Walk.each(body, i -> {
            if (i instanceof Instr.Srcu s && s.unnamed()) {
                unnamed[0] = true;
            }
            String d = Walk.destination(i);
            if (d != null) {
                taken.add(d);
            }
            Walk.exprs(i, e -> e.collectRegisters(taken));
        });
        if (!unnamed[0]) {
            return body;
        }
        return new SrcuIndices(taken).body(body, new HashMap<>());
    }

    private List<Instr> body(List<Instr> body, Map<String, Deque<String>> open) {
        List<Instr> out = new ArrayList<>(body.size());
        for (Instr i : body) {
            out.add(instr(i, open));
        }
        return out;
    }

    /**
     * One instruction with its indices named. A visitor, so that an instruction with a body added
     * to the IR fails to compile here until its body is walked too.
     */
    private Instr instr(Instr i, Map<String, Deque<String>> open) {
        return i.accept(new Instr.Visitor<>() {
            @Override
            public Instr load(Instr.Load l) {
                return l;
            }

            @Override
            public Instr store(Instr.Store st) {
                return st;
            }

            @Override
            public Instr rmw(Instr.Rmw r) {
                return r;
            }

            @Override
            public Instr fence(Instr.Fence f) {
                return f;
            }

            @Override
            public Instr assign(Instr.Assign a) {
                return a;
            }

            @Override
            public Instr branch(Instr.If f) {
                Map<String, Deque<String>> before = copy(open);
                List<Instr> then = body(f.then(), open);
                List<Instr> otherwise = body(f.otherwise(), copy(before));
                return new Instr.If(f.condition(), then, otherwise);
            }

            @Override
            public Instr call(Instr.Call c) {
                return new Instr.Call(c.function(), body(c.body(), open));
            }

            @Override
            public Instr srcu(Instr.Srcu s) {
                return srcuNamed(s, open);
            }

            @Override
            public Instr lock(Instr.Lock l) {
                return l;
            }
        });
    }

    private Instr srcuNamed(Instr.Srcu s, Map<String, Deque<String>> open) {
        Deque<String> stack = open.computeIfAbsent(s.domain(), k -> new ArrayDeque<>());
        switch (s.op()) {
            case READ_LOCK: {
                String name = s.register() != null ? s.register() : fresh();
                locks++;
                stack.push(name);
                return Instr.Srcu.lock(name, s.domain());
            }
            case READ_UNLOCK:
                if (s.index() != null) {
                    // Named by hand: it closes that lock, if it is open.
                    s.index().registers().forEach(stack::remove);
                    return s;
                }
                return Instr.Srcu.unlock(s.domain(), stack.isEmpty() ? Expr.num(0) : Expr.reg(stack.pop()));
            default:
                return s;
        }
    }

    private String fresh() {
        String name = "srcu_idx" + locks;
        while (taken.contains(name)) {
            name = "_" + name;
        }
        taken.add(name);
        return name;
    }

    private static Map<String, Deque<String>> copy(Map<String, Deque<String>> open) {
        Map<String, Deque<String>> c = new HashMap<>();
        open.forEach((k, v) -> c.put(k, new ArrayDeque<>(v)));
        return c;
    }
}
