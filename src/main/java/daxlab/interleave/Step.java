package daxlab.interleave;

import java.util.Optional;

/**
 * One step of a schedule: which thread, in which kernel function, made which access and what it
 * read or wrote ({@code P0 fs_put_dax: cmpxchg(holder_data, A, NULL) -> A}); no function for a
 * step at the thread's top level.
 */
public record Step(int threadIndex, String thread, Optional<String> function, String access) {
    public String line() {
        return thread + " " + function.map(f -> f + ": ").orElse("") + access;
    }
}
