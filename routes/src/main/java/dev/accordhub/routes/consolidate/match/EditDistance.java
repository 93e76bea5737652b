package dev.accordhub.routes.consolidate.match;

/** Edit distances between words, bounded: only "at most k edits apart" is ever asked. */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * True when {@code a} and {@code b} are at most two edits apart, an edit being a substitution, an insertion,
     * a deletion or a swap of neighbours (optimal string alignment distance).
     */
    static boolean atMostTwo(String a, String b) {
        return atMost(a, b, 2);
    }

    /** True when {@code a} and {@code b} are at most {@code edits} apart (optimal string alignment distance). */
    static boolean atMost(String a, String b, int edits) {
        if (Math.abs(a.length() - b.length()) > edits) {
            return false;
        }
        int start = 0;
        while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int endA = a.length();
        int endB = b.length();
        while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        return distance(a.substring(start, endA), b.substring(start, endB)) <= edits;
    }

    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
