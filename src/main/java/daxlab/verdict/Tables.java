package daxlab.verdict;

import daxlab.engine.Engine;
import java.util.Arrays;

/** The matrix as plain-text blocks, one per property, for mail (72 columns) or a terminal. */
final class Tables {
    private Tables() {
    }

    /** Every property's block, then the legend of the row labels. */
    static String all(Matrix m, int width) {
        StringBuilder sb = new StringBuilder();
        for (Property p : m.properties()) {
            sb.append(block(m, p, width)).append('\n');
        }
        sb.append(Text.wrap("Readers: double = today's double read of holder_ops, ONCE = one READ_ONCE(), "
                + "acquire = one smp_load_acquire(). * = hypothetical: nobody proposed it; it isolates one "
                + "question. marked = WRITE_ONCE()/READ_ONCE() also in fs_dax_get(), fs_dax_get_by_bdev(), "
                + "dax_holder() and kill_dax(). race = the LKMM flags a data race: no guarantee at all."
                + (m.participants().isEmpty() ? "" : " (yours) = written in a notebook cell."), width))
                .append('\n');
        return sb.toString();
    }

    /** One property: its claim, what its rows stand for, then the rows. */
    static String block(Matrix m, Property p, int width) {
        Rows.Layout layout = Rows.layout(m, p);
        int[] col = m.models().stream().mapToInt(x -> Math.max(4, x.id().length()) + 1).toArray();
        int cols = Arrays.stream(col).sum();
        int nameWidth = Math.min(layout.rows().stream().mapToInt(r -> r.label().length()).max().orElse(10) + 2,
                width - 2 - cols);
        StringBuilder sb = new StringBuilder();
        sb.append(Text.wrap(p.title() + ": " + p.claim() + " (" + String.join(", ",
                p.scenarios().stream().map(Object::toString).toArray(String[]::new)) + ")", width)).append('\n');
        sb.append(Text.wrap("  " + layout.legend(), width, "  ")).append('\n');
        StringBuilder head = new StringBuilder("  ").append(pad("", nameWidth));
        for (int i = 0; i < col.length; i++) {
            head.append(pad(m.models().get(i).id(), col[i]));
        }
        sb.append(head.toString().stripTrailing()).append('\n');
        for (Rows.Row r : layout.rows()) {
            StringBuilder line = new StringBuilder("  ").append(pad(r.label(), nameWidth));
            for (int i = 0; i < col.length; i++) {
                line.append(pad(r.marks().get(i), col[i]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    static String pad(String s, int w) {
        if (s.length() >= w) {
            return s.substring(0, Math.max(0, w - 1)) + " ";
        }
        return s + " ".repeat(w - s.length());
    }
}
