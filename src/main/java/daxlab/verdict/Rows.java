package daxlab.verdict;

import daxlab.dax.Accessors;
import daxlab.dax.PutVersion;
import daxlab.dax.ReaderVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a property's block lays out its rows. Every candidate of the grid is judged; rows are then
 * merged only where the marks are equal, and the block says along which axis: a claim the reader
 * cannot change gets one row per fs_put_dax() version, a claim fs_put_dax() cannot change one row
 * per reader. Nothing is merged on faith: the marks of every merged candidate are compared.
 */
public final class Rows {
    /** What a block's rows stand for. */
    public enum Axis {
        /** Every candidate has the same marks. */
        NONE("every candidate alike"),
        /** The marks depend on fs_put_dax() only. */
        PUT("rows: fs_put_dax(); the reader does not change this claim (all three checked)"),
        /** The marks depend on the reader only. */
        READER("rows: the reader; fs_put_dax() does not change this claim (every version checked)"),
        /** Both matter. */
        BOTH("rows: fs_put_dax() / reader; readers with equal marks share a row");

        private final String legend;

        Axis(String legend) {
            this.legend = legend;
        }

        /** What the rows of a block with this axis stand for, in one line. */
        public String legend() {
            return legend;
        }
    }

    /** One printed row: its label, the candidates it stands for, their marks model by model. */
    public record Row(String label, List<Candidate> members, List<String> marks) {
    }

    /**
     * A block's rows and what they stand for.
     *
     * @param readers how many readers the candidates of the grid have (three built in, more with a
     *                participant's)
     */
    public record Layout(Axis axis, List<Row> rows, int readers) {
        /** The axis' legend, counting the readers checked when the participant added one. */
        public String legend() {
            return axis == Axis.PUT && readers != 3 ? axis.legend().replace("all three", "all " + readers) : axis.legend();
        }
    }

    private Rows() {
    }

    static Layout layout(Matrix m, Property p) {
        Map<PutVersion, Map<ReaderVersion, List<String>>> grid = new LinkedHashMap<>();
        List<Candidate> others = new ArrayList<>();
        for (Candidate c : m.candidates()) {
            if (c.accessors() == Accessors.MAINLINE) {
                grid.computeIfAbsent(c.put(), k -> new LinkedHashMap<>()).put(c.reader(), m.marks(c, p));
            } else {
                others.add(c);
            }
        }
        boolean putOnly = grid.values().stream().allMatch(byReader -> byReader.values().stream().distinct().count() <= 1);
        boolean readerOnly = readersOf(grid).stream().allMatch(r -> grid.values().stream()
                .map(byReader -> byReader.get(r)).filter(x -> x != null).distinct().count() <= 1);
        List<Row> rows = new ArrayList<>();
        Axis axis;
        if (putOnly && readerOnly) {
            axis = Axis.NONE;
            rows.add(new Row("every candidate", members(m, Accessors.MAINLINE), first(grid)));
        } else if (putOnly) {
            axis = Axis.PUT;
            grid.forEach((put, byReader) -> rows.add(new Row(label(put), members(m, put), byReader.values().iterator().next())));
        } else if (readerOnly) {
            axis = Axis.READER;
            for (ReaderVersion r : readersOf(grid)) {
                List<Candidate> ms = m.candidates().stream()
                        .filter(c -> c.accessors() == Accessors.MAINLINE && c.reader().equals(r)).collect(Collectors.toList());
                // A participant's reader may sit in one put's row only: its marks are that row's.
                List<String> marks = grid.values().stream().map(byReader -> byReader.get(r)).filter(x -> x != null)
                        .findFirst().orElseThrow();
                rows.add(new Row(r.label() + " reader", ms, marks));
            }
        } else {
            axis = Axis.BOTH;
            grid.forEach((put, byReader) -> {
                Map<List<String>, List<ReaderVersion>> groups = new LinkedHashMap<>();
                byReader.forEach((r, marks) -> groups.computeIfAbsent(marks, k -> new ArrayList<>()).add(r));
                groups.forEach((marks, readers) -> {
                    String who = readers.size() == byReader.size() ? "any"
                            : readers.stream().map(ReaderVersion::shortLabel).collect(Collectors.joining(","));
                    List<Candidate> ms = m.candidates().stream().filter(c -> c.accessors() == Accessors.MAINLINE
                            && c.put().equals(put) && readers.contains(c.reader())).collect(Collectors.toList());
                    rows.add(new Row(label(put) + " / " + who, ms, marks));
                });
            });
        }
        for (Candidate c : others) {
            rows.add(new Row(label(c.put()) + " / " + c.reader().shortLabel() + ", marked", List.of(c), m.marks(c, p)));
        }
        return new Layout(axis, rows, readersOf(grid).size());
    }

    /** The put's label, starred when nobody proposed it ({@code (yours)} is in a participant's label). */
    static String label(PutVersion put) {
        return put.label() + (put.hypothetical() ? "*" : "");
    }

    private static List<ReaderVersion> readersOf(Map<PutVersion, Map<ReaderVersion, List<String>>> grid) {
        List<ReaderVersion> out = new ArrayList<>();
        grid.values().forEach(byReader -> byReader.keySet().forEach(r -> {
            if (!out.contains(r)) {
                out.add(r);
            }
        }));
        return out;
    }

    private static List<String> first(Map<PutVersion, Map<ReaderVersion, List<String>>> grid) {
        return grid.values().iterator().next().values().iterator().next();
    }

    private static List<Candidate> members(Matrix m, Accessors a) {
        return m.candidates().stream().filter(c -> c.accessors() == a).collect(Collectors.toList());
    }

    private static List<Candidate> members(Matrix m, PutVersion put) {
        return m.candidates().stream().filter(c -> c.accessors() == Accessors.MAINLINE && c.put().equals(put))
                .collect(Collectors.toList());
    }
}
