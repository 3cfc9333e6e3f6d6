package daxlab.dax;

import daxlab.outcome.Classifier;
import daxlab.program.Program;

/**
 * One scenario with its variants chosen: the program the engines run and the rules that grade
 * its outcomes. {@code put} and {@code reader} are set even where the scenario does not use
 * them (it then ignores them); {@link #variantLabel} names only the ones it uses.
 */
public record DaxScenario(Scenario scenario, PutVersion put, ReaderVersion reader, Accessors accessors,
                          Program program, Classifier classifier) {

    /**
     * {@code put=ORIGINAL reader=DOUBLE_READ}, naming only the variants this scenario uses; a
     * participant's version by its token ({@code put=yours-check-then-release}).
     */
    public String variantLabel() {
        StringBuilder sb = new StringBuilder();
        if (scenario.usesPut()) {
            sb.append("put=").append(put.id());
        }
        if (scenario.usesReader()) {
            sb.append(sb.length() > 0 ? " " : "").append("reader=").append(reader.id());
        }
        if (accessors != Accessors.MAINLINE) {
            sb.append(sb.length() > 0 ? " " : "").append("accessors=").append(accessors);
        }
        return sb.toString();
    }
}
