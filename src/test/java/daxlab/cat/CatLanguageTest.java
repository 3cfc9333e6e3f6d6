package daxlab.cat;

import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.CandidateExecutions;
import daxlab.axiomatic.Execution;
import daxlab.axiomatic.Sc;
import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusSuites;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Code;
import daxlab.program.FenceKind;
import daxlab.program.Program;
import daxlab.program.ThreadCode;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cat language as the interpreter reads and runs it. */
class CatLanguageTest {

    /** An expression fully parenthesised, to see how it was grouped. */
    static String show(CatExpr e) {
        if (e instanceof CatExpr.Var) {
            return ((CatExpr.Var) e).name();
        } else if (e instanceof CatExpr.Empty) {
            return "0";
        } else if (e instanceof CatExpr.Universe) {
            return "_";
        } else if (e instanceof CatExpr.ToId) {
            return "[" + show(((CatExpr.ToId) e).set()) + "]";
        } else if (e instanceof CatExpr.Unary) {
            CatExpr.Unary u = (CatExpr.Unary) e;
            String o = show(u.operand());
            switch (u.op()) {
                case COMPLEMENT: return "(~" + o + ")";
                case STAR: return "(" + o + ")*";
                case PLUS: return "(" + o + ")+";
                case OPT: return "(" + o + ")?";
                default: return "(" + o + ")^-1";
            }
        } else if (e instanceof CatExpr.Binary) {
            CatExpr.Binary b = (CatExpr.Binary) e;
            return "(" + show(b.left()) + " " + b.op().symbol + " " + show(b.right()) + ")";
        } else if (e instanceof CatExpr.App) {
            return "(" + show(((CatExpr.App) e).function()) + " " + show(((CatExpr.App) e).argument()) + ")";
        } else if (e instanceof CatExpr.Tuple) {
            return ((CatExpr.Tuple) e).elements().stream().map(CatLanguageTest::show).collect(Collectors.joining(", ", "(", ")"));
        } else if (e instanceof CatExpr.SetOf) {
            return ((CatExpr.SetOf) e).elements().stream().map(CatLanguageTest::show).collect(Collectors.joining(", ", "{", "}"));
        }
        return e.getClass().getSimpleName();
    }

    /** Each {@code let} of {@code text}, as name = grouping. */
    static Map<String, String> parsed(String text) {
        Map<String, String> out = new TreeMap<>();
        for (Stmt s : CatParser.parse("t.cat", text).statements()) {
            for (CatExpr.Binding b : ((Stmt.Let) s).bindings()) {
                out.put(b.pattern().names().get(0), show(b.value()));
            }
        }
        return out;
    }

    @Test
    void operatorsGroupAsHerd7Groups() {
        Map<String, String> p = parsed("let a = r | s ; t & u \\ v\n"
                + "let b = ~M | IW\n"
                + "let c = (data ; [~ Srcu-unlock] ; rfi)*\n"
                + "let d = (Plain * M) | ((M \\ IW) * Plain)\n"
                + "let e = [M] ; po? ; [RMW] ; fencerel(After-atomic) ; [M]\n"
                + "let f = map pair-to-relation (possible-rf e) ++ 0\n"
                + "let g = rcu-rscs^-1 ; srcu-rscs \\ id\n"
                + "let h = hb* ; pb+ ; r\n"
                + "(* a (* nested *) comment *) // and a line comment\n"
                + "let i = a \\ b \\ c\n");
        assertEquals("(r | (s ; ((t & u) \\ v)))", p.get("a"));
        assertEquals("((~M) | IW)", p.get("b"));
        assertEquals("((data ; ([(~Srcu-unlock)] ; rfi)))*", p.get("c"));
        assertEquals("((Plain * M) | ((M \\ IW) * Plain))", p.get("d"));
        assertEquals("([M] ; ((po)? ; ([RMW] ; ((fencerel After-atomic) ; [M]))))", p.get("e"));
        assertEquals("(((map pair-to-relation) (possible-rf e)) ++ 0)", p.get("f"));
        assertEquals("((rcu-rscs)^-1 ; (srcu-rscs \\ id))", p.get("g"));
        assertEquals("((hb)* ; ((pb)+ ; r))", p.get("h"));
        assertEquals("((a \\ b) \\ c)", p.get("i"));
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertEquals("t.cat:2:9: comment not closed", assertThrows(CatException.class,
                () -> CatParser.parse("t.cat", "let a = po\nlet b = (* oops")).getMessage());
        assertEquals("t.cat:1:12: expected ')' but found the end of the file", assertThrows(CatException.class,
                () -> CatParser.parse("t.cat", "let a = (po")).getMessage());
        assertEquals("t.cat:1:9: unexpected character '$'", assertThrows(CatException.class,
                () -> CatParser.parse("t.cat", "let a = $po")).getMessage());
        assertEquals("t.cat:2:1: expected an instruction (let, include, acyclic, irreflexive, empty, flag, ...) but"
                + " found ']'", assertThrows(CatException.class, () -> CatParser.parse("t.cat", "let a = po\n]")).getMessage());
    }

    // ------------------------------------------------------------------ running

    /** A model in a directory: the shipped .def, a bell and cat written here. */
    static ModelFiles toy(Path dir, String bell, String cat, String variant) throws IOException {
        try (InputStream in = CatLanguageTest.class.getClassLoader().getResourceAsStream("daxlab/lkmm/linux-kernel.def")) {
            Files.copy(in, dir.resolve("linux-kernel.def"));
        }
        Files.writeString(dir.resolve("toy.bell"), bell);
        Files.writeString(dir.resolve("toy.cat"), cat);
        Files.writeString(dir.resolve(ModelFiles.CONFIG), "macros linux-kernel.def\nbell toy.bell\nmodel toy.cat\n"
                + (variant == null ? "" : "variant " + variant + "\n"));
        return ModelFiles.directory(dir);
    }

