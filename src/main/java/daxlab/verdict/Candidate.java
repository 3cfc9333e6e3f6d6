package daxlab.verdict;

import daxlab.dax.Accessors;
import daxlab.dax.PutVariant;
import daxlab.dax.PutVersion;
import daxlab.dax.ReaderVariant;
import daxlab.dax.ReaderVersion;
import daxlab.dax.Scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of the verdict matrix: one way the code could look. The fs_put_dax() version, the
 * reader and the marking of the accessors around them are separate choices, and a candidate
 * names all three, so that no claim about one is decided by another paired in silently. Either
 * version may be built in or a participant's own ({@link daxlab.dax.OwnPut},
 * {@link daxlab.dax.OwnReader}).
 */
public record Candidate(PutVersion put, ReaderVersion reader, Accessors accessors) {

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

    /**
     * The rows of a participant's fs_put_dax(): with every built-in reader as mainline's
     * accessors are, then with the acquire reader and marked accessors (where every BAD and every
     * race is the version's own).
     */
    public static List<Candidate> rowsFor(PutVersion put) {
        List<Candidate> out = new ArrayList<>();
        for (ReaderVariant r : ReaderVariant.values()) {
            out.add(new Candidate(put, r, Accessors.MAINLINE));
        }
        out.add(new Candidate(put, ReaderVariant.LOAD_ACQUIRE, Accessors.MARKED));
        return out;
    }

    /**
     * The rows of a participant's reader: with every built-in fs_put_dax() as mainline's accessors
     * are, then with the proposed fixes and marked accessors.
     */
    public static List<Candidate> rowsFor(ReaderVersion reader) {
        List<Candidate> out = new ArrayList<>();
        for (PutVariant p : PutVariant.values()) {
            out.add(new Candidate(p, reader, Accessors.MAINLINE));
        }
        for (PutVariant p : Scenarios.MARKED_FIXES) {
            out.add(new Candidate(p, reader, Accessors.MARKED));
        }
        return out;
    }

    /** One fs_put_dax() with one reader: as mainline's accessors are, and marked. */
    public static List<Candidate> rowsFor(PutVersion put, ReaderVersion reader) {
        return List.of(new Candidate(put, reader, Accessors.MAINLINE), new Candidate(put, reader, Accessors.MARKED));
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

    /** Its fs_put_dax() or its reader was written in a notebook cell: its row is marked as the participant's. */
    public boolean participant() {
        return put.participant() || reader.participant();
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
