package daxlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser's share of bad input ({@link LitmusFuzz.Kind#DEEP_NESTING}: conditions, blocks, ifs,
 * expressions and pointers nested thousands deep; {@link LitmusFuzz.Kind#NOT_UTF8}: bytes that
 * are not UTF-8, a file in UTF-16): each file gives a result, or an error at the place in the
 * file where it goes wrong ({@code file:line:col:}), with no stack trace, within
 * {@link LitmusFuzzTest#PER_CASE} and the child JVM's heap: the parser limits its nesting and
 * reads the file's bytes itself, so both kinds fail where the file goes wrong.
 */
class ParserFuzzTest {

    @Test
    void deepNestingAndEncodingsGiveAResultOrAnErrorWithItsPlace(@TempDir Path dir) throws Exception {
        List<LitmusFuzz.Case> cases = LitmusFuzz.cases(LitmusFuzz.PARSER, 14, 1);
        List<FuzzRun.Ending> endings = FuzzRun.run(cases, dir, LitmusFuzzTest.PER_CASE, "--budget=20000");
        System.out.println("ParserFuzzTest: " + FuzzRun.summary(endings));
        assertEquals(cases.size(), endings.size());
        List<FuzzRun.Ending> bad = endings.stream().filter(e -> !(e.verdict() == FuzzRun.Verdict.RESULT
                || e.verdict() == FuzzRun.Verdict.CLEAN_ERROR && placed(e))).collect(Collectors.toList());
        assertTrue(bad.isEmpty(), () -> bad.size() + " of " + endings.size() + " cases neither ran nor failed at a "
                + "place in the file:\n" + bad.stream().map(FuzzRun.Ending::toString).collect(Collectors.joining("\n\n")));
    }

    /** The error names the file, a line and a column. */
    private static boolean placed(FuzzRun.Ending e) {
        return Pattern.compile(Pattern.quote(e.c().name()) + ":\\d+:\\d+: ").matcher(e.err()).find();
    }
}
