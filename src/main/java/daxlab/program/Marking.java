package daxlab.program;

import java.util.ArrayList;
import java.util.List;

/**
 * The same program with every plain (unmarked) load and store made READ_ONCE / WRITE_ONCE.
 * The LKMM gives racy plain accesses no guarantee at all (herd7 flags a data race), so comparing a
 * program with its marked twin separates "the algorithm is wrong" from "the accesses need marking".
 */
public final class Marking {
    private Marking() {
    }

    public static Program once(Program p) {
        List<ThreadCode> threads = new ArrayList<>();
        for (ThreadCode t : p.threads()) {
            threads.add(new ThreadCode(t.name(), mark(t.body())));
        }
        return new Program(p.name() + "+once", p.init(), threads, p.observables(), p.condition());
    }

    /** Whether any load or store of the program is plain. */
    public static boolean hasPlainAccesses(Program p) {
        boolean[] found = {false};
        p.threads().forEach(t -> Walk.each(t.body(), i -> {
            if ((i instanceof Instr.Load && ((Instr.Load) i).mode() == Mode.PLAIN)
                    || (i instanceof Instr.Store && ((Instr.Store) i).mode() == Mode.PLAIN)) {
                found[0] = true;
            }
        }));
        return found[0];
    }

    private static List<Instr> mark(List<Instr> body) {
        List<Instr> out = new ArrayList<>();
        for (Instr i : body) {
            if (i instanceof Instr.Load && ((Instr.Load) i).mode() == Mode.PLAIN) {
                Instr.Load l = (Instr.Load) i;
                out.add(new Instr.Load(l.register(), l.address(), Mode.ONCE));
            } else if (i instanceof Instr.Store && ((Instr.Store) i).mode() == Mode.PLAIN) {
                Instr.Store s = (Instr.Store) i;
                out.add(new Instr.Store(s.address(), s.value(), Mode.ONCE));
            } else if (i instanceof Instr.If) {
                Instr.If f = (Instr.If) i;
                out.add(new Instr.If(f.condition(), mark(f.then()), mark(f.otherwise())));
            } else if (i instanceof Instr.Call) {
                out.add(new Instr.Call(((Instr.Call) i).function(), mark(((Instr.Call) i).body())));
            } else {
                out.add(i);
            }
        }
        return out;
    }
}
