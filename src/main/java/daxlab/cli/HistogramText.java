package daxlab.cli;

import daxlab.outcome.Histogram;

/** Text layouts shared by the commands. */
final class HistogramText {
    private HistogramText() {
    }

    /**
     * The histogram table, then each FORBIDDEN outcome's witness, one step per line, then the
     * LKMM's racing pairs and how many executions of each FORBIDDEN outcome are race-free.
     */
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
        if (!h.races().isEmpty()) {
            sb.append("\ndata races (Flag data-race: no guarantee for the executions that have one):\n");
            h.races().forEach(r -> sb.append("  ").append(r.text()).append('\n'));
            for (Histogram.Entry e : h.forbidden()) {
                sb.append("  FORBIDDEN ").append(e.outcome().text()).append(": ").append(e.raceFree()).append(" of ")
                        .append(e.count()).append(' ').append(h.unit()).append(" race-free\n");
            }
        }
        return sb.toString();
    }
}
