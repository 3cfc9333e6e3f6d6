package daxlab.interleave;

/**
 * One step of a schedule: which thread, in which kernel function, made which access and what it
 * read or wrote ({@code P0 fs_put_dax: cmpxchg(holder_data, A, NULL) -> A}).
 */
public record Step(int threadIndex, String thread, String function, String access) {
    public String line() {
        return thread + " " + (function == null ? "" : function + ": ") + access;
    }
}
