package daxlab.program;

/**
 * A named part of the final state that an outcome reports: a shared location or a register of
 * one thread. The name is the outcome's field ({@code holder_ops}, {@code get}, {@code 1:r0}).
 */
public record Observable(String name, Ref ref) {

    /** What an observable reads. */
    public sealed interface Ref permits Loc, Register {
    }

    /** The final value of a shared location. */
    public record Loc(String location) implements Ref {
    }

    /** The final value of {@code register} in thread {@code thread}. */
    public record Register(String thread, String register) implements Ref {
    }

    public Observable {
        if (name == null || name.isBlank() || name.contains(" ")) {
            throw new IllegalArgumentException("bad observable name '" + name + "'");
        }
        java.util.Objects.requireNonNull(ref, "ref");
    }

    public static Observable location(String location) {
        return new Observable(location, new Loc(location));
    }

    public static Observable register(String name, String thread, String register) {
        return new Observable(name, new Register(thread, register));
    }
}
