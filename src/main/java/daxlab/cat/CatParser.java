package daxlab.cat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a cat (or bell) file. Operators, loosest first: {@code |}, {@code ++}, {@code ;},
 * {@code \}, {@code &}, cartesian {@code *}; then the postfix {@code * + ? ^-1} and prefix
 * {@code ~}; application ({@code f x}, {@code f(x, y)}) binds tightest. A {@code *} followed by
 * something that can start an expression is the cartesian product, otherwise the closure.
 * Errors are {@link CatException}s at {@code file:line:col}. Expressions and instructions nest
 * at most {@link #MAX_NESTING} deep (a chain {@code a | b | ...} as deep as it is long: that is
 * how deep the parser recurses, and the interpreter after it), so a file nested thousands deep is
 * an error at its place rather than a stack overflow.
 */
final class CatParser {
    /** A parsed file: the model's title (its leading string, if any) and its instructions. */
    record File(String name, String title, List<Stmt> statements) {
    }

    private static final Set<String> KEYWORDS = Set.of("let", "rec", "and", "when", "acyclic", "irreflexive",
            "show", "unshow", "empty", "subset", "as", "fun", "in", "undefined_unless", "flag", "assert", "include",
            "variant", "begin", "end", "procedure", "call", "enum", "debug", "match", "with", "forall", "from", "do",
            "try", "if", "then", "else", "catdep", "instructions", "default", "not");

    /** Constructs herd7's cat has that the LKMM's files do not use and this interpreter does not run. */
    private static final Set<String> UNSUPPORTED = Set.of("procedure", "call", "forall", "match", "debug",
            "undefined_unless", "assert", "catdep", "when");

    /** The deepest nesting of expressions and instructions accepted; the kernel's files nest a dozen deep. */
    static final int MAX_NESTING = 200;

    private final List<CatToken> tokens;
    private int k;
    private int depth;

    private CatParser(List<CatToken> tokens) {
        this.tokens = tokens;
    }

    static File parse(String fileName, String text) {
        CatParser p = new CatParser(CatLexer.tokens(fileName, text));
        return p.file(fileName);
    }

    // ------------------------------------------------------------------ tokens

    private CatToken peek() {
        return tokens.get(k);
    }

    private CatToken peek(int ahead) {
        return tokens.get(Math.min(k + ahead, tokens.size() - 1));
    }

    private CatToken next() {
        CatToken t = tokens.get(k);
        if (t.kind() != CatToken.Kind.EOF) {
            k++;
        }
        return t;
    }

    private boolean at(String s) {
        return peek().is(s);
    }

    private boolean accept(String s) {
        if (at(s)) {
            k++;
            return true;
        }
        return false;
    }

    private CatToken expect(String s) {
        if (!at(s)) {
            throw error(peek(), "expected '" + s + "'");
        }
        return next();
    }

    /** One level deeper at {@code t}; pair with {@link #shallower}. */
    private void deeper(CatToken t) {
        if (++depth > MAX_NESTING) {
            throw new CatException(t.pos(), "expected at most " + MAX_NESTING + " levels of nested expressions and "
                    + "instructions but found " + t.describe() + " at level " + (MAX_NESTING + 1));
        }
    }

    private void shallower(int levels) {
        depth -= levels;
    }

    private CatException error(CatToken t, String what) {
        return new CatException(t.pos(), what + " but found " + t.describe());
    }

    private static boolean isVariable(CatToken t) {
        return t.kind() == CatToken.Kind.NAME && !KEYWORDS.contains(t.text());
    }

    private String variable(String what) {
        CatToken t = peek();
        if (!isVariable(t)) {
            throw error(t, "expected " + what);
        }
        next();
        return t.text();
    }

    private void refuseUnsupported(CatToken t) {
        if (t.kind() == CatToken.Kind.NAME && UNSUPPORTED.contains(t.text())) {
            throw new CatException(t.pos(), "'" + t.text() + "' is part of herd7's cat language but not of what"
                    + " daxlab's interpreter runs (the LKMM's files do not use it)");
        }
    }

    // ------------------------------------------------------------------ file and instructions

    private File file(String fileName) {
        String title = null;
        // herd7 accepts an identity before the instructions: "title", or an architecture name and a title.
        if (peek().kind() == CatToken.Kind.STRING) {
            title = next().text();
        } else if (isVariable(peek())) {
            CatToken first = next();
            title = first.text();
            if (peek().kind() == CatToken.Kind.STRING || isVariable(peek())) {
                title = next().text();
            }
        }
        List<Stmt> out = statements(Set.of());
        if (peek().kind() != CatToken.Kind.EOF) {
            throw error(peek(), "expected an instruction (let, include, acyclic, irreflexive, empty, flag, ...)");
        }
        return new File(fileName, title, out);
    }

