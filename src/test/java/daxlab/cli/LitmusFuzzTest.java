package daxlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code daxlab litmus} on bad input ({@link LitmusFuzz}: mutated own tests, many threads, many
 * writers of one location, binary noise), every engine in turn: each file gives a result or a
 * clean error (exit status 2, a message naming the file, no stack trace), within
 * {@link #PER_CASE} and within the child JVM's {@value FuzzRun#HEAP} heap (the budgets stop a run
 * before the heap fills). Deterministic: a failure names its case, which {@link LitmusFuzz#main}
 * writes out again.
 */
class LitmusFuzzTest {
    /** Generous for a shared 2-core machine: a case takes milliseconds to a few seconds. */
    static final Duration PER_CASE = Duration.ofSeconds(60);

    @Test
    void badInputGivesAResultOrACleanErrorInBoundedTimeAndMemory(@TempDir Path dir) throws Exception {
        List<LitmusFuzz.Case> cases = LitmusFuzz.cases(LitmusFuzz.GENERAL, 16, 1);
        List<FuzzRun.Ending> endings = FuzzRun.run(cases, dir, PER_CASE, "--budget=20000");
        System.out.println("LitmusFuzzTest: " + FuzzRun.summary(endings));
        assertEquals(cases.size(), endings.size());
        List<FuzzRun.Ending> bad = endings.stream()
                .filter(e -> e.verdict() != FuzzRun.Verdict.RESULT && e.verdict() != FuzzRun.Verdict.CLEAN_ERROR)
                .collect(Collectors.toList());
        assertTrue(bad.isEmpty(), () -> bad.size() + " of " + endings.size() + " cases neither ran nor failed cleanly:\n"
                + bad.stream().map(FuzzRun.Ending::toString).collect(Collectors.joining("\n\n")));
        for (FuzzRun.Ending e : endings) {
            if (e.verdict() == FuzzRun.Verdict.CLEAN_ERROR) {
                assertTrue(e.err().contains(e.c().name()), () -> "the error names the file: " + e);
            }
        }
        // The budgets, not the parser, stop the programs with many writers of one location.
        assertTrue(endings.stream().filter(e -> e.c().kind() == LitmusFuzz.Kind.MANY_WRITERS)
                .anyMatch(e -> e.err().contains("more than 20000 ")), () -> "a budget stop among " + endings);
    }
}
