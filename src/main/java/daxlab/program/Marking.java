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
        return new Program(p.name() + "+once", p.init(), threads, p.observables(), p.condition(), p.filter());
    }

    /** Whether any load or store of the program is plain. */
    public static boolean hasPlainAccesses(Program p) {
        boolean[] found = {false};
        p.threads().forEach(t -> Walk.each(t.body(), i -> {
            if ((i instanceof Instr.Load l && l.mode() == Mode.PLAIN)
                    || (i instanceof Instr.Store s && s.mode() == Mode.PLAIN)) {
                found[0] = true;
            }
        }));
        return found[0];
    }

    private static List<Instr> mark(List<Instr> body) {
        return MARK.body(body);
    }

    /** Plain loads and stores become READ_ONCE/WRITE_ONCE; everything else is kept. */
    private static final Rewrite MARK = new Rewrite() {
        @Override
        public Instr load(Instr.Load l) {
            return l.mode() == Mode.PLAIN ? new Instr.Load(l.register(), l.address(), Mode.ONCE) : l;
        }

        @Override
        public Instr store(Instr.Store s) {
            return s.mode() == Mode.PLAIN ? new Instr.Store(s.address(), s.value(), Mode.ONCE) : s;
        }
    };
}
