package daxlab.dax;

import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Rule;
import daxlab.program.Cond;

/**
 * The named classes of outcome the scenarios grade: each is a rule label, typed, so that the
 * verdict's claims name the hazards they are about instead of repeating their text.
 */
public enum Hazard {
    /** A holder is registered with NULL ops: its poison recovery is off for good. */
    LOST_OPS("lost ops", OutcomeClass.FORBIDDEN),
    /** The same, done by a wrong-holder fs_put_dax(). */
    OPS_WIPED_BY_STRANGER("ops wiped by a stranger", OutcomeClass.FORBIDDEN),
    /** A holder's ops stay installed with holder_data NULL. */
    STALE_OPS("stale ops", OutcomeClass.FORBIDDEN),
    /** holder_ops belong to another holder than holder_data. */
    MIXED_HOLDER("mixed holder", OutcomeClass.FORBIDDEN),
    /** The reader's second load of holder_ops was NULL: a call through NULL, an oops. */
    NULL_CALL("NULL call", OutcomeClass.FORBIDDEN),
    /** A holder's notify_failure() ran with another holder's data, or with NULL. */
    WRONG_CONTEXT("wrong context", OutcomeClass.FORBIDDEN),
    /** The observer saw holder_data released and still the old ops (concern #1's words). */
    RELEASED_DATA_WITH_OLD_OPS("released data with old ops", OutcomeClass.FORBIDDEN),
    /** fs_put_dax()'s WARN_ON fired on a supported path (kill_dax() cleared holder_data first). */
    FALSE_WARN("false WARN", OutcomeClass.FORBIDDEN),
    /** fs_put_dax() returned without put_dax(): the inode reference leaks. */
    REFERENCE_LEAKED("reference leaked", OutcomeClass.FORBIDDEN),
    /** A callback read its holder's data after that holder's fs_put_dax() returned and it freed the data. */
    CALLBACK_AFTER_PUT("callback after put", OutcomeClass.FORBIDDEN),
    /** After a wrong-holder put, the legitimate holder's notifications return EOPNOTSUPP. */
    RECOVERY_SILENTLY_OFF("recovery silently off", OutcomeClass.INTERESTING),
    /** fs_dax_get() claimed the device while kill_dax() ran, and holds it dead after kill_dax() returned. */
    CLAIMED_DURING_KILL("dead device claimed", OutcomeClass.INTERESTING),
    /** kill_dax()'s plain stores erased a claim fs_dax_get() had just made, without notifying the claimant. */
    CLAIM_WIPED_BY_KILL("claim wiped, holder not told", OutcomeClass.INTERESTING),
    /** fs_dax_get_by_bdev() lost the cmpxchg and returned NULL, keeping its igrab() reference. */
    REFERENCE_KEPT_ON_EBUSY("reference kept on EBUSY", OutcomeClass.INTERESTING);

    private final String label;
    private final OutcomeClass grade;

    Hazard(String label, OutcomeClass grade) {
        this.label = label;
        this.grade = grade;
    }

    /** The rule label, as histograms print it. */
    public String label() {
        return label;
    }

    public OutcomeClass grade() {
        return grade;
    }

    /** The rule that grades outcomes matching {@code when} with this hazard. */
    public Rule when(Cond when) {
        return new Rule(label, grade, when);
    }

    /** The hazard a rule label names. */
    public static Hazard byLabel(String label) {
        for (Hazard h : values()) {
            if (h.label.equals(label)) {
                return h;
            }
        }
        throw new IllegalArgumentException("no hazard labelled '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
