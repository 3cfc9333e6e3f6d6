package daxlab.cat;

import java.util.List;

/** A top-level instruction of a cat or bell file, as parsed. */
sealed interface Stmt {
    CatPos pos();

    /** {@code let b1 and b2}. */
    record Let(CatPos pos, List<CatExpr.Binding> bindings) implements Stmt {
    }

    /** {@code let rec b1 and b2}. */
    record LetRec(CatPos pos, List<CatExpr.Binding> bindings) implements Stmt {
    }

    enum Test { ACYCLIC, IRREFLEXIVE, EMPTY }

    /**
     * {@code acyclic e as name} (an axiom: the execution is rejected when it fails) or
     * {@code flag ~empty e as name} (a flag: raised when it holds). {@code negated} is the
     * {@code ~} before the test.
     */
    record Check(CatPos pos, boolean flag, boolean negated, Test test, CatExpr expr, String name) implements Stmt {
        /** The name it is known by: its {@code as} name, else the test and expression as written. */
        String label() {
            return name != null ? name : test.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code include "lock.cat"}: replaced by the file's instructions when the model is loaded. */
    record Include(CatPos pos, String file) implements Stmt {
    }

    /** {@code enum Accesses = 'ONCE || 'RELEASE}. */
    record Enum(CatPos pos, String name, List<String> tags) implements Stmt {
    }

    /**
     * {@code instructions R[Accesses]}: which tags an event kind may carry. herd7 uses it to
     * validate a test's annotations; here the events come from daxlab's IR, so it is read and
     * not enforced.
     */
    record Instructions(CatPos pos, String kind, List<CatExpr> tagSets) implements Stmt {
    }

    /** {@code show}, {@code unshow}: what herd7 draws; nothing to compute. */
    record Show(CatPos pos) implements Stmt {
    }

    /** {@code with x from e}: one run per element of {@code e}, with {@code x} bound to it. */
    record WithFrom(CatPos pos, String name, CatExpr from) implements Stmt {
    }

    /** {@code if "variant" ... else ... end}: replaced by one branch when the model is loaded. */
    record IfVariant(CatPos pos, CatExpr.VariantCondition condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
    }
}
