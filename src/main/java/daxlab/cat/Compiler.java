package daxlab.cat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a model's instructions (includes already inlined) into {@link Step}s whose names are
 * resolved once: each top-level {@code let} gets a slot of its own, each reference the slot
 * its name had where it was written, each parameter and local {@code let} a place in a frame.
 * A name that is bound nowhere is an error here, at load time, at its {@code file:line:col}.
 */
final class Compiler {

    /** A compiled expression. */
    interface Node {
        CatPos pos();

        CatValue eval(CatValue.Frame frame, Run run);
    }

    /** A compiled top-level instruction. */
    sealed interface Step {
    }

    /** {@code let}: each slot gets a lazy cell (or, for a tuple pattern, a component of one). */
    record Bind(CatPos pos, int[] slots, Node[] values) implements Step {
    }

    /** {@code let rec}: the slots get the group's values, computed together when first needed. */
    record Fix(CatPos pos, int[] slots, RecGroup group) implements Step {
    }

    record Check(Stmt.Check check, Node value) implements Step {
    }

    record With(CatPos pos, String name, int slot, Node from) implements Step {
    }

    /** The compiled model: its steps, how many slots a run needs, where each host name goes. */
    record Compiled(List<Step> steps, int slots, Map<String, Integer> hostSlots, Map<String, Integer> finalSlots) {
    }

    private static final class Unbound extends CatException {
        private static final long serialVersionUID = 1L;

        Unbound(CatPos pos, String name) {
            super(pos, "'" + name + "' is not bound here (not a built-in, not defined before this point)");
        }
    }

    /** Local names at compile time: parameters and {@code let ... in}, innermost first. */
    private record Scope(List<String> names, Scope parent) {
    }

    private final Map<String, Integer> globals = new HashMap<>();
    private final Map<String, String> tagTypes;
    private final Set<String> variants;
    private int slots;

    private Compiler(Map<String, String> tagTypes, Set<String> variants) {
        this.tagTypes = tagTypes;
        this.variants = variants;
    }

    /**
     * @param hostNames what the host binds before the model runs (built-in sets, relations, functions)
     * @param tagTypes  each declared tag and the enum that declares it
     */
    static Compiled compile(List<Stmt> statements, Set<String> hostNames, Map<String, String> tagTypes,
                            Set<String> variants) {
        Compiler c = new Compiler(tagTypes, variants);
        Map<String, Integer> host = new HashMap<>();
        for (String n : hostNames) {
            int s = c.slots++;
            c.globals.put(n, s);
            host.put(n, s);
        }
        List<Step> steps = new ArrayList<>();
        for (Stmt s : statements) {
            Step step = c.step(s);
            if (step != null) {
                steps.add(step);
            }
        }
        return new Compiled(List.copyOf(steps), c.slots, Map.copyOf(host), Map.copyOf(c.globals));
    }

    private Step step(Stmt s) {
        if (s instanceof Stmt.Let) {
            Stmt.Let l = (Stmt.Let) s;
            List<Node> nodes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (CatExpr.Binding b : l.bindings()) {
                Node v = expr(b.value(), null);
                bindPattern(b, v, names, nodes);
            }
            int[] ss = new int[names.size()];
            for (int i = 0; i < ss.length; i++) {
                ss[i] = newSlot(names.get(i));
            }
            return new Bind(l.pos(), ss, nodes.toArray(new Node[0]));
        } else if (s instanceof Stmt.LetRec) {
            Stmt.LetRec l = (Stmt.LetRec) s;
            RecGroup g = recGroup(l.pos(), l.bindings(), null);
            int[] ss = new int[g.names.size()];
            for (int i = 0; i < ss.length; i++) {
                ss[i] = newSlot(g.names.get(i));
            }
            return new Fix(l.pos(), ss, g);
        } else if (s instanceof Stmt.Check) {
            Stmt.Check c = (Stmt.Check) s;
            return new Check(c, expr(c.expr(), null));
        } else if (s instanceof Stmt.WithFrom) {
            Stmt.WithFrom w = (Stmt.WithFrom) s;
            Node from = expr(w.from(), null);
            return new With(w.pos(), w.name(), newSlot(w.name()), from);
        } else if (s instanceof Stmt.Enum) {
            Stmt.Enum e = (Stmt.Enum) s;
            Set<CatValue> tags = new LinkedHashSet<>();
            for (String t : e.tags()) {
                tags.add(new CatValue.Tag(e.name(), t));
            }
            Node v = new Const(e.pos(), new CatValue.Values(tags));
            return new Bind(e.pos(), new int[] {newSlot(e.name())}, new Node[] {v});
        } else if (s instanceof Stmt.Instructions) {
            // Checked for names, not enforced: the events come from daxlab's IR (see Stmt.Instructions).
            for (CatExpr a : ((Stmt.Instructions) s).tagSets()) {
                expr(a, null);
            }
            return null;
        } else if (s instanceof Stmt.Show) {
            return null;
        }
        throw new CatException(s.pos(), "this instruction should have been expanded when the model was loaded");
    }

