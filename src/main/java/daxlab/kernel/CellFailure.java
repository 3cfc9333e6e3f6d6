package daxlab.kernel;

import java.util.List;

/**
 * Why a cell failed, in Jupyter's terms: {@code ename} (the exception class, or
 * {@code CompileError}), {@code evalue} (its message) and the traceback lines a notebook shows.
 */
public final class CellFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ename;
    private final String evalue;
    private final transient List<String> traceback;

    public CellFailure(String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue);
        this.ename = ename;
        this.evalue = evalue == null ? "" : evalue;
        this.traceback = List.copyOf(traceback);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return evalue;
    }

    public List<String> traceback() {
        return traceback;
    }
}
