package daxlab.program;

import java.util.ArrayDeque;
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
final class SrcuIndices extends Rewrite {
    private final Set<String> taken;
    private int locks;
    /** Per domain, the index registers of the locks still open, innermost first. */
    private Map<String, Deque<String>> open = new HashMap<>();

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
        return new SrcuIndices(taken).body(body);
    }

    /** Each branch starts with the locks open before the {@code if}; after it, the first branch's stay open. */
    @Override
    public Instr branch(Instr.If f) {
        Map<String, Deque<String>> before = copy(open);
        List<Instr> then = body(f.then());
        Map<String, Deque<String>> afterThen = open;
        open = before;
        List<Instr> otherwise = body(f.otherwise());
        open = afterThen;
        return new Instr.If(f.condition(), then, otherwise);
    }

    @Override
    public Instr srcu(Instr.Srcu s) {
        Deque<String> stack = open.computeIfAbsent(s.domain(), k -> new ArrayDeque<>());
        switch (s.op()) {
            case READ_LOCK: {
                String name = s.register().orElseGet(this::fresh);
                locks++;
                stack.push(name);
                return Instr.Srcu.lock(name, s.domain());
            }
            case READ_UNLOCK:
                if (s.index().isPresent()) {
                    // Named by hand: it closes that lock, if it is open.
                    s.index().get().registers().forEach(stack::remove);
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
