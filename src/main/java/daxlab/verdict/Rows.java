package daxlab.verdict;

import daxlab.dax.Accessors;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;

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

    public record Layout(Axis axis, List<Row> rows) {
    }

    private Rows() {
    }

    static Layout layout(Matrix m, Property p) {
        Map<PutVariant, Map<ReaderVariant, List<String>>> grid = new LinkedHashMap<>();
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
            for (ReaderVariant r : readersOf(grid)) {
                List<Candidate> ms = m.candidates().stream()
                        .filter(c -> c.accessors() == Accessors.MAINLINE && c.reader() == r).collect(Collectors.toList());
                rows.add(new Row(r.label() + " reader", ms, grid.values().iterator().next().get(r)));
            }
        } else {
            axis = Axis.BOTH;
            grid.forEach((put, byReader) -> {
                Map<List<String>, List<ReaderVariant>> groups = new LinkedHashMap<>();
                byReader.forEach((r, marks) -> groups.computeIfAbsent(marks, k -> new ArrayList<>()).add(r));
                groups.forEach((marks, readers) -> {
                    String who = readers.size() == byReader.size() ? "any"
                            : readers.stream().map(ReaderVariant::shortLabel).collect(Collectors.joining(","));
                    List<Candidate> ms = m.candidates().stream().filter(c -> c.accessors() == Accessors.MAINLINE
                            && c.put() == put && readers.contains(c.reader())).collect(Collectors.toList());
                    rows.add(new Row(label(put) + " / " + who, ms, marks));
                });
            });
        }
        for (Candidate c : others) {
            rows.add(new Row(label(c.put()) + " / " + c.reader().shortLabel() + ", marked", List.of(c), m.marks(c, p)));
        }
        return new Layout(axis, rows);
    }

    /** The put's label, starred when nobody proposed it. */
    static String label(PutVariant put) {
        return put.label() + (put.hypothetical() ? "*" : "");
    }

    private static List<ReaderVariant> readersOf(Map<PutVariant, Map<ReaderVariant, List<String>>> grid) {
        List<ReaderVariant> out = new ArrayList<>();
        grid.values().forEach(byReader -> byReader.keySet().forEach(r -> {
            if (!out.contains(r)) {
                out.add(r);
            }
        }));
        return out;
    }

    private static List<String> first(Map<PutVariant, Map<ReaderVariant, List<String>>> grid) {
        return grid.values().iterator().next().values().iterator().next();
    }

    private static List<Candidate> members(Matrix m, Accessors a) {
        return m.candidates().stream().filter(c -> c.accessors() == a).collect(Collectors.toList());
    }

    private static List<Candidate> members(Matrix m, PutVariant put) {
        return m.candidates().stream().filter(c -> c.accessors() == Accessors.MAINLINE && c.put() == put)
                .collect(Collectors.toList());
    }
}
