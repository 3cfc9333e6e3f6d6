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
final class Parser {
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

    private final List<Token> tokens;
    private int k;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static File parse(String fileName, String text) {
        Parser p = new Parser(Lexer.tokens(fileName, text));
        return p.file(fileName);
    }

    // ------------------------------------------------------------------ tokens

    private Token peek() {
        return tokens.get(k);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(k + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(k);
        if (t.kind() != Token.Kind.EOF) {
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

    private Token expect(String s) {
        if (!at(s)) {
            throw error(peek(), "expected '" + s + "'");
        }
        return next();
    }

    /** One level deeper at {@code t}; pair with {@link #shallower}. */
    private void deeper(Token t) {
        if (++depth > MAX_NESTING) {
            throw new CatException(t.pos(), "expected at most " + MAX_NESTING + " levels of nested expressions and "
                    + "instructions but found " + t.describe() + " at level " + (MAX_NESTING + 1));
        }
    }

    private void shallower(int levels) {
        depth -= levels;
    }

    private CatException error(Token t, String what) {
        return new CatException(t.pos(), what + " but found " + t.describe());
    }

    private static boolean isVariable(Token t) {
        return t.kind() == Token.Kind.NAME && !KEYWORDS.contains(t.text());
    }

    private String variable(String what) {
        Token t = peek();
        if (!isVariable(t)) {
            throw error(t, "expected " + what);
        }
        next();
        return t.text();
    }

    private void refuseUnsupported(Token t) {
        if (t.kind() == Token.Kind.NAME && UNSUPPORTED.contains(t.text())) {
            throw new CatException(t.pos(), "'" + t.text() + "' is part of herd7's cat language but not of what"
                    + " daxlab's interpreter runs (the LKMM's files do not use it)");
        }
    }

    // ------------------------------------------------------------------ file and instructions

    private File file(String fileName) {
        String title = null;
        // herd7 accepts an identity before the instructions: "title", or an architecture name and a title.
        if (peek().kind() == Token.Kind.STRING) {
            title = next().text();
        } else if (isVariable(peek())) {
            Token first = next();
            title = first.text();
            if (peek().kind() == Token.Kind.STRING || isVariable(peek())) {
                title = next().text();
            }
        }
        List<Stmt> out = statements(Set.of());
        if (peek().kind() != Token.Kind.EOF) {
            throw error(peek(), "expected an instruction (let, include, acyclic, irreflexive, empty, flag, ...)");
        }
        return new File(fileName, title, out);
    }

    /** Instructions until the end of the file or one of {@code stops} (not consumed). */
    private List<Stmt> statements(Set<String> stops) {
        List<Stmt> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.EOF || t.kind() == Token.Kind.NAME && stops.contains(t.text())) {
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
        Token t = peek();
        refuseUnsupported(t);
        if (t.kind() != Token.Kind.NAME && !t.is("~")) {
            return null;
        }
        switch (t.text()) {
            case "let": {
                next();
                boolean rec = accept("rec");
                List<Expr.Binding> bs = bindings();
                accept("in");
                return rec ? new Stmt.LetRec(t.pos(), bs) : new Stmt.Let(t.pos(), bs);
            }
            case "include": {
                next();
                Token f = next();
                if (f.kind() != Token.Kind.STRING) {
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
                    Token tag = next();
                    if (tag.kind() != Token.Kind.TAG) {
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
                List<Expr> args = new ArrayList<>();
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
                    Expr.VariantCondition c = variantCondition();
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
        Token start = peek();
        int mark = k;
        boolean flag = accept("flag");
        boolean negated = accept("~");
        Token t = peek();
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
        Expr e = expr();
        String name = accept("as") ? variable("a name after 'as'") : null;
        return new Stmt.Check(start.pos(), flag, negated, test, e, name);
    }

    private List<Expr.Binding> bindings() {
        List<Expr.Binding> out = new ArrayList<>();
        do {
            out.add(binding());
        } while (accept("and"));
        return out;
    }

    /** {@code x = e}, {@code f x = e}, {@code f(x, y) = e}, {@code (a, b) = e}. */
    private Expr.Binding binding() {
        Token t = peek();
        if (at("(")) {
            Expr.Pattern p = formals();
            expect("=");
            return new Expr.Binding(t.pos(), p, expr());
        }
        String name = variable("a name to bind");
        if (accept("=")) {
            return new Expr.Binding(t.pos(), Expr.Pattern.single(name), expr());
        }
        Expr.Pattern params;
        if (at("(")) {
            params = formals();
        } else if (isVariable(peek()) || at("_")) {
            params = Expr.Pattern.single(at("_") ? nullName() : next().text());
        } else {
            throw error(peek(), "expected '=' or the parameters of " + name);
        }
        Token eq = expect("=");
        Expr body = expr();
        return new Expr.Binding(t.pos(), Expr.Pattern.single(name), new Expr.Fun(eq.pos(), params, body, name));
    }

    private String nullName() {
        next();
        return null;
    }

    /** {@code (x)}, {@code (x, y)}, {@code ()}. */
    private Expr.Pattern formals() {
        expect("(");
        List<String> names = new ArrayList<>();
        if (!at(")")) {
            do {
                names.add(at("_") ? nullName() : variable("a parameter name"));
            } while (accept(","));
        }
        expect(")");
        return names.size() == 1 ? Expr.Pattern.single(names.get(0)) : new Expr.Pattern(names, true);
    }

    private Expr.VariantCondition variantCondition() {
        Expr.VariantCondition c = variantAtom();
        int chain = 0;
        try {
            while (true) {
                Token op = peek();
                if (accept("&&")) {
                    deeper(op);
                    chain++;
                    c = new Expr.VariantCondition.And(c, variantAtom());
                } else if (accept("||")) {
                    deeper(op);
                    chain++;
                    c = new Expr.VariantCondition.Or(c, variantAtom());
                } else {
                    return c;
                }
            }
        } finally {
            shallower(chain);
        }
    }

    private Expr.VariantCondition variantAtom() {
        Token t = peek();
        if (accept("not")) {
            deeper(t);
            try {
                return new Expr.VariantCondition.Not(variantAtom());
            } finally {
                shallower(1);
            }
        }
        if (accept("(")) {
            deeper(t);
            try {
                Expr.VariantCondition c = variantCondition();
                expect(")");
                return c;
            } finally {
                shallower(1);
            }
        }
        accept("variant");
        Token s = next();
        if (s.kind() != Token.Kind.STRING) {
            throw error(s, "expected a variant name in quotes");
        }
        return new Expr.VariantCondition.Named(s.text());
    }

    // ------------------------------------------------------------------ expressions

    /** An expression, a tuple when commas follow. */
    private Expr expr() {
        Token t = peek();
        deeper(t);
        try {
            return exprHere(t);
        } finally {
            shallower(1);
        }
    }

    private Expr exprHere(Token t) {
        refuseUnsupported(t);
        switch (t.kind() == Token.Kind.NAME ? t.text() : "") {
            case "let": {
                next();
                boolean rec = accept("rec");
                List<Expr.Binding> bs = bindings();
                expect("in");
                Expr body = expr();
                return rec ? new Expr.LetRec(t.pos(), bs, body) : new Expr.Let(t.pos(), bs, body);
            }
            case "fun": {
                next();
                Expr.Pattern p = at("(") ? formals() : Expr.Pattern.single(at("_") ? nullName() : variable("a parameter"));
                expect("->");
                return new Expr.Fun(t.pos(), p, expr(), "fun");
            }
            case "try": {
                next();
                Expr body = expr();
                expect("with");
                return new Expr.Try(t.pos(), body, expr());
            }
            case "if": {
                next();
                Expr.VariantCondition c = variantCondition();
                expect("then");
                Expr then = expr();
                expect("else");
                return new Expr.If(t.pos(), c, then, expr());
            }
            default:
                break;
        }
        Expr first = union();
        if (!at(",")) {
            return first;
        }
        List<Expr> parts = new ArrayList<>(List.of(first));
        while (accept(",")) {
            parts.add(union());
        }
        return new Expr.Tuple(first.pos(), parts);
    }

    /**
     * {@code operand (symbol rest)?}: the right-associative operators {@code |}, {@code ++},
     * {@code ;} and {@code &}, each operator a level deeper.
     */
    private Expr rightAssociative(java.util.function.Supplier<Expr> operand, String symbol, Expr.BinaryOp kind,
                                  java.util.function.Supplier<Expr> rest) {
        Expr l = operand.get();
        if (!at(symbol)) {
            return l;
        }
        Token op = next();
        deeper(op);
        try {
            return new Expr.Binary(op.pos(), kind, l, rest.get());
        } finally {
            shallower(1);
        }
    }

    private Expr union() {
        return rightAssociative(this::add, "|", Expr.BinaryOp.UNION, this::union);
    }

    private Expr add() {
        return rightAssociative(this::seq, "++", Expr.BinaryOp.ADD, this::add);
    }

    private Expr seq() {
        return rightAssociative(this::diff, ";", Expr.BinaryOp.SEQ, this::seq);
    }

    private Expr diff() {
        Expr l = inter();
        int chain = 0;
        try {
            while (at("\\")) {
                Token op = next();
                deeper(op);
                chain++;
                l = new Expr.Binary(op.pos(), Expr.BinaryOp.DIFF, l, inter());
            }
            return l;
        } finally {
            shallower(chain);
        }
    }

    private Expr inter() {
        return rightAssociative(this::cartesian, "&", Expr.BinaryOp.INTER, this::inter);
    }

    private Expr cartesian() {
        Expr l = postfix();
        if (at("*")) {
            Token op = next();
            return new Expr.Binary(op.pos(), Expr.BinaryOp.CARTESIAN, l, postfix());
        }
        return l;
    }

    /**
     * Whether {@code t} can start an operand of the cartesian product, so that a {@code *}
     * before it is a product (an operand is never a {@code let}, {@code fun}, ...: a {@code *}
     * at the end of a definition, before the next {@code let}, is the closure).
     */
    private static boolean startsExpression(Token t) {
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

    private Expr postfix() {
        Expr e;
        if (at("~")) {
            Token op = next();
            deeper(op);
            try {
                return new Expr.Unary(op.pos(), Expr.UnaryOp.COMPLEMENT, postfix());
            } finally {
                shallower(1);
            }
        }
        e = application();
        int chain = 0;
        try {
            while (true) {
                Token t = peek();
                Expr.UnaryOp op = t.is("*") && !startsExpression(peek(1)) ? Expr.UnaryOp.STAR
                        : t.is("+") ? Expr.UnaryOp.PLUS : t.is("?") ? Expr.UnaryOp.OPT
                        : t.is("^-1") ? Expr.UnaryOp.INVERSE : null;
                if (op == null) {
                    return e;
                }
                next();
                deeper(t);
                chain++;
                e = new Expr.Unary(t.pos(), op, e);
            }
        } finally {
            shallower(chain);
        }
    }

    /** {@code f a b}: only a name (or an application) applies to what follows it. */
    private Expr application() {
        Expr e = atom();
        int chain = 0;
        try {
            while ((e instanceof Expr.Var || e instanceof Expr.App) && startsArgument(peek())) {
                deeper(peek());
                chain++;
                e = new Expr.App(e.pos(), e, atom());
            }
            return e;
        } finally {
            shallower(chain);
        }
    }

    private static boolean startsArgument(Token t) {
        switch (t.kind()) {
            case NAME:
                return !KEYWORDS.contains(t.text()) || t.text().equals("begin");
            case TAG:
                return true;
            case SYMBOL:
                return Set.of("(", "[", "{", "_", "0").contains(t.text());
            default:
                return false;
        }
    }

    private Expr atom() {
        Token t = next();
        switch (t.kind()) {
            case NAME:
                if (t.text().equals("begin")) {
                    Expr e = expr();
                    expect("end");
                    return e;
                }
                if (KEYWORDS.contains(t.text())) {
                    refuseUnsupported(t);
                    throw error(t, "expected an expression");
                }
                return new Expr.Var(t.pos(), t.text());
            case TAG:
                return new Expr.Tag(t.pos(), t.text());
            case SYMBOL:
                switch (t.text()) {
                    case "0":
                        return new Expr.Empty(t.pos());
                    case "_":
                        return new Expr.Universe(t.pos());
                    case "(": {
                        if (accept(")")) {
                            return new Expr.Tuple(t.pos(), List.of());
                        }
                        Expr e = expr();
                        expect(")");
                        return e;
                    }
                    case "[": {
                        Expr e = expr();
                        expect("]");
                        return new Expr.ToId(t.pos(), e);
                    }
                    case "{": {
                        if (accept("}")) {
                            return new Expr.Empty(t.pos());
                        }
                        List<Expr> es = new ArrayList<>();
                        do {
                            es.add(union());
                        } while (accept(","));
                        expect("}");
                        return new Expr.SetOf(t.pos(), es);
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
