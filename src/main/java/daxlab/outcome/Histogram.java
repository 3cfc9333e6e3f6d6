package daxlab.outcome;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a run found: for each outcome, how many interleavings / executions / observations reached
 * it, its grade, and (from the enumerators) one witness. Entries are in a fixed order (by
 * outcome text) so that printed and charted histograms are reproducible.
 *
 * @param scenario what ran ({@code put-vs-get})
 * @param variant  which code ran ({@code put=ORIGINAL}); may be empty
 * @param model    the memory model or machine ({@code sc}, {@code lkmm}, {@code stress})
 * @param unit     what a count counts: {@code interleavings}, {@code executions}, {@code observations}
 * @param facts    how the run went: states explored, time, CPU; printed under the table
 * @param races    the pairs of accesses the LKMM found racing ({@code Flag data-race}), each with
 *                 how many executions race on it; empty for engines and models without the flag
 * @param flags    the flags the model raised ({@code Flag data-race}, herd7's Flag lines), each with
 *                 how many counted executions raised it, by name; empty when none
 */
public record Histogram(String scenario, String variant, String model, String unit,
                        List<Entry> entries, Map<String, String> facts, List<Race> races, Map<Flag, Long> flags) {

    /**
     * One bar: an outcome, its count, its grade, a witness when the engine has one, and how many of
     * the counted executions raise the LKMM's data-race flag ({@code racy}, 0 when the model has
     * no such flag). A racy execution carries no guarantee, so a bad outcome matters most when
     * some execution reaching it is race-free ({@link #raceFree}).
     */
    public record Entry(Outcome outcome, BigInteger count, Grade grade, Witness witness, BigInteger racy) {
        public Entry {
            if (racy.signum() < 0 || racy.compareTo(count) > 0) {
                throw new IllegalArgumentException("racy count " + racy + " outside 0.." + count + " for " + outcome);
            }
        }

        /** An entry of an engine that has no data-race flag. */
        public Entry(Outcome outcome, BigInteger count, Grade grade, Witness witness) {
            this(outcome, count, grade, witness, BigInteger.ZERO);
        }

        /** How many of the counted executions raise no data-race flag. */
        public BigInteger raceFree() {
            return count.subtract(racy);
        }

        public OutcomeClass outcomeClass() {
            return grade.outcomeClass();
        }

        public Optional<Witness> witnessIfAny() {
            return Optional.ofNullable(witness);
        }
    }

    public Histogram {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.outcome().compareTo(b.outcome()));
        entries = List.copyOf(sorted);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        List<Race> rs = new ArrayList<>(races);
        rs.sort(null);
        races = List.copyOf(rs);
        flags = Collections.unmodifiableMap(new java.util.TreeMap<>(flags));
    }

    /** A histogram whose model raised no flag. */
    public Histogram(String scenario, String variant, String model, String unit, List<Entry> entries,
                     Map<String, String> facts, List<Race> races) {
        this(scenario, variant, model, unit, entries, facts, races, Map.of());
    }

    /** A histogram with no race information (interleavings, stress, models without the flag). */
    public Histogram(String scenario, String variant, String model, String unit, List<Entry> entries,
                     Map<String, String> facts) {
        this(scenario, variant, model, unit, entries, facts, List.of());
    }

    /** The same results under another name (e.g. {@code lkmm-once} for the LKMM on the marked program). */
    public Histogram renamed(String newScenario, String newVariant, String newModel) {
        return new Histogram(newScenario, newVariant, newModel, unit, entries, facts, races, flags);
    }

    /**
     * The facts line's account of {@code flags}, added to {@code facts}: {@code flags data-race}
     * (the names, as herd7's Flag lines) and {@code flagged executions data-race 10} (how many
     * executions raised each).
     */
    public static void describeFlags(Map<Flag, Long> flags, Map<String, String> facts) {
        if (flags.isEmpty()) {
            return;
        }
        Map<Flag, Long> sorted = new java.util.TreeMap<>(flags);
        facts.put("flags", sorted.keySet().stream().map(Flag::name).collect(java.util.stream.Collectors.joining(", ")));
        facts.put("flagged executions", sorted.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** How many counted executions raise the data-race flag, over every outcome. */
    public BigInteger racy() {
        return entries.stream().map(Entry::racy).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public BigInteger total() {
        return entries.stream().map(Entry::count).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public List<Outcome> outcomes() {
        return entries.stream().map(Entry::outcome).collect(Collectors.toList());
    }

    public BigInteger count(Outcome o) {
        return entries.stream().filter(e -> e.outcome().equals(o)).map(Entry::count)
                .findFirst().orElse(BigInteger.ZERO);
    }

    public BigInteger countWhere(Predicate<Entry> p) {
        return entries.stream().filter(p).map(Entry::count).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public List<Entry> entriesOf(OutcomeClass c) {
        return entries.stream().filter(e -> e.outcomeClass() == c).collect(Collectors.toList());
    }

    public List<Entry> forbidden() {
        return entriesOf(OutcomeClass.FORBIDDEN);
    }

    /** True when some FORBIDDEN outcome was reached at least once. */
    public boolean anyForbidden() {
        return entries.stream().anyMatch(e -> e.outcomeClass() == OutcomeClass.FORBIDDEN && e.count().signum() > 0);
    }

    /** Share of the total, in [0, 1]. */
    public double fraction(Entry e) {
        BigInteger t = total();
        if (t.signum() == 0) {
            return 0;
        }
        return new BigDecimal(e.count()).divide(new BigDecimal(t), MathContext.DECIMAL64).doubleValue();
    }

    /** The title a chart or table carries: scenario, variant, model and what the bars count. */
    public String title() {
        return scenario + (variant.isEmpty() ? "" : " [" + variant + "]") + " under " + model
                + ": " + unit + " per outcome";
    }

    /** A fixed-width text table, as the CLI prints it. */
    public String table() {
        List<String> fields = entries.isEmpty() ? List.of()
                : new ArrayList<>(entries.get(0).outcome().fields().keySet());
        List<String> header = new ArrayList<>(fields);
        header.addAll(List.of("count", "%", "class", ""));
        List<List<String>> rows = new ArrayList<>();
        for (Entry e : entries) {
            List<String> row = new ArrayList<>();
            for (String f : fields) {
                row.add(String.valueOf(e.outcome().fields().get(f)));
            }
            row.add(e.count().toString());
            row.add(percent(e));
            row.add(e.outcomeClass().name());
            row.add(e.grade().label());
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title()).append('\n');
        appendRow(sb, header, width);
        for (List<String> r : rows) {
            appendRow(sb, r, width);
        }
        sb.append("  total ").append(total()).append(' ').append(unit);
        facts.forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v));
        return sb.append('\n').toString();
    }

    private String percent(Entry e) {
        BigInteger t = total();
        if (t.signum() == 0) {
            return "-";
        }
        BigDecimal p = new BigDecimal(e.count()).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(t), 2, RoundingMode.HALF_EVEN);
        return p.toPlainString() + "%";
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        sb.append(' ');
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(' ');
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    @Override
    public String toString() {
        return table();
    }
}
