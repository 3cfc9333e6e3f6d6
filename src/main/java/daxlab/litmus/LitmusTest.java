package daxlab.litmus;

import daxlab.program.Program;

import java.util.List;

/**
 * A parsed C litmus test.
 *
 * @param name            the name after {@code C} in the header
 * @param program         the test in the IR: init, threads P0..Pn, observables (named as herd7 names
 *                        them, {@code 0:r0} and {@code x}) and the final condition
 * @param locationsClause the entries of {@code locations [...]}, normalised ({@code 0:r1}, {@code x}); empty without one
 * @param source          the text the test was parsed from (empty when built in code)
 * @param warnings        what the parser accepted as herd7 does but a reader should look at, each
 *                        {@code file:line:col: ...} (a register the thread never has, read as 0)
 */
public record LitmusTest(String name, Program program, List<String> locationsClause, String source,
                         List<String> warnings) {
    public LitmusTest {
        locationsClause = List.copyOf(locationsClause);
        source = source == null ? "" : source;
        warnings = List.copyOf(warnings);
    }

    /** A test the parser had nothing to warn about. */
    public LitmusTest(String name, Program program, List<String> locationsClause, String source) {
        this(name, program, locationsClause, source, List.of());
    }

    /** A test for a program built in code: no {@code locations} clause beyond what the program observes. */
    public static LitmusTest of(Program program) {
        return new LitmusTest(program.name(), program, List.of(), "");
    }
}
