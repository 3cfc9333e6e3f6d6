package daxlab.program;

import java.util.ArrayList;
import java.util.List;

/**
 * A copy of some instructions with some of them changed ({@link Marking} marks plain accesses,
 * {@link SrcuIndices} names SRCU indices). Each instruction is kept as it is unless a subclass
 * overrides its method; an {@code if}'s branches and a call's body are copied through {@link
 * #body}, so a rewrite reaches every nested instruction without walking bodies itself. A new kind
 * of instruction has no method here, and every rewrite then fails to compile until it gets one.
 */
public abstract class Rewrite implements Instr.Visitor<Instr> {

    /** The instructions rewritten, in order. */
    public List<Instr> body(List<Instr> body) {
        List<Instr> out = new ArrayList<>(body.size());
        for (Instr i : body) {
            out.add(i.accept(this));
        }
        return out;
    }

    @Override
    public Instr load(Instr.Load l) {
        return l;
    }

    @Override
    public Instr store(Instr.Store s) {
        return s;
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
        return new Instr.If(f.condition(), body(f.then()), body(f.otherwise()));
    }

    @Override
    public Instr call(Instr.Call c) {
        return new Instr.Call(c.function(), body(c.body()));
    }

    @Override
    public Instr srcu(Instr.Srcu s) {
        return s;
    }

    @Override
    public Instr lock(Instr.Lock l) {
        return l;
    }
}
