package daxlab.kernel;

/** ANSI colours for tracebacks: notebooks and nbconvert's HTML both show them. */
final class Styles {
    private static final String RED = "\u001b[31m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private Styles() {
    }

    static String red(String s) {
        return RED + s + RESET;
    }

    static String dim(String s) {
        return DIM + s + RESET;
    }

    /** How many characters of {@code s} are escape codes (take no room on screen). */
    static int invisible(String s) {
        return s.length() - s.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }
}
