package daxlab.dax.c;

/** A place in the text: line and column, both from 1; a tab is one column. */
public record Pos(int line, int column) {
}
