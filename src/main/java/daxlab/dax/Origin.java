package daxlab.dax;

/** Who wrote a version of fs_put_dax() or of the reader: what a verdict may say about it depends on it. */
public enum Origin {
    /** The code before the patch (today's reader). */
    MAINLINE,
    /** The patch under review. */
    PATCH,
    /** The reviewer's suggestion. */
    REVIEW,
    /** A fix this project proposes. */
    DAXLAB,
    /** Nobody proposed it: it isolates one question (what cmpxchg_relaxed would do, ...). */
    HYPOTHETICAL,
    /** Written in a notebook cell as kernel C ({@link OwnPut}, {@link OwnReader}): a participant's own. */
    PARTICIPANT
}