    private int newSlot(String name) {
        int s = slots++;
        if (name != null) {
            globals.put(name, s);
        }
        return s;
    }

    /** One binding's names and their nodes (a tuple pattern takes one component each). */
    private static void bindPattern(CatExpr.Binding b, Node v, List<String> names, List<Node> nodes) {
        CatExpr.Pattern p = b.pattern();
        if (!p.tuple()) {
            names.add(p.names().get(0));
            nodes.add(v);
            return;
        }
        for (int i = 0; i < p.names().size(); i++) {
            names.add(p.names().get(i));
            nodes.add(new Component(b.pos(), v, i, p.names().size()));
        }
    }

    // ------------------------------------------------------------------ expressions

    private Node expr(CatExpr e, Scope scope) {
        if (e instanceof CatExpr.Var) {
            return var((CatExpr.Var) e, scope);
        } else if (e instanceof CatExpr.Empty) {
            return new Const(e.pos(), CatValue.EMPTY);
        } else if (e instanceof CatExpr.Universe) {
            return new Const(e.pos(), CatValue.UNIVERSE);
        } else if (e instanceof CatExpr.Tag) {
            String name = ((CatExpr.Tag) e).name();
            String type = tagTypes.get(name);
            if (type == null) {
                throw new CatException(e.pos(), "tag '" + name + " is not declared by any enum");
            }
            return new Const(e.pos(), new CatValue.Tag(type, name));
        } else if (e instanceof CatExpr.SetOf) {
            List<Node> es = new ArrayList<>();
            for (CatExpr x : ((CatExpr.SetOf) e).elements()) {
                es.add(expr(x, scope));
            }
            return new SetOfNode(e.pos(), es.toArray(new Node[0]));
        } else if (e instanceof CatExpr.Tuple) {
            List<Node> es = new ArrayList<>();
            for (CatExpr x : ((CatExpr.Tuple) e).elements()) {
                es.add(expr(x, scope));
            }
            return new TupleNode(e.pos(), es.toArray(new Node[0]));
        } else if (e instanceof CatExpr.ToId) {
            return new ToIdNode(e.pos(), expr(((CatExpr.ToId) e).set(), scope));
        } else if (e instanceof CatExpr.Unary) {
            CatExpr.Unary u = (CatExpr.Unary) e;
            return new UnaryNode(u.pos(), u.op(), expr(u.operand(), scope));
        } else if (e instanceof CatExpr.Binary) {
            CatExpr.Binary b = (CatExpr.Binary) e;
            return new BinaryNode(b.pos(), b.op(), expr(b.left(), scope), expr(b.right(), scope));
        } else if (e instanceof CatExpr.App) {
            CatExpr.App a = (CatExpr.App) e;
            return new AppNode(a.pos(), expr(a.function(), scope), expr(a.argument(), scope));
        } else if (e instanceof CatExpr.Fun) {
            return fun((CatExpr.Fun) e, scope);
        } else if (e instanceof CatExpr.Let) {
            CatExpr.Let l = (CatExpr.Let) e;
            List<String> names = new ArrayList<>();
            List<Node> nodes = new ArrayList<>();
            for (CatExpr.Binding b : l.bindings()) {
                bindPattern(b, expr(b.value(), scope), names, nodes);
            }
            Node body = expr(l.body(), new Scope(names, scope));
            return new LetNode(l.pos(), nodes.toArray(new Node[0]), body);
        } else if (e instanceof CatExpr.LetRec) {
            CatExpr.LetRec l = (CatExpr.LetRec) e;
            RecGroup g = recGroup(l.pos(), l.bindings(), scope);
            Node body = expr(l.body(), new Scope(g.names, scope));
            return new LetRecNode(l.pos(), g, body);
        } else if (e instanceof CatExpr.Try) {
            CatExpr.Try t = (CatExpr.Try) e;
            Node otherwise = expr(t.otherwise(), scope);
            try {
                return new TryNode(t.pos(), expr(t.body(), scope), otherwise);
            } catch (Unbound u) {
                return otherwise;
            }
        } else {
            CatExpr.If i = (CatExpr.If) e;
            return expr(i.condition().holds(variants) ? i.then() : i.otherwise(), scope);
        }
    }

