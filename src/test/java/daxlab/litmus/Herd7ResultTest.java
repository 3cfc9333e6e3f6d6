package daxlab.litmus;

import daxlab.program.Condition;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading herd7's output: every .herd7 file of the litmus suites, and printing them back byte for byte. */
class Herd7ResultTest {
    private static final Pattern RESULT = Pattern.compile("\\* Result: (\\w+)");

    @TestFactory
    Stream<DynamicNode> everyHerd7FileParsesAndPrintsBackIdentically() {
        return LitmusSuites.forEachTest(p -> {
            Path h = LitmusSuites.Suite.herd7(p);
            String text = Files.readString(h, StandardCharsets.UTF_8);
            Herd7Result r = Herd7Result.parse(h);
            LitmusTest t = LitmusParser.parse(p);
            assertEquals(t.name(), r.test());
            assertEquals("Allowed", r.kind(), "every suite test is an exists test");
            assertEquals(r.states().size(), r.outcomes().size(), "states are distinct");
            assertEquals(text, Herd7Layout.print(r), "the layout printer reproduces herd7's file");
            // herd7's Condition line is the test's condition
            Condition c = t.program().finalCondition().orElseThrow();
            assertEquals(c, r.parsedCondition());
            assertEquals(r.condition(), Herd7Layout.condition(c));
            // Never/Sometimes/Always agree with the counts and with the test's own Result: line
            assertEquals(r.obsPositive() == 0 ? "Never" : r.obsNegative() == 0 ? "Always" : "Sometimes", r.observation());
            assertEquals(r.ok(), r.obsPositive() > 0);
            Matcher m = RESULT.matcher(t.source());
            assertTrue(m.find(), "the test names its expected result");
            assertEquals(m.group(1), r.observation());
            assertTrue(r.hash().isPresent());
            assertEquals(text.lines().anyMatch("Flag data-race"::equals), r.dataRace(), "Flag data-race");
            // every state names exactly the test's observables
            for (var s : r.states()) {
                assertEquals(t.program().observables().stream().map(o -> o.name()).sorted().toList(),
                        s.keySet().stream().sorted().toList());
            }
        });
    }

    @Test
    void flagsAndTimeLinesAreRead() {
        String text = "Test T Allowed\nStates 1\n0:r0=0; [x]=y;\nOk\nWitnesses\nPositive: 1 Negative: 0\n"
                + "Flag data-race\nCondition exists (0:r0=0)\nObservation T Always 1 0\nTime T 0.01\nHash=abc\n\n";
        Herd7Result r = Herd7Result.parse(text, "t.herd7");
        assertTrue(r.dataRace());
        assertEquals("0.01", r.time().orElseThrow());
        assertEquals(new daxlab.program.Value.Addr("y"), r.states().get(0).get("x"));
        assertEquals(text, Herd7Layout.print(r));
    }

    @Test
    void malformedOutputNamesTheLine() {
        String text = "Test T Allowed\nStates 2\n0:r0=0;\nOk\n";
        LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class, () -> Herd7Result.parse(text, "bad.herd7"));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("bad.herd7:4:"), e.getMessage());
    }
    @Test
    void comparisonsCheckWhatTheySay() {
        String herd = "Test T Allowed\nStates 2\n0:r0=0;\n0:r0=1;\nOk\nWitnesses\nPositive: 1 Negative: 1\n"
                + "Condition exists (0:r0=1)\nObservation T Sometimes 1 1\n";
        String fewer = "Test T Allowed\nStates 1\n0:r0=0;\nNo\nWitnesses\nPositive: 0 Negative: 3\n"
                + "Condition exists (0:r0=1)\nObservation T Never 0 3\n";
        String other = "Test T Allowed\nStates 1\n0:r0=2;\nNo\nWitnesses\nPositive: 0 Negative: 1\nFlag data-race\n"
                + "Condition exists (0:r0=1)\nObservation T Never 0 1\n";
        Herd7Result h = Herd7Result.parse(herd, "h");
        Herd7Result f = Herd7Result.parse(fewer, "f");
        assertEquals(java.util.List.of("missing state 0:r0=1;", "No, herd7: Ok", "Observation Never, herd7: Sometimes",
                "Positive: 0 Negative: 3, herd7: Positive: 1 Negative: 1"), f.differencesFrom(h, Herd7Result.Comparison.EXACT));
        assertEquals(java.util.List.of("missing state 0:r0=1;", "No, herd7: Ok", "Observation Never, herd7: Sometimes"),
                f.differencesFrom(h, Herd7Result.Comparison.WITHOUT_COUNTS));
        // Within a weaker model's answer: fewer states and another verdict are fine, an extra state or flag is not.
        assertEquals(java.util.List.of(), f.differencesFrom(h, Herd7Result.Comparison.WITHIN));
        assertEquals(java.util.List.of("extra state 0:r0=2;", "flags [data-race], herd7: []"),
                Herd7Result.parse(other, "o").differencesFrom(h, Herd7Result.Comparison.WITHIN));
        assertEquals(java.util.List.of(), h.differencesFrom(h, Herd7Result.Comparison.EXACT));
    }
}
