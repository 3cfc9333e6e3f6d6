package daxlab.verdict;

import daxlab.lab.Models;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {
    static final Matrix SC = Matrix.compute(Candidate.fromTheThread(), Arrays.asList(Property.values()),
            List.of("sc"), Models::run);

    static Map<String, String> column(Property p) {
        return Candidate.fromTheThread().stream().collect(Collectors.toMap(Candidate::name,
                c -> SC.cell(c, p, "sc").mark()));
    }

    @Test
    void scVerdictsFollowFromTheScenarios() {
        assertEquals(Map.of("before the patch", "BAD", "PATCH v1", "ok", "PATCH v1 + relaxed", "ok",
                "review suggestion", "ok", "review + relaxed", "ok", "check holder", "ok",
                "check holder + srcu", "ok"), column(Property.RACE_FIXED));
        assertEquals(Map.of("before the patch", "ok", "PATCH v1", "BAD", "PATCH v1 + relaxed", "BAD",
                "review suggestion", "BAD", "review + relaxed", "BAD", "check holder", "ok",
                "check holder + srcu", "ok"), column(Property.STRANGER_HARMLESS));
        // Under SC only the grace period keeps the callback's holder_data in step with the ops it loaded.
        assertEquals(List.of("check holder + srcu"), SC.sound().stream().map(Candidate::name).collect(Collectors.toList()));
    }

    @Test
    void badCountsAddUpOverTheScenarios() {
        Cell c = SC.cell(Candidate.fromTheThread().get(0), Property.RACE_FIXED, "sc");
        assertEquals(1, c.bad().intValueExact(), "1 of the 4 put-vs-get interleavings loses the ops");
        assertEquals(4, c.total().intValueExact());
        assertEquals("lost ops", c.counterexample().orElseThrow().grade().label());
    }

    @Test
    void reportFitsSeventyTwoColumnsAndNamesEveryCandidate() {
        String text = Report.text(SC);
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= Report.WIDTH, "too wide: " + line);
            assertEquals(line.stripTrailing(), line, "trailing spaces: '" + line + "'");
        }
        for (Candidate c : Candidate.fromTheThread()) {
            assertTrue(text.contains("* " + c.name() + " ("), c.name());
        }
        assertTrue(text.contains("    P0 fs_put_dax: cmpxchg(holder_data, A, NULL) -> A\n"), text);
    }

    @Test
    void aModelThatFailsIsMarkedNotApplicable() {
        Matrix m = Matrix.compute(Candidate.fromTheThread().subList(0, 1), List.of(Property.RACE_FIXED),
                List.of("nonesuch"), Models::run);
        Cell c = m.cells().get(0);
        assertEquals("n/a", c.mark());
        assertTrue(c.error().contains("unknown model 'nonesuch'"), c.error());
    }
}
