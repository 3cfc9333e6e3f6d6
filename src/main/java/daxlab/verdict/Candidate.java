package daxlab.verdict;

import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;

import java.util.List;

/**
 * A row of the verdict matrix: one way the code could look, a put version with the reader it
 * comes with.
 */
public record Candidate(String name, PutVariant put, ReaderVariant reader) {

    /** The versions the thread discusses, in the order a reader of the thread meets them. */
    public static List<Candidate> fromTheThread() {
        return List.of(
                new Candidate("before the patch", PutVariant.ORIGINAL, ReaderVariant.DOUBLE_READ),
                new Candidate("PATCH v1", PutVariant.PATCH_V1, ReaderVariant.DOUBLE_READ),
                new Candidate("PATCH v1 + relaxed", PutVariant.PATCH_V1_RELAXED, ReaderVariant.DOUBLE_READ),
                new Candidate("review suggestion", PutVariant.REVIEW_SUGGESTION, ReaderVariant.LOAD_ACQUIRE),
                new Candidate("review + relaxed", PutVariant.REVIEW_SUGGESTION_RELAXED, ReaderVariant.LOAD_ACQUIRE),
                new Candidate("check holder", PutVariant.CHECK_HOLDER, ReaderVariant.READ_ONCE),
                new Candidate("check holder + srcu", PutVariant.CHECK_HOLDER_SRCU, ReaderVariant.LOAD_ACQUIRE));
    }

    @Override
    public String toString() {
        return name;
    }
}
