package daxlab.program;

import java.util.List;
import java.util.function.Consumer;

/** Traversals of nested instruction lists. */
public final class Walk {
    private Walk() {
    }

    /** Visits every instruction, descending into {@code if} branches and calls. */
    public static void each(List<Instr> body, Consumer<Instr> visit) {
        for (Instr i : body) {
            visit.accept(i);
            if (i instanceof Instr.If) {
                each(((Instr.If) i).then(), visit);
                each(((Instr.If) i).otherwise(), visit);
            } else if (i instanceof Instr.Call) {
                each(((Instr.Call) i).body(), visit);
            }
        }
    }

    /** The address expressions of one instruction (not of nested ones). */
    public static void addresses(Instr i, Consumer<Expr> visit) {
        if (i instanceof Instr.Load) {
            visit.accept(((Instr.Load) i).address());
        } else if (i instanceof Instr.Store) {
            visit.accept(((Instr.Store) i).address());
        } else if (i instanceof Instr.Rmw) {
            visit.accept(((Instr.Rmw) i).address());
        } else if (i instanceof Instr.Lock) {
            visit.accept(((Instr.Lock) i).address());
        }
    }

    /** Every expression of one instruction (not of nested ones). */
    public static void exprs(Instr i, Consumer<Expr> visit) {
        addresses(i, visit);
        if (i instanceof Instr.Store) {
            visit.accept(((Instr.Store) i).value());
        } else if (i instanceof Instr.Rmw) {
            RmwOp op = ((Instr.Rmw) i).op();
            if (op instanceof RmwOp.Cmpxchg) {
                visit.accept(((RmwOp.Cmpxchg) op).expected());
                visit.accept(((RmwOp.Cmpxchg) op).desired());
            } else if (op instanceof RmwOp.Xchg) {
                visit.accept(((RmwOp.Xchg) op).value());
            } else {
                visit.accept(((RmwOp.FetchAdd) op).delta());
            }
        } else if (i instanceof Instr.Assign) {
            visit.accept(((Instr.Assign) i).value());
        } else if (i instanceof Instr.If) {
            visit.accept(((Instr.If) i).condition());
        }
    }
}
