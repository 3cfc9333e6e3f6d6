package daxlab.chart;

import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/** A bar label computed by a function (JFreeChart's generator interface has three methods). */
final class ItemLabels implements CategoryItemLabelGenerator {
    interface Label {
        String of(CategoryDataset data, int row, int column);
    }

    private final Label label;

    ItemLabels(Label label) {
        this.label = label;
    }

    @Override
    public String generateRowLabel(CategoryDataset data, int row) {
        return String.valueOf(data.getRowKey(row));
    }

    @Override
    public String generateColumnLabel(CategoryDataset data, int column) {
        return String.valueOf(data.getColumnKey(column));
    }

    @Override
    public String generateLabel(CategoryDataset data, int row, int column) {
        return label.of(data, row, column);
    }
}
