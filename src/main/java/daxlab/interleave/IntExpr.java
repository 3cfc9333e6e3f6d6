package daxlab.interleave;

import daxlab.program.Expr;
import daxlab.program.Value;

import java.util.Map;

/**
 * An expression compiled against a state layout: registers become state indices and values
 * interned ids. Constants, registers and (in)equality, the forms the dax code uses, are direct;
 * anything else falls back to {@link Expr#eval}.
 */
@FunctionalInterface
interface IntExpr {
    int eval(int[] state);

    static IntExpr compile(Expr e, Map<String, Integer> slots, Interner interner) {
        if (e instanceof Expr.Const) {
            int id = interner.id(((Expr.Const) e).value());
            return s -> id;
        }
        if (e instanceof Expr.Reg) {
            int slot = slots.get(((Expr.Reg) e).name());
            return s -> s[slot];
        }
        int one = interner.id(Value.of(1));
        int zero = interner.id(Value.of(0));
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            if (b.op() == Expr.BinaryOp.EQ || b.op() == Expr.BinaryOp.NE) {
                IntExpr l = compile(b.left(), slots, interner);
                IntExpr r = compile(b.right(), slots, interner);
                boolean eq = b.op() == Expr.BinaryOp.EQ;
                return s -> interner.same(l.eval(s), r.eval(s)) == eq ? one : zero;
            }
        }
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.NOT) {
            IntExpr inner = compile(((Expr.Unary) e).operand(), slots, interner);
            return s -> interner.truthy(inner.eval(s)) ? zero : one;
        }
        return s -> interner.id(e.eval(name -> {
            Integer slot = slots.get(name);
            return slot == null ? null : interner.value(s[slot]);
        }));
    }
}