    static final String TOY = "\"toy\"\n"
            + "include \"cos-opt.cat\"\n"
            + "let both(r, s) = r | s\n"
            + "let twice r = r ; r\n"
            + "let flip = fun r -> r^-1\n"
            + "flag ~empty (both(po, 0) \\ po) | (po \\ both(0, po)) as broken-tuple-call\n"
            + "flag ~empty flip(po) & po as broken-fun\n"
            + "flag ~empty twice(po) \\ (po ; po) as broken-one-parameter\n"
            + "let lasts = map (fun e -> e) (range(po))\n"
            + "flag ~empty (lasts \\ range(po)) | (range(po) \\ lasts) as broken-map-of-events\n"
            + "let singles = map (fun p -> p ++ 0) po\n"
            + "with whole from cross(map (fun r -> {r}) singles)\n"
            + "flag ~empty (whole \\ po) | (po \\ whole) as broken-cross\n"
            + "let T = try not-bound-anywhere with W\n"
            + "flag ~empty (T \\ W) | (W \\ T) as broken-try\n"
            + "flag ~empty (if \"toy-variant\" then _ else 0) as toy-variant-set\n"
            + "let rec down = [F] | (po ; down)\n"
            + "flag ~empty down \\ ([F] | (po ; [F])) as broken-fixpoint\n"
            + "flag ~empty [Mb & F] as has-smp-mb\n"
            + "flag ~empty {} | 0 as broken-empty\n"
            + "acyclic po | rf | co | fr as sc\n";

    @Test
    void theLanguageRunsAsWritten(@TempDir Path dir) throws IOException {
        CatModel m = CatModel.load("toy", toy(dir, "\"toy bell\"\nenum Barriers = 'MB || 'rmb\nlet Mb = MB\n", TOY,
                "toy-variant"));
        Program p = LitmusParser.parse(LitmusSuites.own().test("SB+fencembonceonce+poonceonce.litmus")).program();
        Axiomatic.Result r = m.run(p, Classifier.NONE, Axiomatic.DEFAULT_BUDGET, "");
        Histogram sc = Axiomatic.enumerate(p, new Sc(), Classifier.NONE);
        assertEquals(counts(sc), counts(r.histogram()), "acyclic po | rf | co | fr is SC");
        long executions = r.histogram().total().longValueExact();
        assertEquals(Map.of(new daxlab.outcome.Flag("has-smp-mb"), executions, new daxlab.outcome.Flag("toy-variant-set"), executions), r.flags());
    }

    static Map<String, String> counts(Histogram h) {
        Map<String, String> out = new TreeMap<>();
        h.entries().forEach(e -> out.put(e.outcome().toString(), e.count().toString()));
        return out;
    }

    @Test
    void aValueOfTheWrongKindIsAnErrorWhereItIsUsed(@TempDir Path dir) throws IOException {
        CatModel m = CatModel.load("toy", toy(dir, "\"toy bell\"\n", "\"toy\"\ninclude \"cos-opt.cat\"\n"
                + "let bad = W ; po\nacyclic bad as bad\n", null));
        Program p = LitmusParser.parse(LitmusSuites.own().test("SB+fencembonceonce+poonceonce.litmus")).program();
        CatException e = assertThrows(CatException.class, () -> m.run(p, Classifier.NONE, Axiomatic.DEFAULT_BUDGET, ""));
        assertEquals(dir.resolve("toy.cat") + ":3:13: ';' needs a relation, got a set of events", e.getMessage());
    }

    // ------------------------------------------------------------------ the kernel's files on executions

    /** Nested read-side sections, and a spinlock: what the bell and lock.cat compute is what the IR says. */
    @Test
    void theBellMatchesSectionsAsTheIrDoes() {
        Code p0 = new Code().fence(FenceKind.RCU_LOCK).fence(FenceKind.RCU_LOCK).readOnce("r0", "x")
                .fence(FenceKind.RCU_UNLOCK).srcuReadLock("s").srcuReadLock("s").readOnce("r1", "y")
                .srcuReadUnlock("s").srcuReadUnlock("s").fence(FenceKind.RCU_UNLOCK);
        Code p1 = new Code().spinLock("l").writeOnce("x", Value.of(1)).spinUnlock("l").synchronizeSrcu("s")
                .fence(FenceKind.SYNC_RCU).writeOnce("y", Value.of(1));
        Program prog = Program.builder("nested").init("x", Value.of(0)).init("y", Value.of(0)).init("l", Value.of(0))
                .thread(new ThreadCode("P0", p0.instructions())).thread(new ThreadCode("P1", p1.instructions()))
                .observe("0:r0", "P0", "r0").observe("0:r1", "P0", "r1").build();
        List<Execution> xs = new ArrayList<>();
        CandidateExecutions.forEach(prog, Axiomatic.DEFAULT_BUDGET, xs::add);
        assertTrue(xs.size() > 1);
        CatModel m = CatModel.lkmm();
        for (Execution x : xs) {
            assertEquals(x.rcuRscs(), m.relation(x, "rcu-rscs"), "rcu-rscs");
            assertEquals(x.srcuRscs(), m.relation(x, "srcu-rscs"), "srcu-rscs");
            assertEquals(2, x.rcuRscs().pairs().size());
            assertEquals(x.rf(), m.relation(x, "rf"));
            assertEquals(x.co(), m.relation(x, "co"));
        }
    }
}
