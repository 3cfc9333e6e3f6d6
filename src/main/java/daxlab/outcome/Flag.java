package daxlab.outcome;

/**
 * A flag a model raises on an allowed execution, as herd7 prints it under the states
 * ({@code Flag data-race}): the LKMM's {@code data-race}, or any flag a cat/bell file declares
 * ({@code flag ~empty r as name}), so the set is open and the name is herd7's.
 *
 * @param name the name herd7 prints after {@code Flag}
 */
public record Flag(String name) implements Comparable<Flag> {
    /** The LKMM's flag on an execution with racing plain accesses. */
    public static final Flag DATA_RACE = new Flag("data-race");

    public Flag {
        if (name == null || name.isBlank() || !name.strip().equals(name) || name.contains(",")) {
            throw new IllegalArgumentException("a flag is one word as herd7 prints it, not '" + name + "'");
        }
    }

    /** The line herd7 prints for it: {@code Flag data-race}. */
    public String herd7() {
        return "Flag " + name;
    }

    @Override
    public int compareTo(Flag o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
