package dev.slipway.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Missing and extra columns of a batch, paired up when they look like a rename: the same name
 * ignoring case and punctuation, or names within two edits of each other (and less than half the
 * longer name apart, so that short names like {@code age} and {@code sex} do not pair).
 */
final class Renames {

    private static final int MAX_EDITS = 2;

    private Renames() {}

    static List<Problem> columnProblems(
            String against, List<String> missing, List<String> extra, long rows) {
        List<Problem> out = new ArrayList<>();
        for (String m : missing) {
            Optional<String> to = closest(m, extra);
            String hint =
                    to.map(
                                    t ->
                                            "it looks renamed to '%s': rename that column back to '%s'"
                                                    .formatted(t, m))
                            .orElse("add it: a model trained on " + against + " needs it");
            out.add(
                    new Problem(
                            Severity.ERROR,
                            ProblemKind.MISSING_COLUMN,
                            m,
                            rows,
                            List.of(),
                            "column '%s' of %s is not in the batch; %s"
                                    .formatted(m, against, hint)));
        }
        for (String e : extra) {
            Optional<String> from = closest(e, missing);
            String hint =
                    from.map(f -> "it looks like '%s' renamed: rename it to '%s'".formatted(f, f))
                            .orElse(
                                    "drop it, or import a new version that has it if a model should use it");
            out.add(
                    new Problem(
                            Severity.WARNING,
                            ProblemKind.EXTRA_COLUMN,
                            e,
                            rows,
                            List.of(),
                            "column '%s' is not in %s and is ignored; %s"
                                    .formatted(e, against, hint)));
        }
        return out;
    }

    /** The candidate that looks most like a rename of {@code name}, the first one on ties. */
    static Optional<String> closest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** 0 for names equal but for case and punctuation, the edit count when similar, else MAX. */
    private static int distance(String a, String b) {
        if (squash(a).equals(squash(b))) {
            return 0;
        }
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int d = edits(x, y);
        boolean similar = d <= MAX_EDITS && d * 2 < Math.max(x.length(), y.length());
        return similar ? d : Integer.MAX_VALUE;
    }

    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Levenshtein distance. */
    private static int edits(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
