package daxlab.cli;

import daxlab.outcome.Histogram;

/** Text layouts shared by the commands. */
final class HistogramText {
    private HistogramText() {
    }

    /** The histogram table, then each FORBIDDEN outcome's witness, one step per line. */
    static String histogramWithWitnesses(Histogram h) {
        StringBuilder sb = new StringBuilder(h.table());
        for (Histogram.Entry e : h.forbidden()) {
            if (e.witness() == null) {
                continue;
            }
            sb.append("\nwitness of FORBIDDEN ").append(e.outcome().text()).append(" (").append(e.grade().label())
                    .append("):\n");
            for (String line : e.witness().lines()) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
