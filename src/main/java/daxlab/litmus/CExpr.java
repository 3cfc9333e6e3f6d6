package daxlab.litmus;

import java.util.List;

/**
 * The C expressions of a thread body as written, before they are lowered onto the program IR.
 * Each node keeps the token it starts at, so that lowering errors point at the source.
 */
sealed interface CExpr permits CExpr.Num, CExpr.Name, CExpr.Deref, CExpr.AddrOf, CExpr.Unary, CExpr.Binary,
        CExpr.Call {

    LitmusToken at();

    record Num(LitmusToken at, long value) implements CExpr {
    }

    record Name(LitmusToken at, String name) implements CExpr {
    }

    /** {@code *e}: a plain access to the location e points to. */
    record Deref(LitmusToken at, CExpr pointer) implements CExpr {
    }

    /** {@code &e}. */
    record AddrOf(LitmusToken at, CExpr operand) implements CExpr {
    }

    /** {@code !e}, {@code -e}. */
    record Unary(LitmusToken at, String op, CExpr operand) implements CExpr {
    }

    record Binary(LitmusToken at, String op, CExpr left, CExpr right) implements CExpr {
    }

    /** A kernel primitive: {@code READ_ONCE(*x)}, {@code cmpxchg(x, 0, 1)}. */
    record Call(LitmusToken at, String function, List<CExpr> args) implements CExpr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
