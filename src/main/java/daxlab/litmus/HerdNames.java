package daxlab.litmus;

import daxlab.program.Value;

import java.util.Comparator;

/**
 * How herd7 names and orders the parts of a final state: registers as {@code 0:r0} (thread
 * number, colon, register), locations by their name, printed as {@code [x]} in its output.
 * Registers come first, by thread then name; locations follow, by name.
 */
public final class HerdNames {
    private HerdNames() {
    }

    /** The kernel primitives a litmus test may call ({@code READ_ONCE}, {@code smp_mb}, ...): no register may take their names. */
    public static java.util.Set<String> primitives() {
        return Primitive.all().keySet();
    }

    /** True for {@code 0:r0}, false for {@code x}. */
    public static boolean isRegister(String field) {
        return field.indexOf(':') > 0;
    }

    public static int threadOf(String registerField) {
        return Integer.parseInt(registerField.substring(0, registerField.indexOf(':')));
    }

    public static String registerOf(String registerField) {
        return registerField.substring(registerField.indexOf(':') + 1);
    }

    /** herd7's field order within one state line. */
    public static final Comparator<String> FIELD_ORDER = (a, b) -> {
        boolean ra = isRegister(a);
        boolean rb = isRegister(b);
        if (ra != rb) {
            return ra ? -1 : 1;
        }
        if (ra) {
            int c = Integer.compare(threadOf(a), threadOf(b));
            return c != 0 ? c : registerOf(a).compareTo(registerOf(b));
        }
        return a.compareTo(b);
    };

    /** herd7's value order: integers by value, then addresses and symbols by name. */
    public static final Comparator<Value> VALUE_ORDER = (a, b) -> {
        int ka = rank(a);
        int kb = rank(b);
        if (ka != kb) {
            return Integer.compare(ka, kb);
        }
        if (a instanceof Value.Int) {
            return Long.compare(((Value.Int) a).value(), ((Value.Int) b).value());
        }
        return text(a).compareTo(text(b));
    };

    private static int rank(Value v) {
        return v instanceof Value.Undetermined ? -1 : v instanceof Value.Int ? 0 : v instanceof Value.Addr ? 1 : 2;
    }

    /** A value as herd7 prints it: {@code 1}, {@code x} for the address of x, {@code x+1} past it. */
    public static String text(Value v) {
        if (v instanceof Value.Addr) {
            return ((Value.Addr) v).cell();
        }
        return v.toString();
    }

    /** A field as herd7 prints it in a state or condition: {@code 0:r0}, {@code [x]}. */
    public static String bracketed(String field) {
        return isRegister(field) ? field : "[" + field + "]";
    }
}