    /** Instructions until the end of the file or one of {@code stops} (not consumed). */
    private List<Stmt> statements(Set<String> stops) {
        List<Stmt> out = new ArrayList<>();
        while (true) {
            CatToken t = peek();
            if (t.kind() == CatToken.Kind.EOF || t.kind() == CatToken.Kind.NAME && stops.contains(t.text())) {
                return out;
            }
            Stmt s = statement();
            if (s == null) {
                return out;
            }
            out.add(s);
        }
    }

    /** One instruction, or null when the next token cannot start one. */
    private Stmt statement() {
        CatToken t = peek();
        refuseUnsupported(t);
        if (t.kind() != CatToken.Kind.NAME && !t.is("~")) {
            return null;
        }
        switch (t.text()) {
            case "let": {
                next();
                boolean rec = accept("rec");
                List<CatExpr.Binding> bs = bindings();
                accept("in");
                return rec ? new Stmt.LetRec(t.pos(), bs) : new Stmt.Let(t.pos(), bs);
            }
            case "include": {
                next();
                CatToken f = next();
                if (f.kind() != CatToken.Kind.STRING) {
                    throw error(f, "expected a file name in quotes after include");
                }
                return new Stmt.Include(t.pos(), f.text());
            }
            case "enum": {
                next();
                String name = variable("an enum name");
                expect("=");
                accept("||");
                List<String> tags = new ArrayList<>();
                do {
                    CatToken tag = next();
                    if (tag.kind() != CatToken.Kind.TAG) {
                        throw error(tag, "expected a tag ('name)");
                    }
                    tags.add(tag.text());
                } while (accept("||"));
                return new Stmt.Enum(t.pos(), name, tags);
            }
            case "instructions":
            case "default": {
                next();
                String kind = variable("an event kind (R, W, RMW, F, ...)");
                expect("[");
                List<CatExpr> args = new ArrayList<>();
                if (!at("]")) {
                    do {
                        args.add(union());
                    } while (accept(","));
                }
                expect("]");
                return new Stmt.Instructions(t.pos(), kind, args);
            }
            case "show":
            case "unshow": {
                next();
                expr();
                if (accept("as")) {
                    variable("a name");
                }
                while (accept(",")) {
                    expr();
                }
                return new Stmt.Show(t.pos());
            }
            case "with": {
                next();
                String name = variable("a name");
                expect("from");
                return new Stmt.WithFrom(t.pos(), name, expr());
            }
            case "if": {
                next();
                deeper(t);
                try {
                    CatExpr.VariantCondition c = variantCondition();
                    List<Stmt> then = statements(Set.of("else", "end"));
                    List<Stmt> otherwise = List.of();
                    if (accept("else")) {
                        otherwise = statements(Set.of("end"));
                    }
                    expect("end");
                    return new Stmt.IfVariant(t.pos(), c, then, otherwise);
                } finally {
                    shallower(1);
                }
            }
            default:
                return check();
        }
    }

    /** {@code [flag] [~] (acyclic | irreflexive | empty) e [as name]}, or null. */
    private Stmt check() {
        CatToken start = peek();
        int mark = k;
        boolean flag = accept("flag");
        boolean negated = accept("~");
        CatToken t = peek();
        Stmt.Test test;
        if (t.is("acyclic")) {
            test = Stmt.Test.ACYCLIC;
        } else if (t.is("irreflexive")) {
            test = Stmt.Test.IRREFLEXIVE;
        } else if (t.is("empty")) {
            test = Stmt.Test.EMPTY;
        } else {
            if (flag || negated) {
                throw error(t, "expected acyclic, irreflexive or empty");
            }
            k = mark;
            return null;
        }
        next();
        CatExpr e = expr();
        String name = accept("as") ? variable("a name after 'as'") : null;
        return new Stmt.Check(start.pos(), flag, negated, test, e, name);
    }

    private List<CatExpr.Binding> bindings() {
        List<CatExpr.Binding> out = new ArrayList<>();
        do {
            out.add(binding());
        } while (accept("and"));
        return out;
    }

    /** {@code x = e}, {@code f x = e}, {@code f(x, y) = e}, {@code (a, b) = e}. */
    private CatExpr.Binding binding() {
        CatToken t = peek();
        if (at("(")) {
            CatExpr.Pattern p = formals();
            expect("=");
            return new CatExpr.Binding(t.pos(), p, expr());
        }
        String name = variable("a name to bind");
        if (accept("=")) {
            return new CatExpr.Binding(t.pos(), CatExpr.Pattern.single(name), expr());
        }
        CatExpr.Pattern params;
        if (at("(")) {
            params = formals();
        } else if (isVariable(peek()) || at("_")) {
            params = CatExpr.Pattern.single(at("_") ? nullName() : next().text());
        } else {
            throw error(peek(), "expected '=' or the parameters of " + name);
        }
        CatToken eq = expect("=");
        CatExpr body = expr();
        return new CatExpr.Binding(t.pos(), CatExpr.Pattern.single(name), new CatExpr.Fun(eq.pos(), params, body, name));
    }

