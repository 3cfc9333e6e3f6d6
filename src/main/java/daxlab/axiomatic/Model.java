package daxlab.axiomatic;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An axiomatic memory model: which candidate executions it allows. Each implementation reads
 * side by side with its cat file: one named relation per {@code let}, axioms named as the
 * file names them, checked in the file's order (the first that fails rejects).
 */
public interface Model {
    /** The name the CLI and histograms use: {@code sc-axiomatic}, {@code tso}, {@code armv8}, {@code lkmm}. */
    String name();

    /** Consistent (with flags) or rejected by a named axiom. */
    Verdict check(Execution x);

    /** Every model, in the order outcomes(first) within outcomes(next) as far as that holds. */
    static List<Model> all() {
        return List.of(new Sc(), new Tso(), new Armv8(), new Lkmm());
    }

    /** Names accepted by {@link #byName}. */
    static List<String> names() {
        return List.of("sc-axiomatic", "sc", "tso", "armv8", "lkmm");
    }

    /**
     * The model of that name ({@code sc} and {@code sc-axiomatic} are the same model here).
     *
     * @throws IllegalArgumentException naming the valid models
     */
    static Model byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        switch (n) {
            case "sc":
            case "sc-axiomatic":
                return new Sc();
            case "tso":
            case "x86-tso":
                return new Tso();
            case "armv8":
            case "arm64":
            case "aarch64":
                return new Armv8();
            case "lkmm":
            case "linux-kernel":
                return new Lkmm();
            default:
                throw new IllegalArgumentException("unknown memory model '" + name + "'; valid models: "
                        + names().stream().collect(Collectors.joining(", ")));
        }
    }
}
