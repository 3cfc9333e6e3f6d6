package daxlab.program;

import java.util.regex.Pattern;

/** Checks on the names users give to locations, registers, threads and symbols. */
final class Names {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // Symbols may be composite values built by Expr.Tag, e.g. OK(opsA,A) or -EBUSY.
    private static final Pattern SYMBOL = Pattern.compile("[-A-Za-z0-9_(),.]+");

    private Names() {
    }

    static String requireIdentifier(String name, String what) {
        if (name == null || !IDENT.matcher(name).matches()) {
            throw new IllegalArgumentException("bad " + what + " name '" + name
                    + "': expected a C identifier such as holder_ops or r0");
        }
        return name;
    }

    static String requireIdentifierLike(String name, String what) {
        if (name == null || !SYMBOL.matcher(name).matches()) {
            throw new IllegalArgumentException("bad " + what + " name '" + name
                    + "': expected letters, digits, '_' (and '(),-.' in composite values)");
        }
        return name;
    }
}
