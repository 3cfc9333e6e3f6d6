package daxlab.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two short texts, one hunk with all lines as context, the way a reply shows
 * a suggested change: {@code -} for lines only in the old text, {@code +} for lines only in the
 * new, a space for both. Longest common subsequence over lines; the texts are a few dozen lines.
 */
final class LineDiff {
    private LineDiff() {
    }

    static List<String> diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int n = a.length;
        int m = b.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[i].equals(b[j])) {
                out.add(" " + a[i]);
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // Removed lines before added ones, as diff(1) prints them.
                out.add("-" + a[i]);
                i++;
            } else {
                out.add("+" + b[j]);
                j++;
            }
        }
        // The texts end with a newline: the empty last line is not a line of the diff.
        if (!out.isEmpty() && out.get(out.size() - 1).equals(" ")) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * The changed lines with {@code context} unchanged lines around each run of changes; runs
     * closer than that share a hunk, and a hunk starts with {@code @@ header @@}.
     */
    static List<String> hunks(String before, String after, int context, String header) {
        List<String> all = diff(before, after);
        boolean[] keep = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).charAt(0) != ' ') {
                for (int k = Math.max(0, i - context); k <= Math.min(all.size() - 1, i + context); k++) {
                    keep[k] = true;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (keep[i] && (i == 0 || !keep[i - 1])) {
                out.add("@@ " + header + " @@");
            }
            if (keep[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
