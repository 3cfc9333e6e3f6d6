package daxlab.cat;

import daxlab.axiomatic.Rel;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a compiled model on one execution, instruction by instruction. {@code with x from S}
 * continues once per element of {@code S}; each path that reaches the end is one execution
 * (herd7 counts them the same way). An axiom that fails rejects the path; a flag that holds is
 * recorded on it.
 */
final class Interpreter {
    private Interpreter() {
    }

    /** One path to the end: its bindings, the first axiom that failed (null if none) and the flags raised. */
    record Path(Run run, Stmt.Check failed, CatValue failedValue, Set<String> flags) {
        boolean allowed() {
            return failed == null;
        }
    }

    /**
     * @param stopAtFailure end a path at its first failing axiom (enumeration); otherwise run it
     *                      to the end, so that its final rf and co are known (checking one candidate)
     */
    static void run(Compiler.Compiled model, Run run, boolean stopAtFailure, Consumer<Path> sink) {
        from(model, 0, run, null, null, new LinkedHashSet<>(), stopAtFailure, sink);
    }

    private static void from(Compiler.Compiled model, int start, Run run, Stmt.Check failed, CatValue failedValue,
                             Set<String> flags, boolean stopAtFailure, Consumer<Path> sink) {
        for (int i = start; i < model.steps().size(); i++) {
            Compiler.Step step = model.steps().get(i);
            if (step instanceof Compiler.Bind) {
                Compiler.Bind b = (Compiler.Bind) step;
                for (int k = 0; k < b.slots().length; k++) {
                    run.globals[b.slots()[k]] = new CatValue.Cell(b.values()[k], null, run);
                }
            } else if (step instanceof Compiler.Fix) {
                Compiler.Fix f = (Compiler.Fix) step;
                CatValue.Frame[] solved = new CatValue.Frame[1];
                for (int k = 0; k < f.slots().length; k++) {
                    run.globals[f.slots()[k]] = new CatValue.Cell(new Compiler.FixMember(f.pos(), f.group(), k, solved), null,
                            run);
                }
            } else if (step instanceof Compiler.Check) {
                Compiler.Check c = (Compiler.Check) step;
                CatValue v = c.value().eval(null, run);
                boolean holds = holds(c.check(), run, v);
                if (c.check().flag()) {
                    if (holds) {
                        flags.add(c.check().label());
                    }
                } else if (!holds && failed == null) {
                    failed = c.check();
                    failedValue = v;
                    if (stopAtFailure) {
                        return;
                    }
                }
            } else {
                Compiler.With w = (Compiler.With) step;
                CatValue from = w.from().eval(null, run);
                if (from instanceof CatValue.Empty) {
                    return;
                }
                if (!(from instanceof CatValue.Values)) {
                    throw new CatException(w.from().pos(), "with " + w.name() + " from needs a set of values, got a "
                            + from.kind());
                }
                for (CatValue choice : ((CatValue.Values) from).elements()) {
                    Run branch = run.branch();
                    branch.globals[w.slot()] = new CatValue.Cell(choice);
                    from(model, i + 1, branch, failed, failedValue, new LinkedHashSet<>(flags), stopAtFailure, sink);
                }
                return;
            }
        }
        sink.accept(new Path(run, failed, failedValue, flags));
    }

    private static boolean holds(Stmt.Check c, Run run, CatValue v) {
        boolean ok;
        switch (c.test()) {
            case ACYCLIC:
                ok = Ops.rel(c.expr().pos(), run, v, "acyclic").acyclic();
                break;
            case IRREFLEXIVE:
                ok = Ops.rel(c.expr().pos(), run, v, "irreflexive").irreflexive();
                break;
            default:
                if (v instanceof CatValue.Universe) {
                    ok = run.n == 0;
                } else if (v instanceof CatValue.Empty || v instanceof CatValue.Events || v instanceof CatValue.Relation
                        || v instanceof CatValue.Values) {
                    ok = Ops.isEmpty(v);
                } else {
                    throw new CatException(c.expr().pos(), "empty needs a set or a relation, got a " + v.kind());
                }
        }
        return c.negated() != ok;
    }

    /** The relation a failed axiom is about, for explanations (empty when it was a set). */
    static Rel relationOf(Run run, CatValue v) {
        if (v instanceof CatValue.Relation || v instanceof CatValue.Empty || v instanceof CatValue.Universe) {
            return Ops.rel(null, run, v, "");
        }
        return Rel.empty(run.n);
    }
}
