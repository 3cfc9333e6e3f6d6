package daxlab.dax.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one function's kernel C: either a whole definition
 * ({@code void fs_put_dax(struct dax_device *dax_dev, void *holder) { ... }}) or a body, the
 * statements between the braces. The grammar is the part of C that kernel code of this size
 * uses: declarations of locals, assignments, calls, if/else, return, goto and labels, and the
 * operators of C's expressions. Loops, switch and the like are errors here, so that a participant
 * learns at once what the models cannot run.
 */
public final class Parser {
    /** Words that start a type, as declarations and parameters have them. */
    private static final Set<String> TYPE_WORDS = Set.of("void", "int", "long", "short", "char", "unsigned", "signed",
            "bool", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "size_t", "ssize_t", "loff_t", "pgoff_t",
            "phys_addr_t", "const", "volatile", "struct", "union", "enum");
    /** Statements C has and the models do not run. */
    private static final Set<String> UNSUPPORTED = Set.of("while", "for", "do", "switch", "case", "default", "break",
            "continue", "sizeof", "static", "register", "typedef", "asm", "__asm__");

    private final String source;
    private final String text;
    private final List<Token> tokens;
    private int at;

    private Parser(String source, String text) {
        this.source = source;
        this.text = text;
        this.tokens = Lexer.tokens(source, text);
    }

    /**
     * Parses {@code text}, a whole function or a body.
     *
     * @param source how errors name the text: {@code fix("check, then release")}
     * @throws KernelCException at the line and column where the text stops making sense
     */
    public static Ast.Function parse(String source, String text) {
        return new Parser(source, text).unit();
    }

    private Ast.Function unit() {
        Pos start = peek().pos();
        if (startsFunction()) {
            typeName();
            Token name = expectIdent("the function's name");
            expect("(");
            List<Ast.Param> params = new ArrayList<>();
            if (peek().isIdent("void") && peek(1).is(")")) {
                next();
            } else if (!peek().is(")")) {
                do {
                    if (!startsType()) {
                        throw error("a parameter's type");
                    }
                    typeName();
                    Token p = expectIdent("the parameter's name");
                    params.add(new Ast.Param(p.pos(), p.text()));
                } while (accept(","));
            }
            expect(")");
            Ast.Block body = block();
            expectEnd();
            return new Ast.Function(start, name.text(), params, body);
        }
        List<Ast.Stmt> body = new ArrayList<>();
        while (peek().kind() != Token.Kind.EOF) {
            body.add(statement());
        }
        return new Ast.Function(start, null, List.of(), new Ast.Block(start, body));
    }

    /** {@code type *name (}: a definition, not a body (a body never starts by declaring a function). */
    private boolean startsFunction() {
        int k = at;
        if (!startsType(k)) {
            return false;
        }
        k = skipType(k);
        return tokens.get(k).kind() == Token.Kind.IDENT && tokens.get(k + 1).is("(");
    }

    private boolean startsType() {
        return startsType(at);
    }

    private boolean startsType(int k) {
        Token t = tokens.get(k);
        return t.kind() == Token.Kind.IDENT && TYPE_WORDS.contains(t.text());
    }

    /** The index after a type: its words ({@code struct X} counts as two), then its stars. */
    private int skipType(int k) {
        while (startsType(k)) {
            String w = tokens.get(k).text();
            k++;
            if ((w.equals("struct") || w.equals("union") || w.equals("enum")) && tokens.get(k).kind() == Token.Kind.IDENT) {
                k++;
            }
        }
        while (tokens.get(k).is("*")) {
            k++;
        }
        return k;
    }

    private void typeName() {
        at = skipTypeWords(at);
        while (accept("*")) {
            // pointer levels do not matter to the models
        }
    }

    private int skipTypeWords(int k) {
        while (startsType(k)) {
            String w = tokens.get(k).text();
            k++;
            if (w.equals("struct") || w.equals("union") || w.equals("enum")) {
                if (tokens.get(k).kind() != Token.Kind.IDENT) {
                    at = k;
                    throw error("the " + w + "'s name");
                }
                k++;
            }
        }
        return k;
    }

