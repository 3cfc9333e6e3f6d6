package daxlab.dax.export;

import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.litmus.HerdNames;
import daxlab.litmus.LitmusPrinter;
import daxlab.outcome.Outcome;
import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Rule;
import daxlab.program.Cond;
import daxlab.program.Condition;
import daxlab.program.Expr;
import daxlab.program.Instr;
import daxlab.program.Mode;
import daxlab.program.Observable;
import daxlab.program.Program;
import daxlab.program.RmwOp;
import daxlab.program.ThreadCode;
import daxlab.program.Value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The dax scenarios as C litmus tests that herd7 accepts, so that anyone can check our verdicts
 * with {@code herd7 -conf linux-kernel.cfg}.
 *
 * <p>C has no symbols, so each symbolic value becomes an integer ({@code NULL} is 0, so C's
 * truth tests keep their meaning), listed in a legend in the header comment. A tagged result
 * such as {@code OK(ops,holder)} (which ops were called with which holder) becomes an
 * if/else chain over the values its registers can hold ({@link ValueDomains}), each branch
 * assigning the integer of one combination. The {@code exists} clause is the disjunction of the
 * scenario's FORBIDDEN rules. Function calls are flattened, with a comment naming each.
 *
 * <p>The C is the subset herd7's parser reads: no {@code !}, {@code &&}, {@code ||} or unary
 * minus ({@code !ops} is written {@code ops == 0}).
 *
 * <p>Two forms: {@link Form#PLAIN} keeps the plain C accesses of the kernel code as written (so
 * herd7 flags its data races), {@link Form#ONCE} marks them READ_ONCE/WRITE_ONCE.
 */
public final class DaxExport {

    public enum Form {
        /** Accesses as the kernel writes them. */
        PLAIN(""),
        /** Plain accesses made READ_ONCE / WRITE_ONCE. */
        ONCE("+once");

        private final String suffix;

        Form(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    /**
     * How to read the exported test's results as the scenario's: integers back to symbols, and
     * herd7 field names ({@code 1:ret}) back to the scenario's ({@code get}).
     */
    public record Legend(Map<Value, Long> codes, Map<String, String> fields, Map<String, Set<Value>> domains) {
        public Legend {
            codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            domains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(domains));
        }

        /** The integer standing for a value in the litmus file. */
        public Value encode(Value v) {
            if (v.equals(Value.NULL)) {
                return Value.of(0);
            }
            Long code = codes.get(v);
            return code == null ? v : Value.of(code);
        }

        /** An outcome of the exported test, named and valued as the scenario's outcomes are. */
        public Outcome decode(Outcome litmusOutcome) {
            Map<String, Value> out = new LinkedHashMap<>();
            litmusOutcome.fields().forEach((f, v) -> {
                String dax = fields.getOrDefault(f, f);
                out.put(dax, decode(dax, v));
            });
            return new Outcome(out);
        }

        /** Decodes by the values the field can hold: 0 is NULL in a pointer field, 0 in a flag. */
        public Value decode(String daxField, Value v) {
            Set<Value> domain = domains.get(daxField);
            if (!(v instanceof Value.Int)) {
                return v;
            }
            long n = ((Value.Int) v).value();
            if (n == 0) {
                return domain != null && domain.contains(Value.NULL) ? Value.NULL : v;
            }
            for (Map.Entry<Value, Long> e : codes.entrySet()) {
                if (e.getValue() == n && (domain == null || domain.contains(e.getKey()))) {
                    return e.getKey();
                }
            }
            return v;
        }

        /** The legend lines of the header comment. */
        List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("Values: NULL=0" + codes.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining()));
            if (!fields.isEmpty()) {
                out.add("Fields: " + fields.entrySet().stream().map(e -> e.getKey() + " is " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            return out;
        }
    }

    /** One exported file. */
    public record Export(DaxScenario scenario, Form form, String fileName, String text, Program program, Legend legend) {
    }

    private DaxExport() {
    }

    /** Every scenario with every variant it uses, as {@code daxlab enumerate --all} runs them. */
    public static List<DaxScenario> everyScenario() {
        return Scenarios.everyVariant();
    }

    /** Every scenario of {@link #everyScenario()} in every form, in that order: what {@link #writeAll} writes. */
    public static List<Export> all() {
        List<Export> out = new ArrayList<>();
        for (DaxScenario s : everyScenario()) {
            for (Form f : Form.values()) {
                out.add(export(s, f));
            }
        }
        return out;
    }

    /** Writes every scenario in both forms into {@code dir}; returns the files written. */
    public static List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Export e : all()) {
            Path p = dir.resolve(e.fileName());
            Files.writeString(p, e.text(), StandardCharsets.UTF_8);
            out.add(p);
        }
        return out;
    }

    /**
     * The name of the litmus file of a scenario (with its variants) in a form, e.g.
     * {@code dax-put-vs-get+ORIGINAL+once.litmus}: what {@link #writeAll} writes, what herd7's
     * recorded answers are named after, and what a verdict cites. Stable: it depends only on the
     * scenario's id, the variants it uses and the form.
     */
    public static String fileName(DaxScenario s, Form form) {
        return testName(s, form) + ".litmus";
    }

    /** {@code dax-put-vs-get+ORIGINAL+once}: the scenario, the variants it uses, the form. */
    public static String testName(DaxScenario s, Form form) {
        StringBuilder sb = new StringBuilder("dax-").append(s.scenario().id());
        if (s.scenario().usesPut()) {
            sb.append('+').append(s.put());
        }
        if (s.scenario().usesReader()) {
            sb.append('+').append(s.reader());
        }
        if (s.accessors() != daxlab.dax.Accessors.MAINLINE) {
            sb.append("+marked");
        }
        return sb.append(form.suffix()).toString();
    }

    public static Export export(DaxScenario s, Form form) {
        Program original = s.program();
        ValueDomains domains = new ValueDomains(original);
        Legend legend = legend(s, domains);
        Renamer names = new Renamer(original);
        List<ThreadCode> threads = new ArrayList<>();
        for (int i = 0; i < original.threads().size(); i++) {
            ThreadCode t = original.threads().get(i);
            if (!t.name().equals("P" + i)) {
                throw new IllegalArgumentException("threads must be P0, P1, ... to export; thread " + i + " is " + t.name());
            }
            Lowering l = new Lowering(t.name(), form, legend, domains, names);
            threads.add(new ThreadCode(t.name(), l.body(t.body())));
        }
        Map<String, Value> init = new LinkedHashMap<>();
        original.init().forEach((k, v) -> init.put(k, legend.encode(v)));
        List<Observable> observables = new ArrayList<>();
        Map<String, String> fieldOf = new LinkedHashMap<>();
        for (Observable o : original.observables()) {
            String f = litmusField(o, names);
            fieldOf.put(o.name(), f);
            observables.add(o.ref() instanceof Observable.Loc ? Observable.location(f)
                    : Observable.register(f, ((Observable.Register) o.ref()).thread(), HerdNames.registerOf(f)));
        }
        List<Cond> forbidden = new ArrayList<>();
        List<String> ruleLines = new ArrayList<>();
        for (Rule r : s.classifier().rules()) {
            if (r.grade() == OutcomeClass.FORBIDDEN) {
                Cond c = encode(r.when(), fieldOf, legend);
                if (!forbidden.contains(c)) {
                    forbidden.add(c);
                }
                ruleLines.add("  " + r.label() + ": " + r.when().text());
            }
        }
        Cond any = forbidden.isEmpty() ? new Cond.Not(new Cond.True()) : Cond.any(forbidden.toArray(new Cond[0]));
        String name = testName(s, form);
        Program p = new Program(name, init, threads, observables, Condition.exists(any));
        Map<String, String> litmusToDax = new LinkedHashMap<>();
        fieldOf.forEach((dax, lit) -> {
            if (!dax.equals(lit)) {
                litmusToDax.put(lit, dax);
            }
        });
        Legend full = new Legend(legend.codes(), litmusToDax, legend.domains());
        List<String> header = new ArrayList<>();
        header.add("Exported by daxlab from scenario " + s.scenario().id()
                + (s.variantLabel().isEmpty() ? "" : " [" + s.variantLabel() + "]") + ",");
        header.add(form == Form.PLAIN ? "accesses as the kernel code writes them (plain C accesses stay plain)."
                : "with every plain access made READ_ONCE()/WRITE_ONCE().");
        header.add(s.scenario().description());
        header.add("");
        header.add("Symbolic values are integers here:");
        header.addAll(full.lines());
        header.add("");
        header.add("The exists clause is the scenario's FORBIDDEN outcomes:");
        header.addAll(ruleLines);
        header.add("");
        header.add("Run: herd7 -conf linux-kernel.cfg " + name + ".litmus");
        String text = LitmusPrinter.print(p, List.of(), header);
        return new Export(s, form, fileName(s, form), text, p, full);
    }

    private static String litmusField(Observable o, Renamer names) {
        if (o.ref() instanceof Observable.Loc) {
            return ((Observable.Loc) o.ref()).location();
        }
        Observable.Register r = (Observable.Register) o.ref();
        return r.thread().substring(1) + ":" + names.register(r.thread(), r.register());
    }

    private static Cond encode(Cond c, Map<String, String> fieldOf, Legend legend) {
        return c.accept(new Cond.Visitor<Cond>() {
            @Override
            public Cond eq(Cond.Eq e) {
                return new Cond.Eq(field(e.field()), legend.encode(e.value()));
            }

            @Override
            public Cond same(Cond.Same e) {
                return new Cond.Same(field(e.field()), field(e.other()));
            }

            private String field(String f) {
                String litmus = fieldOf.get(f);
                if (litmus == null) {
                    throw new IllegalArgumentException("rule names '" + f + "', which is not observed");
                }
                return litmus;
            }

            @Override
            public Cond not(Cond.Not n) {
                return new Cond.Not(encode(n.operand(), fieldOf, legend));
            }

            @Override
            public Cond and(Cond.And a) {
                return new Cond.And(encode(a.left(), fieldOf, legend), encode(a.right(), fieldOf, legend));
            }

            @Override
            public Cond or(Cond.Or o) {
                return new Cond.Or(encode(o.left(), fieldOf, legend), encode(o.right(), fieldOf, legend));
            }

            @Override
            public Cond isTrue(Cond.True t) {
                return t;
            }
        });
    }

    /**
     * Integers for the symbols: NULL is 0; the others count up from above every integer the
     * program uses, so that no field mixes a symbol's code with a genuine integer.
     */
    private static Legend legend(DaxScenario s, ValueDomains domains) {
        Program p = s.program();
        Set<Value> symbols = new TreeSet<>(Comparator.comparing(Value::toString));
        long maxInt = 1;
        List<Set<Value>> all = new ArrayList<>();
        p.init().keySet().forEach(l -> all.add(domains.location(l)));
        for (ThreadCode t : p.threads()) {
            for (String r : Program.registersOf(t)) {
                all.add(domains.register(t.name(), r));
            }
        }
        for (Rule r : s.classifier().rules()) {
            collectValues(r.when(), all);
        }
        for (Set<Value> d : all) {
            if (d == null) {
                continue;
            }
            for (Value v : d) {
                if (v instanceof Value.Sym && !v.equals(Value.NULL)) {
                    symbols.add(v);
                } else if (v instanceof Value.Int) {
                    maxInt = Math.max(maxInt, Math.abs(((Value.Int) v).value()));
                }
            }
        }
        Map<Value, Long> codes = new LinkedHashMap<>();
        long next = maxInt + 1;
        for (Value v : symbols) {
            codes.put(v, next++);
        }
        Map<String, Set<Value>> fieldDomains = new LinkedHashMap<>();
        for (Observable o : p.observables()) {
            Set<Value> d = o.ref() instanceof Observable.Loc ? domains.location(((Observable.Loc) o.ref()).location())
                    : domains.register(((Observable.Register) o.ref()).thread(), ((Observable.Register) o.ref()).register());
            if (d != null) {
                fieldDomains.put(o.name(), new LinkedHashSet<>(d));
            }
        }
        return new Legend(codes, Map.of(), fieldDomains);
    }

    private static void collectValues(Cond c, List<Set<Value>> out) {
        c.accept(new Cond.Visitor<Void>() {
            @Override
            public Void eq(Cond.Eq e) {
                out.add(Set.of(e.value()));
                return null;
            }

            @Override
            public Void same(Cond.Same e) {
                return null; // compares two fields: no constant
            }

            @Override
            public Void not(Cond.Not n) {
                collectValues(n.operand(), out);
                return null;
            }

            @Override
            public Void and(Cond.And a) {
                collectValues(a.left(), out);
                collectValues(a.right(), out);
                return null;
            }

            @Override
            public Void or(Cond.Or o) {
                collectValues(o.left(), out);
                collectValues(o.right(), out);
                return null;
            }

            @Override
            public Void isTrue(Cond.True t) {
                return null;
            }
        });
    }

    /** Register names that are valid, distinct C locals: not a location, keyword or primitive. */
    private static final class Renamer {
        private final Set<String> reserved = new LinkedHashSet<>();
        private final Map<String, String> renamed = new LinkedHashMap<>();

        Renamer(Program p) {
            reserved.addAll(p.init().keySet());
            reserved.addAll(p.srcuDomains());
            reserved.addAll(HerdNames.primitives());
            reserved.addAll(List.of("if", "else", "while", "for", "do", "return", "int", "long", "char", "short",
                    "unsigned", "signed", "void", "struct", "const", "volatile", "bool", "spinlock_t", "atomic_t",
                    "exists", "forall", "locations", "filter", "true", "false", "not"));
        }

        String register(String thread, String reg) {
            return renamed.computeIfAbsent(thread + ":" + reg, k -> {
                if (!reserved.contains(reg)) {
                    return reg;
                }
                String n = "r_" + reg;
                while (reserved.contains(n)) {
                    n = "r_" + n;
                }
                return n;
            });
        }
    }

    /** Rewrites one thread's code for C: integer values, renamed registers, tags as case splits. */
    private static final class Lowering {
        final String thread;
        final Form form;
        final Legend legend;
        final ValueDomains domains;
        final Renamer names;

        Lowering(String thread, Form form, Legend legend, ValueDomains domains, Renamer names) {
            this.thread = thread;
            this.form = form;
            this.legend = legend;
            this.domains = domains;
            this.names = names;
        }

        List<Instr> body(List<Instr> in) {
            List<Instr> out = new ArrayList<>();
            for (Instr i : in) {
                out.add(instr(i));
            }
            return out;
        }

        Mode mode(Mode m) {
            return form == Form.ONCE && m == Mode.PLAIN ? Mode.ONCE : m;
        }

        String reg(String r) {
            return names.register(thread, r);
        }

        Instr instr(Instr i) {
            return i.accept(new Instr.Visitor<Instr>() {
                @Override
                public Instr load(Instr.Load l) {
                    return new Instr.Load(reg(l.register()), expr(l.address()), mode(l.mode()));
                }

                @Override
                public Instr store(Instr.Store s) {
                    return new Instr.Store(expr(s.address()), expr(s.value()), mode(s.mode()));
                }

                @Override
                public Instr rmw(Instr.Rmw r) {
                    RmwOp lowered = r.op().accept(new RmwOp.Visitor<RmwOp>() {
                        @Override
                        public RmwOp cmpxchg(RmwOp.Cmpxchg c) {
                            return new RmwOp.Cmpxchg(expr(c.expected()), expr(c.desired()));
                        }

                        @Override
                        public RmwOp xchg(RmwOp.Xchg x) {
                            return new RmwOp.Xchg(expr(x.value()));
                        }

                        @Override
                        public RmwOp fetchAdd(RmwOp.FetchAdd f) {
                            return new RmwOp.FetchAdd(expr(f.delta()), f.returnsNew());
                        }

                        @Override
                        public RmwOp fetchBits(RmwOp.FetchBits f) {
                            return new RmwOp.FetchBits(f.op(), expr(f.operand()), f.returnsNew());
                        }

                        @Override
                        public RmwOp addUnless(RmwOp.AddUnless u) {
                            return new RmwOp.AddUnless(expr(u.add()), expr(u.unless()));
                        }
                    });
                    return new Instr.Rmw(r.register().map(x -> reg(x)), expr(r.address()), lowered, r.mode());
                }

                @Override
                public Instr fence(Instr.Fence f) {
                    return f;
                }

                @Override
                public Instr assign(Instr.Assign a) {
                    if (a.value() instanceof Expr.Tag t) {
                        return tag(reg(a.register()), t);
                    }
                    return new Instr.Assign(reg(a.register()), expr(a.value()));
                }

                @Override
                public Instr branch(Instr.If f) {
                    return new Instr.If(expr(f.condition()), body(f.then()), body(f.otherwise()));
                }

                @Override
                public Instr call(Instr.Call c) {
                    return new Instr.Call(c.function(), body(c.body()));
                }

                @Override
                public Instr srcu(Instr.Srcu s) {
                    return new Instr.Srcu(s.op(), s.domain(), s.register().map(x -> reg(x)), s.index().map(x -> expr(x)));
                }

                @Override
                public Instr lock(Instr.Lock l) {
                    return new Instr.Lock(l.register().map(x -> reg(x)), expr(l.address()), l.op());
                }
            });
        }

        Expr expr(Expr e) {
            if (e instanceof Expr.Const) {
                return Expr.val(legend.encode(((Expr.Const) e).value()));
            }
            if (e instanceof Expr.Reg) {
                return Expr.reg(reg(((Expr.Reg) e).name()));
            }
            // herd7's C has no '!', '&&', '||' or unary minus: say the same with what it has.
            // Values are integers here, so C truth is "!= 0" exactly.
            if (e instanceof Expr.Unary) {
                Expr.Unary u = (Expr.Unary) e;
                Expr inner = expr(u.operand());
                return u.op() == Expr.UnaryOp.NOT ? Expr.eq(inner, Expr.num(0))
                        : new Expr.Binary(Expr.BinaryOp.SUB, Expr.num(0), inner);
            }
            if (e instanceof Expr.Binary) {
                Expr.Binary b = (Expr.Binary) e;
                Expr l = expr(b.left());
                Expr r = expr(b.right());
                if (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR) {
                    return new Expr.Binary(b.op() == Expr.BinaryOp.AND ? Expr.BinaryOp.BIT_AND : Expr.BinaryOp.BIT_OR,
                            Expr.ne(l, Expr.num(0)), Expr.ne(r, Expr.num(0)));
                }
                return new Expr.Binary(b.op(), l, r);
            }
            throw new IllegalArgumentException(thread + ": the tagged value " + e.text()
                    + " can only be exported as the whole right-hand side of an assignment");
        }

        /**
         * {@code dest = OK(a, b)}: one branch per pair of values a and b can hold, each assigning
         * the integer of that combination. The last value of each argument is the else branch.
         */
        Instr tag(String dest, Expr.Tag tag) {
            List<Expr> args = tag.args();
            List<List<Value>> choices = new ArrayList<>();
            for (Expr a : args) {
                Set<Value> d = domains.expr(thread, a);
                if (d == null) {
                    throw new IllegalArgumentException(thread + ": cannot bound the values of " + a.text() + " in "
                            + tag.text() + ", so the tagged value has no finite C form");
                }
                List<Value> sorted = new ArrayList<>(d);
                sorted.sort(Comparator.comparing(Value::toString));
                choices.add(sorted);
            }
            // split() builds one instruction: an assignment, or an if/else chain of them.
            return split(dest, tag, choices, 0, new ArrayList<>()).get(0);
        }

        private List<Instr> split(String dest, Expr.Tag tag, List<List<Value>> choices, int i, List<Value> chosen) {
            if (i == choices.size()) {
                List<Expr> consts = new ArrayList<>();
                chosen.forEach(v -> consts.add(Expr.val(v)));
                Value v = new Expr.Tag(tag.name(), consts).eval(r -> null);
                return List.of(new Instr.Assign(dest, Expr.val(legend.encode(v))));
            }
            List<Value> values = choices.get(i);
            Expr arg = expr(tag.args().get(i));
            List<Instr> chain = null;
            for (int k = values.size() - 1; k >= 0; k--) {
                Value v = values.get(k);
                chosen.add(v);
                List<Instr> branch = split(dest, tag, choices, i + 1, chosen);
                chosen.remove(chosen.size() - 1);
                if (chain == null) {
                    chain = branch;
                } else {
                    chain = List.of(new Instr.If(Expr.eq(arg, Expr.val(legend.encode(v))), branch, chain));
                }
            }
            return chain;
        }
    }
}
