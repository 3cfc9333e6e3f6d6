package daxlab.verdict;

import daxlab.dax.Accessors;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of the verdict matrix: one way the code could look. The fs_put_dax() version, the
 * reader and the marking of the accessors around them are separate choices, and a candidate
 * names all three, so that no claim about one is decided by another paired in silently.
 */
public record Candidate(PutVariant put, ReaderVariant reader, Accessors accessors) {

    /**
     * Every fs_put_dax() version with every reader, as mainline's accessors are; then the
     * proposed fixes with the acquire reader and marked accessors.
     */
    public static List<Candidate> grid() {
        List<Candidate> out = new ArrayList<>();
        for (PutVariant p : PutVariant.values()) {
            for (ReaderVariant r : ReaderVariant.values()) {
                out.add(new Candidate(p, r, Accessors.MAINLINE));
            }
        }
        for (PutVariant p : Scenarios.MARKED_FIXES) {
            out.add(new Candidate(p, ReaderVariant.LOAD_ACQUIRE, Accessors.MARKED));
        }
        return out;
    }

    /** The code before the patch: the baseline of every "before -> after" comparison. */
    public static Candidate beforeThePatch() {
        return new Candidate(PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ, Accessors.MAINLINE);
    }

    /** The patch as posted: only fs_put_dax() changes. */
    public static Candidate thePatch() {
        return new Candidate(PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ, Accessors.MAINLINE);
    }

    /** Nobody proposed its fs_put_dax(): its row is marked. */
    public boolean hypothetical() {
        return put.hypothetical();
    }

    /** {@code PATCH v1 / smp_load_acquire}, with {@code / marked} when the accessors are. */
    public String name() {
        return put.label() + " / " + reader.label() + (accessors == Accessors.MARKED ? " / marked" : "");
    }

    @Override
    public String toString() {
        return name();
    }
}