    private Ast.Block block() {
        Token open = expect("{");
        List<Ast.Stmt> body = new ArrayList<>();
        while (!peek().is("}")) {
            if (peek().kind() == Token.Kind.EOF) {
                throw error("'}' to close the block opened at line " + open.pos().line());
            }
            body.add(statement());
        }
        next();
        return new Ast.Block(open.pos(), body);
    }

    private Ast.Stmt statement() {
        Token t = peek();
        if (t.is("{")) {
            return block();
        }
        if (t.is(";")) {
            next();
            return new Ast.Empty(t.pos());
        }
        if (t.kind() == Token.Kind.IDENT) {
            if (UNSUPPORTED.contains(t.text())) {
                throw new KernelCException(source, text, t.pos(),
                        "a statement the models run (declarations, assignments, calls, if/else, return, goto)", t.shown()
                                + (Set.of("while", "for", "do").contains(t.text()) ? " (loops are not modelled)" : ""));
            }
            switch (t.text()) {
                case "if":
                    return ifStatement();
                case "else":
                    throw error("a statement ('else' without an 'if')");
                case "return": {
                    next();
                    Ast.Expr value = peek().is(";") ? null : expression();
                    expect(";");
                    return new Ast.Return(t.pos(), value);
                }
                case "goto": {
                    next();
                    Token label = expectIdent("a label");
                    expect(";");
                    return new Ast.Goto(t.pos(), label.text());
                }
                default:
                    break;
            }
            if (peek(1).is(":")) {
                next();
                next();
                return new Ast.Label(t.pos(), t.text());
            }
            if (startsType()) {
                return declaration();
            }
        }
        Ast.Expr e = expression();
        Token op = peek();
        if (op.is("=")) {
            next();
            Ast.Expr value = expression();
            expect(";");
            return new Ast.Assign(op.pos(), e, value);
        }
        if (op.kind() == Token.Kind.PUNCT && op.text().endsWith("=") && op.text().length() >= 2
                && !op.is("==") && !op.is("!=") && !op.is("<=") && !op.is(">=")) {
            throw new KernelCException(source, text, op.pos(), "';' or '=' (compound assignments are not modelled)",
                    op.shown());
        }
        expect(";");
        return new Ast.ExprStmt(e.pos(), e);
    }

    private Ast.Stmt ifStatement() {
        Token t = next();
        expect("(");
        Ast.Expr cond = expression();
        expect(")");
        Ast.Stmt then = statement();
        Ast.Stmt otherwise = null;
        if (peek().isIdent("else")) {
            next();
            otherwise = statement();
        }
        return new Ast.If(t.pos(), cond, then, otherwise);
    }

    private Ast.Stmt declaration() {
        Pos pos = peek().pos();
        at = skipTypeWords(at);
        List<Ast.Declarator> ds = new ArrayList<>();
        do {
            while (accept("*")) {
                // pointer levels do not matter to the models
            }
            Token name = expectIdent("the variable's name");
            if (peek().is("[")) {
                throw error("'=', ',' or ';' (arrays are not modelled)");
            }
            Ast.Expr init = null;
            if (accept("=")) {
                init = expression();
            }
            ds.add(new Ast.Declarator(name.pos(), name.text(), init));
        } while (accept(","));
        expect(";");
        return new Ast.Decl(pos, ds);
    }

