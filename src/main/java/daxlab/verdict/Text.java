package daxlab.verdict;

/** Plain-text layout for mail: wrapping at a column. */
final class Text {
    private Text() {
    }

    /** {@code sc, tso, armv8}: engines by the names users type. */
    static String names(java.util.Collection<daxlab.engine.Engine> engines) {
        return engines.stream().map(daxlab.engine.Engine::id).collect(java.util.stream.Collectors.joining(", "));
    }

    static String wrap(String text, int width) {
        return wrap(text, width, "");
    }

    /**
     * Wraps at spaces; the text's own leading spaces are kept on its first line, continuation
     * lines start with {@code indent}.
     */
    static String wrap(String text, int width, String indent) {
        String lead = text.substring(0, text.length() - text.stripLeading().length());
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(lead);
        int start = line.length();
        for (String word : text.strip().split(" +")) {
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }
}