    private String nullName() {
        next();
        return null;
    }

    /** {@code (x)}, {@code (x, y)}, {@code ()}. */
    private CatExpr.Pattern formals() {
        expect("(");
        List<String> names = new ArrayList<>();
        if (!at(")")) {
            do {
                names.add(at("_") ? nullName() : variable("a parameter name"));
            } while (accept(","));
        }
        expect(")");
        return names.size() == 1 ? CatExpr.Pattern.single(names.get(0)) : new CatExpr.Pattern(names, true);
    }

    private CatExpr.VariantCondition variantCondition() {
        CatExpr.VariantCondition c = variantAtom();
        int chain = 0;
        try {
            while (true) {
                CatToken op = peek();
                if (accept("&&")) {
                    deeper(op);
                    chain++;
                    c = new CatExpr.VariantCondition.And(c, variantAtom());
                } else if (accept("||")) {
                    deeper(op);
                    chain++;
                    c = new CatExpr.VariantCondition.Or(c, variantAtom());
                } else {
                    return c;
                }
            }
        } finally {
            shallower(chain);
        }
    }

    private CatExpr.VariantCondition variantAtom() {
        CatToken t = peek();
        if (accept("not")) {
            deeper(t);
            try {
                return new CatExpr.VariantCondition.Not(variantAtom());
            } finally {
                shallower(1);
            }
        }
        if (accept("(")) {
            deeper(t);
            try {
                CatExpr.VariantCondition c = variantCondition();
                expect(")");
                return c;
            } finally {
                shallower(1);
            }
        }
        accept("variant");
        CatToken s = next();
        if (s.kind() != CatToken.Kind.STRING) {
            throw error(s, "expected a variant name in quotes");
        }
        return new CatExpr.VariantCondition.Named(s.text());
    }

    // ------------------------------------------------------------------ expressions

    /** An expression, a tuple when commas follow. */
    private CatExpr expr() {
        CatToken t = peek();
        deeper(t);
        try {
            return exprHere(t);
        } finally {
            shallower(1);
        }
    }

    private CatExpr exprHere(CatToken t) {
        refuseUnsupported(t);
        switch (t.kind() == CatToken.Kind.NAME ? t.text() : "") {
            case "let": {
                next();
                boolean rec = accept("rec");
                List<CatExpr.Binding> bs = bindings();
                expect("in");
                CatExpr body = expr();
                return rec ? new CatExpr.LetRec(t.pos(), bs, body) : new CatExpr.Let(t.pos(), bs, body);
            }
            case "fun": {
                next();
                CatExpr.Pattern p = at("(") ? formals() : CatExpr.Pattern.single(at("_") ? nullName() : variable("a parameter"));
                expect("->");
                return new CatExpr.Fun(t.pos(), p, expr(), "fun");
            }
            case "try": {
                next();
                CatExpr body = expr();
                expect("with");
                return new CatExpr.Try(t.pos(), body, expr());
            }
            case "if": {
                next();
                CatExpr.VariantCondition c = variantCondition();
                expect("then");
                CatExpr then = expr();
                expect("else");
                return new CatExpr.If(t.pos(), c, then, expr());
            }
            default:
                break;
        }
        CatExpr first = union();
        if (!at(",")) {
            return first;
        }
        List<CatExpr> parts = new ArrayList<>(List.of(first));
        while (accept(",")) {
            parts.add(union());
        }
        return new CatExpr.Tuple(first.pos(), parts);
    }

    /**
     * {@code operand (symbol rest)?}: the right-associative operators {@code |}, {@code ++},
     * {@code ;} and {@code &}, each operator a level deeper.
     */
    private CatExpr rightAssociative(java.util.function.Supplier<CatExpr> operand, String symbol, CatExpr.BinaryOp kind,
                                  java.util.function.Supplier<CatExpr> rest) {
        CatExpr l = operand.get();
        if (!at(symbol)) {
            return l;
        }
        CatToken op = next();
        deeper(op);
        try {
            return new CatExpr.Binary(op.pos(), kind, l, rest.get());
        } finally {
            shallower(1);
        }
    }

    private CatExpr union() {
        return rightAssociative(this::add, "|", CatExpr.BinaryOp.UNION, this::union);
    }

    private CatExpr add() {
        return rightAssociative(this::seq, "++", CatExpr.BinaryOp.ADD, this::add);
    }

