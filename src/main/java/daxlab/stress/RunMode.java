package daxlab.stress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How the JVM running a stress fork executes the twins. jcstress's own sweep uses the same four;
 * the difference between them is the lesson of the double read: the interpreter does every load
 * the bytecode has, C1 and C2 keep one of two plain loads of the same field.
 */
public enum RunMode {
    /** Bytecode interpreted: every load happens, slowly (few samples, wide windows). */
    INTERPRETER("interpreter", "-Xint"),
    /** C1 only (tiered compilation stopped at level 1). */
    C1("C1", "-XX:TieredStopAtLevel=1"),
    /** C2 only. */
    C2("C2", "-XX:-TieredCompilation"),
    /** C2 with its code-motion randomizers: instructions scheduled in random legal orders. */
    C2_STRESS("C2 + stress", "-XX:-TieredCompilation", "-XX:+UnlockDiagnosticVMOptions", "-XX:+StressLCM",
            "-XX:+StressGCM");

    /**
     * Flags every fork gets: a small heap and one GC thread (the forks share the machine with
     * their own actors), and @Contended padding outside the JDK, which jcstress uses to keep its
     * result objects apart.
     */
    static final List<String> COMMON = List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:-RestrictContended");

    private final String label;
    private final List<String> flags;

    RunMode(String label, String... flags) {
        this.label = label;
        this.flags = List.of(flags);
    }

    /** {@code C2 + stress}: for tables. */
    public String label() {
        return label;
    }

    /** The JVM flags of a fork in this mode. */
    public List<String> jvmArgs() {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(flags);
        return Collections.unmodifiableList(all);
    }

    /** The mode whose flags a fork ran with. */
    public static RunMode of(List<String> jvmArgs) {
        for (RunMode m : new RunMode[] {C2_STRESS, INTERPRETER, C1, C2}) {
            if (jvmArgs.containsAll(m.flags)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no run mode has flags " + jvmArgs);
    }

    /** A mode by name ({@code c2}, {@code C2_STRESS}, {@code interpreter}). */
    public static RunMode byName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RunMode m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown run mode '" + name + "'; valid modes: INTERPRETER, C1, C2, C2_STRESS");
    }
}
