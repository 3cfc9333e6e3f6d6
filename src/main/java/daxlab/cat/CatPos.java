package daxlab.cat;

/** Where something is in a cat file: {@code linux-kernel.cat:84:9} (lines and columns from 1). */
public record CatPos(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