    private Node var(CatExpr.Var v, Scope scope) {
        int depth = 0;
        for (Scope s = scope; s != null; s = s.parent, depth++) {
            int i = s.names.lastIndexOf(v.name());
            if (i >= 0) {
                return new LocalRef(v.pos(), v.name(), depth, i);
            }
        }
        Integer slot = globals.get(v.name());
        if (slot == null) {
            throw new Unbound(v.pos(), v.name());
        }
        return new GlobalRef(v.pos(), v.name(), slot);
    }

    private FunNode fun(CatExpr.Fun f, Scope scope) {
        List<String> params = new ArrayList<>(f.parameters().names());
        Node body = expr(f.body(), new Scope(params, scope));
        return new FunNode(f.pos(), f.parameters(), body, f.name());
    }

    /** The bindings of a {@code let rec}, compiled where they see one another. */
    private RecGroup recGroup(CatPos pos, List<CatExpr.Binding> bindings, Scope scope) {
        List<String> names = new ArrayList<>();
        for (CatExpr.Binding b : bindings) {
            if (b.pattern().tuple()) {
                throw new CatException(b.pos(), "let rec binds names, not tuples");
            }
            names.add(b.pattern().names().get(0));
        }
        Scope inner = new Scope(names, scope);
        Node[] nodes = new Node[bindings.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = expr(bindings.get(i).value(), inner);
        }
        return new RecGroup(pos, names, nodes);
    }

    // ------------------------------------------------------------------ nodes

    static CatValue apply(CatPos pos, CatValue f, CatValue arg) {
        if (f instanceof CatValue.Closure) {
            CatValue.Closure c = (CatValue.Closure) f;
            FunNode fn = c.function();
            CatExpr.Pattern p = fn.parameters();
            CatValue.Cell[] cells;
            if (p.tuple()) {
                if (!(arg instanceof CatValue.Tuple) || ((CatValue.Tuple) arg).elements().size() != p.names().size()) {
                    throw new CatException(pos, fn.name() + " takes " + p.names().size() + " arguments, got a "
                            + arg.kind());
                }
                List<CatValue> args = ((CatValue.Tuple) arg).elements();
                cells = new CatValue.Cell[args.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = new CatValue.Cell(args.get(i));
                }
            } else {
                cells = new CatValue.Cell[] {new CatValue.Cell(arg)};
            }
            return fn.body().eval(new CatValue.Frame(cells, c.frame()), c.run());
        } else if (f instanceof CatValue.Builtin) {
            return ((CatValue.Builtin) f).apply().apply(pos, arg);
        }
        throw new CatException(pos, "a " + f.kind() + " is not a function");
    }

