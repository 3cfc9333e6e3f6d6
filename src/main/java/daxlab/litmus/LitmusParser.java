package daxlab.litmus;

import daxlab.program.Cond;
import daxlab.program.Condition;
import daxlab.program.Expr;
import daxlab.program.Filter;
import daxlab.program.Instr;
import daxlab.program.Observable;
import daxlab.program.Program;
import daxlab.program.ThreadCode;
import daxlab.program.Value;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads C litmus tests in the Linux kernel's format ({@code tools/memory-model/litmus-tests}):
 * <pre>
 * C name
 * (* comment *)
 * { x=1; int *p = &amp;x; spinlock_t l; 0:r1=2; }
 * P0(int *x, spinlock_t *l) { int r0; r0 = READ_ONCE(*x); ... }
 * ...
 * locations [0:r1; x]
 * exists (0:r0=1 /\ ~x=2)
 * </pre>
 * This class reads the frame (header, init block, {@code locations}, condition) and names the
 * observables as herd7 does; {@link ThreadParser} reads each thread and lowers its C onto the IR.
 * Every parameter of every thread, and every location named as a value ({@code p=y}), is a shared
 * location, 0 unless initialised. The condition, {@code locations} and {@code filter} name only
 * registers a thread declares, assigns or has initialised, and the test's locations. Conditions
 * nest at most {@link Nesting#MAX} deep; files are read by {@link LitmusFile} (UTF-8, a regular
 * file of at most {@link LitmusFile#MAX_BYTES}).
 */
public final class LitmusParser {
    private static final Pattern THREAD = Pattern.compile("P([0-9]+)");
    private static final Pattern TEMP = Pattern.compile("\\btmp([0-9]+)\\b");
    /** The rest of the first line: a name, then optionally {@code (texname)}, {@code "doc"} and {@code ;}. */
    private static final Pattern HEADER = Pattern.compile(
            "([A-Za-z0-9_/.\\-+\\[\\]:]+)(?:\\s*\\([^)]*\\))?(?:\\s*\"[^\"]*\")?\\s*;?");

    private final LitmusLexer lx;
    private final String source;
    private final Map<String, Value> init = new LinkedHashMap<>();
    /** Locations named as values (p=y, 1:r0=x) that must exist even if no thread declares them. */
    private final Set<String> referenced = new LinkedHashSet<>();
    private final Map<Integer, List<Instr>> registerInits = new LinkedHashMap<>();
    private final Map<Integer, LitmusToken> registerInitAt = new LinkedHashMap<>();
    /** Registers the init block names per thread, with or without a value: declared in that thread. */
    private final Map<Integer, Set<String>> initRegisters = new LinkedHashMap<>();
    private final List<ThreadCode> threads = new ArrayList<>();
    private final Set<String> params = new LinkedHashSet<>();
    /** The registers each thread's text names (declared, assigned, initialised). */
    private final List<Set<String>> threadRegisters = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final int tempBase;
    private final Nesting nesting;
    /** How deep each condition parsed is, where it is more than 1. */
    private final Map<Cond, Integer> depths = new IdentityHashMap<>();

    private LitmusParser(String source, String file) {
        this.source = source;
        this.lx = new LitmusLexer(source, file);
        this.nesting = new Nesting(lx);
        int max = -1;
        Matcher m = TEMP.matcher(source);
        while (m.find()) {
            try {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                // an absurdly long number: no fresh name of ours can collide with it
            }
        }
        tempBase = max + 1;
    }

    /** Parses a test's text; a leading byte-order mark is skipped, as herd7 skips it. */
    public static LitmusTest parse(String source, String fileName) {
        return new LitmusParser(withoutByteOrderMark(source), fileName).test();
    }

    /**
     * Reads and parses a file ({@link LitmusFile#read}).
     *
     * @throws java.nio.file.FileSystemException when it is not a regular file or cannot be read
     * @throws LitmusSyntaxException             for anything wrong in it, at its place
     */
    public static LitmusTest parse(Path file) throws IOException {
        return parse(LitmusFile.read(file), file.toString());
    }

    static String withoutByteOrderMark(String s) {
        return s.startsWith("\ufeff") ? s.substring(1) : s;
    }

    /**
     * Parses a condition alone, as herd7 prints it after {@code Condition}: {@code exists ([x]=2 /\ 0:r0=2)}.
     * Fields are normalised ({@code [x]} to {@code x}, {@code P0:r0} to {@code 0:r0}).
     */
    public static Condition parseCondition(String text, String fileName) {
        LitmusParser p = new LitmusParser(withoutByteOrderMark(text), fileName);
        Condition c = p.condition(new ArrayList<>());
        if (p.lx.peek().kind() != LitmusToken.Kind.EOF) {
            throw p.lx.error(p.lx.peek(), "the end of the condition");
        }
        return c;
    }

    // ------------------------------------------------------------------ frame

    private LitmusTest test() {
        LitmusToken c = lx.next();
        if (!c.is("C")) {
            throw lx.error(c, "'C' and the test name (this parser reads C litmus tests)");
        }
        LitmusToken nameTok = lx.restOfLine();
        String line = nameTok.text();
        // herd7's first line: the name, then optionally (texname), "doc" and ';'.
        Matcher head = HEADER.matcher(line);
        if (line.isEmpty() || !head.matches()) {
            int bad = line.isEmpty() ? 0 : firstOddCharacter(line);
            throw new LitmusSyntaxException(lx.file(), nameTok.line(), nameTok.column() + bad, "a test name after 'C'",
                    line.isEmpty() ? "end of line" : "'" + line.substring(bad) + "'");
        }
        String name = head.group(1);
        if (name.endsWith(".litmus") && name.length() > ".litmus".length()) {
            name = name.substring(0, name.length() - ".litmus".length()); // as herd7 names the test
        }
        // Up to the init block herd7 reads the Key=value lines diy7 writes (Cycle=..., Relax=...,
        // Safe=..., Prefetch=..., Com=..., Orig=...), a one-line "description", and skips any other
        // line: information only. A thread before any '{' means the init block is missing.
        while (!lx.peek().is("{")) {
            LitmusToken t = lx.peek();
            if (t.kind() == LitmusToken.Kind.EOF || isThreadStart(t)) {
                throw lx.error(t, "'{' opening the init block");
            }
            if (t.kind() == LitmusToken.Kind.STRING) {
                lx.next();
            } else {
                lx.restOfLine();
            }
        }
        lx.expect("{", "'{' opening the init block");
        initBlock();
        while (isThreadStart(lx.peek()) || lx.peek().is("void")) {
            if (lx.peek().is("void")) {
                lx.next(); // 'void P0(...)' is accepted by herd7 too
                if (!isThreadStart(lx.peek())) {
                    throw lx.error(lx.peek(), "a thread P" + threads.size() + " after 'void'");
                }
            }
            thread();
        }
        if (threads.isEmpty()) {
            throw lx.error(lx.peek(), "a thread P0(...) { ... }");
        }
        List<String> locations = new ArrayList<>();
        List<LitmusToken> locationTokens = new ArrayList<>();
        Condition condition = null;
        LitmusToken condAt = null;
        Cond filter = null;
        List<LitmusToken> filterFieldTokens = new ArrayList<>();
        List<LitmusToken> condFieldTokens = new ArrayList<>();
        boolean trailingSemicolon = false;
        while (lx.peek().kind() != LitmusToken.Kind.EOF) {
            LitmusToken t = lx.peek();
            if (t.is("locations") && locations.isEmpty()) {
                lx.next();
                locationsClause(locations, locationTokens);
            } else if (t.is("filter") && filter == null && condition == null) {
                lx.next();
                filter = disjunction(filterFieldTokens);
            } else if (condition == null && (t.is("exists") || t.is("forall") || t.is("~"))) {
                condAt = t;
                condition = condition(condFieldTokens);
            } else if (condition == null) {
                throw lx.error(t, isThreadStart(t) ? "threads numbered P0, P1, ... in order"
                        : "'locations [...]', 'filter', 'exists', '~exists' or 'forall'");
            } else if (t.is(";") && !trailingSemicolon) {
                lx.next(); // herd7 accepts 'exists (...);'
                trailingSemicolon = true;
            } else {
                throw lx.error(t, "end of file after the condition");
            }
        }
        // Every pointer parameter and every location named as a value is a shared location, 0 unless initialised.
        for (String p : params) {
            init.putIfAbsent(p, Value.of(0));
        }
        for (String r : referenced) {
            init.putIfAbsent(r, Value.of(0));
        }
        List<ThreadCode> finalThreads = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            List<Instr> body = new ArrayList<>(registerInits.getOrDefault(i, List.of()));
            body.addAll(threads.get(i).body());
            finalThreads.add(new ThreadCode(threads.get(i).name(), body));
        }
        for (Integer t : registerInits.keySet()) {
            if (t >= threads.size()) {
                LitmusToken at = registerInitAt.get(t);
                throw new LitmusSyntaxException(lx.file(), at.line(), at.column(),
                        "a register of thread P0..P" + (threads.size() - 1) + " in the init block", "thread P" + t);
            }
        }
        Set<String> fields = new TreeSet<>(HerdNames.FIELD_ORDER);
        List<LitmusToken> fieldTokens = new ArrayList<>(condFieldTokens);
        fieldTokens.addAll(locationTokens);
        if (condition != null) {
            condition.proposition().collectFields(fields);
        }
        fields.addAll(locations);
        List<Observable> observables = new ArrayList<>();
        for (String f : fields) {
            LitmusToken at = fieldTokens.stream().filter(t -> normalisedField(t).equals(f)).findFirst().orElse(condAt);
            observables.add(observable(f, at));
        }
        Filter filterOf = null;
        if (filter != null) {
            Set<String> filterFields = new TreeSet<>(HerdNames.FIELD_ORDER);
            filter.collectFields(filterFields);
            List<Observable> filterObservables = new ArrayList<>();
            for (String f : filterFields) {
                LitmusToken at = filterFieldTokens.stream().filter(t -> t.text().equals(f)).findFirst().orElseThrow();
                filterObservables.add(observable(f, at));
            }
            filterOf = new Filter(filter, filterObservables);
        }
        try {
            Program program = new Program(name, init, finalThreads, observables, condition, filterOf);
            return new LitmusTest(name, program, locations, source, warnings);
        } catch (IllegalArgumentException e) {
            LitmusToken at = condAt != null ? condAt : c;
            throw new LitmusSyntaxException(lx.file(), at.line(), at.column(), "a consistent test", e.getMessage());
        }
    }

    /** Where a header line stops being a test name: the first blank or character herd7 does not allow. */
    private static int firstOddCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (!(Character.isLetterOrDigit(ch) || "_/.-+[]:".indexOf(ch) >= 0)) {
                return i;
            }
        }
        return 0;
    }

    /** The field a condition / locations token was recorded for (tokens carry their normalised text). */
    private static String normalisedField(LitmusToken t) {
        return t.text();
    }

    private Observable observable(String field, LitmusToken at) {
        if (HerdNames.isRegister(field)) {
            int t = HerdNames.threadOf(field);
            if (t >= threads.size()) {
                throw new LitmusSyntaxException(lx.file(), at.line(), at.column(),
                        "a register of thread P0..P" + (threads.size() - 1), "'" + field + "'");
            }
            String reg = HerdNames.registerOf(field);
            Set<String> named = threadRegisters.get(t);
            if (!named.contains(reg)) {
                // herd7 7.58 answers such a test, reading the register as 0 (public tests rely on
                // it: C-srcu-nest-6 lists 0:r1 in its locations); a misspelt one never matches, so say so.
                warnings.add(lx.file() + ":" + at.line() + ":" + at.column() + ": '" + field + "' is no register P" + t
                        + " declares, assigns or initialises (" + (named.isEmpty() ? "it has none"
                        : String.join(", ", named)) + "); herd7 reads it as 0, and so does daxlab");
            }
            return Observable.register(field, "P" + t, reg);
        }
        if (!init.containsKey(field)) {
            // herd7 7.58 answers this too: a location no thread touches, 0 at the end ([z]=0).
            warnings.add(lx.file() + ":" + at.line() + ":" + at.column() + ": '" + field + "' is no shared location of"
                    + " this test (" + String.join(", ", init.keySet()) + "); herd7 reads it as 0, and so does daxlab");
            init.put(field, Value.of(0));
        }
        return Observable.location(field);
    }

    private static boolean isThreadStart(LitmusToken t) {
        return t.isIdent() && THREAD.matcher(t.text()).matches();
    }

    // ------------------------------------------------------------------ init block

    private void initBlock() {
        while (!lx.accept("}")) {
            if (lx.accept(";")) {
                continue;
            }
            LitmusToken t = lx.peek();
            if (t.kind() == LitmusToken.Kind.NUMBER || (isThreadStart(t))) {
                registerInit(false);
            } else if (t.isIdent()) {
                locationInit();
            } else {
                throw lx.error(t, "an initialisation such as 'x=1;', 'int *p = &x;' or '0:r0=1;', or '}'");
            }
            LitmusToken end = lx.peek();
            if (!end.is("}")) {
                lx.expect(";", "';' after an initialisation");
            }
        }
    }

    /** {@code 0:r1=2}, or after a type ({@code int *1:r1;}, {@code int 0:r0 = 1;}) with the value optional. */
    private void registerInit(boolean typed) {
        LitmusToken t = lx.next();
        int thread = threadNumber(t);
        registerInitAt.putIfAbsent(thread, t);
        lx.expect(":", "':' between thread and register");
        LitmusToken reg = lx.ident("a register name");
        initRegisters.computeIfAbsent(thread, k -> new LinkedHashSet<>()).add(reg.text());
        if (typed && !lx.peek().is("=")) {
            // A declaration only: the register starts at 0 like every register.
            registerInits.computeIfAbsent(thread, k -> new ArrayList<>());
            return;
        }
        lx.expect("=", "'=' and an initial value");
        Value v = initValue();
        registerInits.computeIfAbsent(thread, k -> new ArrayList<>()).add(new Instr.Assign(reg.text(), Expr.val(v)));
    }

    /** A thread number and ':' start a register: {@code 0:r1}, {@code P0:r1}. */
    private boolean atRegister() {
        LitmusToken t = lx.peek();
        return t.kind() == LitmusToken.Kind.NUMBER || isThreadStart(t);
    }

    private int threadNumber(LitmusToken t) {
        String digits = t.kind() == LitmusToken.Kind.NUMBER ? t.text() : t.text().substring(1);
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw lx.error(t, "a thread number");
        }
    }

    private void locationInit() {
        LitmusToken first = lx.next();
        LitmusToken name = first;
        if (!lx.peek().is("=")) {
            // A declaration: type words and stars, then the name.
            if (!ThreadParser.TYPE_WORDS.contains(first.text())) {
                throw lx.error(first, "a location, 'x=1', or a declaration such as 'int x = 1'");
            }
            if (first.is("struct")) {
                lx.ident("a struct name");
            }
            while (true) {
                LitmusToken t = lx.peek();
                if (t.is("*")) {
                    lx.next();
                } else if (t.isIdent() && ThreadParser.TYPE_WORDS.contains(t.text())) {
                    lx.next();
                } else {
                    break;
                }
            }
            if (atRegister()) {
                registerInit(true);
                return;
            }
            name = lx.ident("the name of the declared location, or a register such as 0:r1");
        }
        Value v = Value.of(0);
        if (lx.accept("=")) {
            v = initValue();
        }
        if (init.containsKey(name.text())) {
            throw lx.error(name, "each location initialised once");
        }
        init.put(name.text(), v);
    }

    private Value initValue() {
        LitmusToken t = lx.next();
        Value number = number(t);
        if (number != null) {
            return number;
        }
        t = afterAmpersand(t);
        if (t.isIdent()) {
            if (t.is("ATOMIC_INIT")) {
                lx.expect("(", "'(' after ATOMIC_INIT");
                nesting.enter(t, "ATOMIC_INIT(...)");
                try {
                    Value v = initValue();
                    lx.expect(")", "')' closing ATOMIC_INIT(");
                    return v;
                } finally {
                    nesting.leave();
                }
            }
            referenced.add(t.text());
            return new Value.Addr(t.text());
        }
        throw lx.error(t, "an initial value (a number, a location, or &location)");
    }

    // ------------------------------------------------------------------ threads

    private void thread() {
        LitmusToken head = lx.next();
        int n = threadNumber(head);
        if (n != threads.size()) {
            throw lx.error(head, "thread P" + threads.size() + " (threads are numbered P0, P1, ... in order)");
        }
        Set<String> initialised = new LinkedHashSet<>(initRegisters.getOrDefault(n, Set.of()));
        ThreadParser tp = new ThreadParser(lx, head.text(), initialised, tempBase);
        threads.add(tp.parse());
        params.addAll(tp.params());
        threadRegisters.add(tp.registers());
    }

    // ------------------------------------------------------------------ locations and condition

    private void locationsClause(List<String> out, List<LitmusToken> tokens) {
        lx.expect("[", "'[' after locations");
        while (!lx.accept("]")) {
            LitmusToken at = lx.peek();
            String f = field();
            out.add(f);
            tokens.add(new LitmusToken(at.kind(), f, at.offset(), at.line(), at.column()));
            if (!lx.peek().is("]")) {
                lx.expect(";", "';' or ']' in the locations list");
            }
        }
    }

    /** {@code 0:r0}, {@code P0:r0}, {@code x} or {@code [x]}, normalised to herd7's {@code 0:r0} / {@code x}. */
    private String field() {
        LitmusToken t = lx.next();
        if (t.is("[")) {
            LitmusToken loc = lx.ident("a location name");
            lx.expect("]", "']'");
            return loc.text();
        }
        if (t.kind() == LitmusToken.Kind.NUMBER || isThreadStart(t)) {
            if (lx.peek().is(":")) {
                lx.next();
                int n = threadNumber(t);
                LitmusToken reg = lx.ident("a register name after ':'");
                return n + ":" + reg.text();
            }
            if (t.kind() == LitmusToken.Kind.NUMBER) {
                throw lx.error(lx.peek(), "':' and a register (as in 0:r0)");
            }
        }
        if (t.isIdent()) {
            return t.text();
        }
        throw lx.error(t, "a location (x) or a thread's register (0:r0)");
    }

    private Condition condition(List<LitmusToken> fieldTokens) {
        LitmusToken t = lx.next();
        Condition.Quantifier q;
        if (t.is("~")) {
            LitmusToken e = lx.next();
            if (!e.is("exists")) {
                throw lx.error(e, "'exists' after '~'");
            }
            q = Condition.Quantifier.NOT_EXISTS;
        } else if (t.is("exists")) {
            q = Condition.Quantifier.EXISTS;
        } else if (t.is("forall")) {
            q = Condition.Quantifier.FORALL;
        } else {
            throw lx.error(t, "'exists', '~exists' or 'forall'");
        }
        return new Condition(q, disjunction(fieldTokens));
    }

    private Cond disjunction(List<LitmusToken> fieldTokens) {
        Cond c = conjunction(fieldTokens);
        while (lx.peek().is("\\/")) {
            LitmusToken op = lx.next();
            Cond right = conjunction(fieldTokens);
            c = node(op, new Cond.Or(c, right), c, right);
        }
        return c;
    }

    private Cond conjunction(List<LitmusToken> fieldTokens) {
        Cond c = negation(fieldTokens);
        while (lx.peek().is("/\\")) {
            LitmusToken op = lx.next();
            Cond right = negation(fieldTokens);
            c = node(op, new Cond.And(c, right), c, right);
        }
        return c;
    }

    /** Records how deep {@code c} is (a chain of /\ as deep as it is long); too deep is an error at {@code at}. */
    private Cond node(LitmusToken at, Cond c, Cond... children) {
        int d = 1;
        for (Cond child : children) {
            d = Math.max(d, depths.getOrDefault(child, 1) + 1);
        }
        if (d > Nesting.MAX) {
            throw Nesting.tooDeep(lx, at, "conditions (operators, parentheses)");
        }
        if (d > 1) {
            depths.put(c, d);
        }
        return c;
    }

    private Cond negation(List<LitmusToken> fieldTokens) {
        LitmusToken t = lx.peek();
        if (t.is("~") || t.is("not")) {
            lx.next();
            nesting.enter(t, "conditions (operators, parentheses)");
            try {
                Cond operand = negation(fieldTokens);
                return node(t, new Cond.Not(operand), operand);
            } finally {
                nesting.leave();
            }
        }
        if (t.is("(")) {
            lx.next();
            nesting.enter(t, "conditions (operators, parentheses)");
            try {
                Cond c = disjunction(fieldTokens);
                lx.expect(")", "')' or an operator (/\\, \\/)");
                return c;
            } finally {
                nesting.leave();
            }
        }
        if (t.is("true")) {
            lx.next();
            return new Cond.True();
        }
        if (t.is("false")) {
            lx.next();
            return new Cond.Not(new Cond.True());
        }
        LitmusToken at = lx.peek();
        String f = field();
        fieldTokens.add(new LitmusToken(at.kind(), f, at.offset(), at.line(), at.column()));
        LitmusToken op = lx.next();
        if (!op.is("=") && !op.is("!=")) {
            throw lx.error(op, "'=' or '!=' and a value after " + f);
        }
        Cond atom = equality(f, fieldTokens);
        // herd7 reads x!=v as not (x=v), and prints it so.
        return op.is("!=") ? node(op, new Cond.Not(atom), atom) : atom;
    }

    /** What follows {@code field=}: a value, or another field ({@code 0:r0=1:r0}, {@code x=0:r1}). */
    private Cond equality(String f, List<LitmusToken> fieldTokens) {
        LitmusToken v = lx.peek();
        if (v.kind() == LitmusToken.Kind.NUMBER || isThreadStart(v)) {
            // herd7 compares two fields too: 0:r0=1:r0, x=0:r1 (a thread's register on the right).
            lx.next();
            if (lx.peek().is(":")) {
                lx.next();
                LitmusToken reg = lx.ident("a register name after ':'");
                String other = threadNumber(v) + ":" + reg.text();
                fieldTokens.add(new LitmusToken(v.kind(), other, v.offset(), v.line(), v.column()));
                return new Cond.Same(f, other);
            }
            return new Cond.Eq(f, valueFrom(v));
        }
        return new Cond.Eq(f, condValue());
    }

    private Value condValue() {
        return valueFrom(lx.next());
    }

    /** A value starting at token {@code t} (already read): a number, {@code &x} or {@code x}. */
    private Value valueFrom(LitmusToken t) {
        Value number = number(t);
        if (number != null) {
            return number;
        }
        t = afterAmpersand(t);
        if (t.isIdent()) {
            referenced.add(t.text());
            return new Value.Addr(t.text());
        }
        throw lx.error(t, "a value (a number or a location)");
    }

    /** A (possibly negative) integer literal starting at {@code t}, or null when {@code t} starts none. */
    private Value number(LitmusToken t) {
        if (t.is("-")) {
            LitmusToken n = lx.next();
            if (n.kind() != LitmusToken.Kind.NUMBER) {
                throw lx.error(n, "a number after '-'");
            }
            return Value.of(-lx.number(n));
        }
        return t.kind() == LitmusToken.Kind.NUMBER ? Value.of(lx.number(t)) : null;
    }

    /** {@code &x} and {@code x} both name location x: skips the '&'. */
    private LitmusToken afterAmpersand(LitmusToken t) {
        return t.is("&") ? lx.ident("a location after '&'") : t;
    }
}