    private CatExpr seq() {
        return rightAssociative(this::diff, ";", CatExpr.BinaryOp.SEQ, this::seq);
    }

    private CatExpr diff() {
        CatExpr l = inter();
        int chain = 0;
        try {
            while (at("\\")) {
                CatToken op = next();
                deeper(op);
                chain++;
                l = new CatExpr.Binary(op.pos(), CatExpr.BinaryOp.DIFF, l, inter());
            }
            return l;
        } finally {
            shallower(chain);
        }
    }

    private CatExpr inter() {
        return rightAssociative(this::cartesian, "&", CatExpr.BinaryOp.INTER, this::inter);
    }

    private CatExpr cartesian() {
        CatExpr l = postfix();
        if (at("*")) {
            CatToken op = next();
            return new CatExpr.Binary(op.pos(), CatExpr.BinaryOp.CARTESIAN, l, postfix());
        }
        return l;
    }

    /**
     * Whether {@code t} can start an operand of the cartesian product, so that a {@code *}
     * before it is a product (an operand is never a {@code let}, {@code fun}, ...: a {@code *}
     * at the end of a definition, before the next {@code let}, is the closure).
     */
    private static boolean startsExpression(CatToken t) {
        switch (t.kind()) {
            case NAME:
                return !KEYWORDS.contains(t.text()) || t.text().equals("begin");
            case TAG:
                return true;
            case SYMBOL:
                return Set.of("(", "[", "{", "_", "0", "~").contains(t.text());
            default:
                return false;
        }
    }

    private CatExpr postfix() {
        CatExpr e;
        if (at("~")) {
            CatToken op = next();
            deeper(op);
            try {
                return new CatExpr.Unary(op.pos(), CatExpr.UnaryOp.COMPLEMENT, postfix());
            } finally {
                shallower(1);
            }
        }
        e = application();
        int chain = 0;
        try {
            while (true) {
                CatToken t = peek();
                CatExpr.UnaryOp op = t.is("*") && !startsExpression(peek(1)) ? CatExpr.UnaryOp.STAR
                        : t.is("+") ? CatExpr.UnaryOp.PLUS : t.is("?") ? CatExpr.UnaryOp.OPT
                        : t.is("^-1") ? CatExpr.UnaryOp.INVERSE : null;
                if (op == null) {
                    return e;
                }
                next();
                deeper(t);
                chain++;
                e = new CatExpr.Unary(t.pos(), op, e);
            }
        } finally {
            shallower(chain);
        }
    }

    /** {@code f a b}: only a name (or an application) applies to what follows it. */
    private CatExpr application() {
        CatExpr e = atom();
        int chain = 0;
        try {
            while ((e instanceof CatExpr.Var || e instanceof CatExpr.App) && startsArgument(peek())) {
                deeper(peek());
                chain++;
                e = new CatExpr.App(e.pos(), e, atom());
            }
            return e;
        } finally {
            shallower(chain);
        }
    }

    /** What may follow a function's name as its argument: what starts an operand, but not {@code ~}. */
    private static boolean startsArgument(CatToken t) {
        return startsExpression(t) && !(t.kind() == CatToken.Kind.SYMBOL && t.text().equals("~"));
    }

    private CatExpr atom() {
        CatToken t = next();
        switch (t.kind()) {
            case NAME:
                if (t.text().equals("begin")) {
                    CatExpr e = expr();
                    expect("end");
                    return e;
                }
                if (KEYWORDS.contains(t.text())) {
                    refuseUnsupported(t);
                    throw error(t, "expected an expression");
                }
                return new CatExpr.Var(t.pos(), t.text());
            case TAG:
                return new CatExpr.Tag(t.pos(), t.text());
            case SYMBOL:
                switch (t.text()) {
                    case "0":
                        return new CatExpr.Empty(t.pos());
                    case "_":
                        return new CatExpr.Universe(t.pos());
                    case "(": {
                        if (accept(")")) {
                            return new CatExpr.Tuple(t.pos(), List.of());
                        }
                        CatExpr e = expr();
                        expect(")");
                        return e;
                    }
                    case "[": {
                        CatExpr e = expr();
                        expect("]");
                        return new CatExpr.ToId(t.pos(), e);
                    }
                    case "{": {
                        if (accept("}")) {
                            return new CatExpr.Empty(t.pos());
                        }
                        List<CatExpr> es = new ArrayList<>();
                        do {
                            es.add(union());
                        } while (accept(","));
                        expect("}");
                        return new CatExpr.SetOf(t.pos(), es);
                    }
                    default:
                        break;
                }
                break;
            default:
                break;
        }
        throw error(t, "expected an expression");
    }
}
