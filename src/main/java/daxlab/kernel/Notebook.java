package daxlab.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What a notebook cell can call without a prefix (the kernel imports these statically):
 * {@code display(h)} shows a value in the cell's output now, the way the value of the last line
 * is shown at the end.
 */
public final class Notebook {
    private Notebook() {
    }

    /** Shows {@code value} with its richest rendering: a chart for a histogram, text otherwise. */
    public static void display(Object value) {
        BaseKernel k = kernel();
        k.display(k.getRenderer().render(value));
    }

    /** Shows {@code value} as the given MIME types only ({@code "image/png"}, {@code "text/plain"}). */
    public static void display(Object value, String... mimeTypes) {
        BaseKernel k = kernel();
        DisplayData data = k.getRenderer().renderAs(value, mimeTypes);
        k.display(data);
    }

    private static BaseKernel kernel() {
        BaseKernel k = BaseKernel.notebookKernel();
        if (k == null) {
            throw new IllegalStateException("display() works inside the daxlab Jupyter kernel only; "
                    + "elsewhere use Charts.histogram(h).save(Path.of(\"h.svg\"))");
        }
        return k;
    }
}