    // ---- expressions, by C's precedence (lowest first) ----

    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"), List.of("^"),
            List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"),
            List.of("*", "/", "%"));

    private Ast.Expr expression() {
        if (peek().is("?")) {
            throw error("an expression");
        }
        Ast.Expr e = binary(0);
        if (peek().is("?")) {
            throw new KernelCException(source, text, peek().pos(), "an operator the models know (?: is not modelled)",
                    peek().shown());
        }
        return e;
    }

    private Ast.Expr binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Ast.Expr left = binary(level + 1);
        while (true) {
            Token op = peek();
            if (op.kind() != Token.Kind.PUNCT || !LEVELS.get(level).contains(op.text())) {
                return left;
            }
            next();
            left = new Ast.Binary(op.pos(), op.text(), left, binary(level + 1));
        }
    }

    private Ast.Expr unary() {
        Token t = peek();
        if (t.is("!") || t.is("-") || t.is("&") || t.is("*") || t.is("~")) {
            next();
            return new Ast.Unary(t.pos(), t.text(), unary());
        }
        if (t.is("++") || t.is("--")) {
            throw error("an expression (++ and -- are not modelled)");
        }
        if (t.is("(") && startsType(at + 1)) {
            throw new KernelCException(source, text, peek(1).pos(), "an expression (casts are not modelled)",
                    peek(1).shown());
        }
        return postfix(primary());
    }

    private Ast.Expr postfix(Ast.Expr e) {
        while (true) {
            Token t = peek();
            if (t.is("->")) {
                next();
                Token field = expectIdent("a field name");
                e = new Ast.Arrow(field.pos(), e, field.text());
            } else if (t.is("(")) {
                next();
                List<Ast.Expr> args = new ArrayList<>();
                if (!peek().is(")")) {
                    do {
                        args.add(expression());
                    } while (accept(","));
                }
                expect(")");
                e = new Ast.Call(e.pos(), e, args);
            } else if (t.is(".") || t.is("[") || t.is("++") || t.is("--")) {
                throw new KernelCException(source, text, t.pos(),
                        "an operator the models know ('->' for fields, calls)", t.shown());
            } else {
                return e;
            }
        }
    }

    private Ast.Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case IDENT:
                if (UNSUPPORTED.contains(t.text()) || TYPE_WORDS.contains(t.text()) || t.text().equals("if")
                        || t.text().equals("else") || t.text().equals("return") || t.text().equals("goto")) {
                    throw error("an expression");
                }
                next();
                return new Ast.Ident(t.pos(), t.text());
            case NUMBER:
                next();
                String digits = t.text().replaceAll("[uUlL]+$", "");
                try {
                    return new Ast.Number(t.pos(), digits.startsWith("0x") || digits.startsWith("0X")
                            ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits));
                } catch (NumberFormatException e) {
                    throw new KernelCException(source, text, t.pos(), "a number that fits 64 bits", t.shown());
                }
            case PUNCT:
                if (t.is("(")) {
                    next();
                    Ast.Expr e = expression();
                    expect(")");
                    return e;
                }
                throw error("an expression");
            default:
                throw error("an expression");
        }
    }

    // ---- tokens ----

    private Token peek() {
        return tokens.get(at);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.EOF) {
            at++;
        }
        return t;
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            next();
            return true;
        }
        return false;
    }

    /**
     * The punctuator {@code punct}, or an error. A missing one at the end of a line is reported
     * where it belongs, just after the last token of that line, as a C compiler reports it.
     */
    private Token expect(String punct) {
        if (!peek().is(punct)) {
            Token prev = at > 0 ? tokens.get(at - 1) : null;
            if (prev != null && peek().pos().line() > prev.pos().line()) {
                Pos after = new Pos(prev.pos().line(), prev.pos().column() + prev.text().length());
                throw new KernelCException(source, text, after, "'" + punct + "'", peek().shown() + " on line "
                        + peek().pos().line());
            }
            throw error("'" + punct + "'");
        }
        return next();
    }

    private Token expectIdent(String what) {
        if (peek().kind() != Token.Kind.IDENT) {
            throw error(what);
        }
        return next();
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.EOF) {
            throw error("the end of the text after the function");
        }
    }

    private KernelCException error(String expected) {
        return new KernelCException(source, text, peek().pos(), expected, peek().shown());
    }
}