    record Const(CatPos pos, CatValue value) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            return value;
        }
    }

    record GlobalRef(CatPos pos, String name, int slot) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            return run.globals[slot].get();
        }
    }

    record LocalRef(CatPos pos, String name, int depth, int index) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            CatValue.Frame f = frame;
            for (int d = 0; d < depth; d++) {
                f = f.parent();
            }
            return f.cells()[index].get();
        }
    }

    record SetOfNode(CatPos pos, Node[] elements) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            long events = 0;
            boolean allEvents = true;
            Set<CatValue> values = new LinkedHashSet<>();
            for (Node n : elements) {
                CatValue v = n.eval(frame, run);
                values.add(v);
                if (v instanceof CatValue.Event) {
                    events |= 1L << ((CatValue.Event) v).id();
                } else {
                    allEvents = false;
                }
            }
            return allEvents ? new CatValue.Events(events) : new CatValue.Values(values);
        }
    }

    record TupleNode(CatPos pos, Node[] elements) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            List<CatValue> vs = new ArrayList<>(elements.length);
            for (Node n : elements) {
                vs.add(n.eval(frame, run));
            }
            return new CatValue.Tuple(vs);
        }
    }

    record ToIdNode(CatPos pos, Node set) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            return Ops.toId(pos, run, set.eval(frame, run));
        }
    }

    record UnaryNode(CatPos pos, CatExpr.UnaryOp op, Node operand) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            return Ops.unary(pos, run, op, operand.eval(frame, run));
        }
    }

    record BinaryNode(CatPos pos, CatExpr.BinaryOp op, Node left, Node right) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            CatValue l = left.eval(frame, run);
            // Nothing follows an empty relation or meets an empty set: the right operand is not
            // needed (the RCU terms of the LKMM are all empty in a program without grace periods).
            if ((op == CatExpr.BinaryOp.SEQ || op == CatExpr.BinaryOp.INTER) && Ops.isEmpty(l)) {
                return CatValue.EMPTY;
            }
            return Ops.binary(pos, run, op, l, right.eval(frame, run));
        }
    }

    record AppNode(CatPos pos, Node function, Node argument) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            return apply(pos, function.eval(frame, run), argument.eval(frame, run));
        }
    }

    record FunNode(CatPos pos, CatExpr.Pattern parameters, Node body, String name) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            return new CatValue.Closure(this, frame, run);
        }
    }

    record LetNode(CatPos pos, Node[] values, Node body) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            CatValue.Cell[] cells = new CatValue.Cell[values.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = new CatValue.Cell(values[i], frame, run);
            }
            return body.eval(new CatValue.Frame(cells, frame), run);
        }
    }

    record LetRecNode(CatPos pos, RecGroup group, Node body) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            return body.eval(group.solve(frame, run), run);
        }
    }

    record TryNode(CatPos pos, Node body, Node otherwise) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            try {
                return body.eval(frame, run);
            } catch (CatException e) {
                return otherwise.eval(frame, run);
            }
        }
    }

    /** One component of a tuple pattern's value (the value is evaluated for each component). */
    record Component(CatPos pos, Node tuple, int index, int size) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            CatValue v = tuple.eval(frame, run);
            if (!(v instanceof CatValue.Tuple) || ((CatValue.Tuple) v).elements().size() != size) {
                throw new CatException(pos, "expected a tuple of " + size + ", got a " + v.kind());
            }
            return ((CatValue.Tuple) v).elements().get(index);
        }
    }

    /** One name of a top-level {@code let rec}: the group is solved once, when the first of its names is needed. */
    record FixMember(CatPos pos, RecGroup group, int index, CatValue.Frame[] solved) implements Node {
        @Override
        public CatValue eval(CatValue.Frame frame, Run run) {
            if (solved[0] == null) {
                solved[0] = group.solve(null, run);
            }
            return solved[0].cells()[index].get();
        }
    }

    /**
     * The bindings of one {@code let rec}. Functions are bound to closures that see the group;
     * the other names start at {@code 0} and are recomputed in order, each seeing the latest
     * values of the others, until none changes (herd7's fixpoint).
     */
    static final class RecGroup {
        /** Iterations after which a fixpoint that keeps changing is reported. */
        private static final int MAX_ITERATIONS = 10_000;

        final CatPos pos;
        final List<String> names;
        final Node[] nodes;

        RecGroup(CatPos pos, List<String> names, Node[] nodes) {
            this.pos = pos;
            this.names = names;
            this.nodes = nodes;
        }

        CatValue.Frame solve(CatValue.Frame outer, Run run) {
            CatValue.Cell[] cells = new CatValue.Cell[nodes.length];
            CatValue.Frame frame = new CatValue.Frame(cells, outer);
            for (int i = 0; i < nodes.length; i++) {
                cells[i] = new CatValue.Cell(nodes[i] instanceof FunNode ? nodes[i].eval(frame, run) : CatValue.EMPTY);
            }
            for (int iteration = 0; ; iteration++) {
                boolean changed = false;
                for (int i = 0; i < nodes.length; i++) {
                    if (nodes[i] instanceof FunNode) {
                        continue;
                    }
                    CatValue before = cells[i].get();
                    CatValue after = nodes[i].eval(frame, run);
                    if (!Ops.same(before, after)) {
                        changed = true;
                    }
                    cells[i].set(after);
                }
                if (!changed) {
                    return frame;
                }
                if (iteration == MAX_ITERATIONS) {
                    throw new CatException(pos, "let rec " + String.join(", ", names) + " did not reach a fixpoint in "
                            + MAX_ITERATIONS + " rounds");
                }
            }
        }
    }
}
