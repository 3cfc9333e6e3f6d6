package daxlab.dax.c;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The syntax tree of one function's kernel C, as far as the models read it: expressions,
 * statements with if/else, return, goto and labels, declarations of locals. What the names mean
 * is decided by the translation, not here.
 */
public final class Ast {
    private Ast() {
    }

    /** An expression, where it starts. */
    public sealed interface Expr permits Ident, Number, Unary, Binary, Arrow, Call {
        Pos pos();

        /** The one walk over expressions: a method per kind, so that a new kind does not compile until handled. */
        <R> R accept(ExprVisitor<R> v);
    }

    /** One method per kind of expression; see {@link Expr#accept}. */
    public interface ExprVisitor<R> {
        R ident(Ident e);

        R number(Number e);

        R unary(Unary e);

        R binary(Binary e);

        R arrow(Arrow e);

        R call(Call e);
    }

    /** A name: a local, a parameter, {@code NULL}, an errno, a primitive's name in a call. */
    public record Ident(Pos pos, String name) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.ident(this);
        }
    }

    /** An integer literal. */
    public record Number(Pos pos, long value) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.number(this);
        }
    }

    /** {@code !e}, {@code -e}, {@code &e}, {@code *e}, {@code ~e}. */
    public record Unary(Pos pos, String op, Expr operand) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.unary(this);
        }
    }

    /** {@code l op r}; {@code pos} is the operator's. */
    public record Binary(Pos pos, String op, Expr left, Expr right) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.binary(this);
        }
    }

    /** {@code base->field}; {@code pos} is the field's. */
    public record Arrow(Pos pos, Expr base, String field) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.arrow(this);
        }
    }

    /** {@code callee(args)}: a primitive ({@code READ_ONCE(...)}) or a callback ({@code ops->notify_failure(...)}). */
    public record Call(Pos pos, Expr callee, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.call(this);
        }
    }

    /** A statement, where it starts. */
    public sealed interface Stmt permits Decl, Assign, ExprStmt, If, Block, Return, Goto, Label, Empty {
        Pos pos();

        /** The one walk over statements; see {@link Expr#accept}. */
        <R> R accept(StmtVisitor<R> v);
    }

    /** One method per kind of statement; see {@link Stmt#accept}. */
    public interface StmtVisitor<R> {
        R decl(Decl s);

        R assign(Assign s);

        R expr(ExprStmt s);

        R branch(If s);

        R block(Block s);

        R ret(Return s);

        R jump(Goto s);

        R label(Label s);

        R empty(Empty s);
    }

    /** One declared local, with its initializer or null. */
    public record Declarator(Pos pos, String name, Expr init) {
    }

    /** {@code void *prev, *cur = ...;} */
    public record Decl(Pos pos, List<Declarator> declarators) implements Stmt {
        public Decl {
            declarators = List.copyOf(declarators);
        }

        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.decl(this);
        }
    }

    /** {@code target = value;} */
    public record Assign(Pos pos, Expr target, Expr value) implements Stmt {
        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.assign(this);
        }
    }

    /** {@code e;} */
    public record ExprStmt(Pos pos, Expr expr) implements Stmt {
        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.expr(this);
        }
    }

    /** {@code if (cond) then else otherwise}; {@code otherwise} is null without an else. */
    public record If(Pos pos, Expr cond, Stmt then, Stmt otherwise) implements Stmt {
        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.branch(this);
        }
    }

    /** {@code { ... }} */
    public record Block(Pos pos, List<Stmt> body) implements Stmt {
        public Block {
            body = List.copyOf(body);
        }

        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.block(this);
        }
    }

    /** {@code return;} or {@code return e;} ({@code value} null for the first). */
    public record Return(Pos pos, Expr value) implements Stmt {
        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.ret(this);
        }
    }

    /** {@code goto label;} */
    public record Goto(Pos pos, String label) implements Stmt {
        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.jump(this);
        }
    }

    /** {@code label:} before the statement that follows it. */
    public record Label(Pos pos, String name) implements Stmt {
        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.label(this);
        }
    }

    /** {@code ;} */
    public record Empty(Pos pos) implements Stmt {
        @Override
        public <R> R accept(StmtVisitor<R> v) {
            return v.empty(this);
        }
    }

    /** A parameter of the function, by name. */
    public record Param(Pos pos, String name) {
    }

    /**
     * What the text was: a whole function ({@code name} and {@code params} set) or only a body
     * ({@code name} null, no params).
     */
    public record Function(Pos pos, String name, List<Param> params, Block body) {
        public Function {
            params = List.copyOf(params);
        }

        public boolean whole() {
            return name != null;
        }
    }

    // ---- traversals, each one visitor ----

    /** The statements nested in one statement: a block's, an if's branches. */
    public static List<Stmt> nested(Stmt s) {
        return s.accept(new StmtVisitor<>() {
            @Override
            public List<Stmt> decl(Decl d) {
                return List.of();
            }

            @Override
            public List<Stmt> assign(Assign a) {
                return List.of();
            }

            @Override
            public List<Stmt> expr(ExprStmt x) {
                return List.of();
            }

            @Override
            public List<Stmt> branch(If i) {
                return i.otherwise() == null ? List.of(i.then()) : List.of(i.then(), i.otherwise());
            }

            @Override
            public List<Stmt> block(Block b) {
                return b.body();
            }

            @Override
            public List<Stmt> ret(Return r) {
                return List.of();
            }

            @Override
            public List<Stmt> jump(Goto g) {
                return List.of();
            }

            @Override
            public List<Stmt> label(Label l) {
                return List.of();
            }

            @Override
            public List<Stmt> empty(Empty e) {
                return List.of();
            }
        });
    }

    /** The expressions one statement holds itself (not those of the statements nested in it). */
    public static List<Expr> expressions(Stmt s) {
        return s.accept(new StmtVisitor<>() {
            @Override
            public List<Expr> decl(Decl d) {
                List<Expr> out = new ArrayList<>();
                d.declarators().stream().filter(x -> x.init() != null).forEach(x -> out.add(x.init()));
                return out;
            }

            @Override
            public List<Expr> assign(Assign a) {
                return List.of(a.target(), a.value());
            }

            @Override
            public List<Expr> expr(ExprStmt x) {
                return List.of(x.expr());
            }

            @Override
            public List<Expr> branch(If i) {
                return List.of(i.cond());
            }

            @Override
            public List<Expr> block(Block b) {
                return List.of();
            }

            @Override
            public List<Expr> ret(Return r) {
                return r.value() == null ? List.of() : List.of(r.value());
            }

            @Override
            public List<Expr> jump(Goto g) {
                return List.of();
            }

            @Override
            public List<Expr> label(Label l) {
                return List.of();
            }

            @Override
            public List<Expr> empty(Empty e) {
                return List.of();
            }
        });
    }

    /** The direct sub-expressions of an expression. */
    public static List<Expr> operands(Expr e) {
        return e.accept(new ExprVisitor<>() {
            @Override
            public List<Expr> ident(Ident x) {
                return List.of();
            }

            @Override
            public List<Expr> number(Number x) {
                return List.of();
            }

            @Override
            public List<Expr> unary(Unary x) {
                return List.of(x.operand());
            }

            @Override
            public List<Expr> binary(Binary x) {
                return List.of(x.left(), x.right());
            }

            @Override
            public List<Expr> arrow(Arrow x) {
                return List.of(x.base());
            }

            @Override
            public List<Expr> call(Call x) {
                List<Expr> out = new ArrayList<>(List.of(x.callee()));
                out.addAll(x.args());
                return out;
            }
        });
    }

    /** Every expression of a statement and of the statements nested in it, sub-expressions included. */
    public static void each(Stmt s, Consumer<Expr> visit) {
        expressions(s).forEach(e -> each(e, visit));
        nested(s).forEach(n -> each(n, visit));
    }

    /** An expression and every sub-expression of it, outermost first. */
    public static void each(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        operands(e).forEach(x -> each(x, visit));
    }
}
