package dev.slipway.monitor.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A categorical column as its distinct labels, in code point order (as Python sorts strings), each
 * with its reference and current count. Immutable.
 */
public final class CategoricalCounts implements ColumnCounts {

    /** Code point order, which is also the byte order of UTF-8 (DuckDB's default collation). */
    static final Comparator<String> ORDER = CategoricalCounts::compareCodePoints;

    private final String column;
    private final String[] categories;
    private final long[] ref;
    private final long[] cur;
    private final long nRef;
    private final long nCur;

    private CategoricalCounts(String column, String[] categories, long[] ref, long[] cur) {
        this.column = Objects.requireNonNull(column, "column");
        this.categories = categories;
        this.ref = ref;
        this.cur = cur;
        this.nRef = Counts.total(column, "reference", ref);
        this.nCur = Counts.total(column, "current", cur);
    }

    /** Counts the labels of two samples; {@code null} is a missing value and not counted. */
    public static CategoricalCounts of(
            String column, Collection<String> reference, Collection<String> current) {
        TreeMap<String, long[]> tally = new TreeMap<>(ORDER);
        for (String s : reference) {
            if (s != null) {
                tally.computeIfAbsent(s, k -> new long[2])[0]++;
            }
        }
        for (String s : current) {
            if (s != null) {
                tally.computeIfAbsent(s, k -> new long[2])[1]++;
            }
        }
        int n = tally.size();
        String[] cats = new String[n];
        long[] r = new long[n];
        long[] c = new long[n];
        int i = 0;
        for (var e : tally.entrySet()) {
            cats[i] = e.getKey();
            r[i] = e.getValue()[0];
            c[i] = e.getValue()[1];
            i++;
        }
        return new CategoricalCounts(column, cats, r, c);
    }

    /**
     * Counts already made, e.g. by a database; the categories are put in code point order.
     *
     * @param categories distinct labels, none {@code null}
     * @param refCounts reference rows per label, each {@code >= 0}
     * @param curCounts current rows per label, each {@code >= 0}; each label has a row on at least
     *     one side
     */
    public static CategoricalCounts ofCounts(
            String column, List<String> categories, long[] refCounts, long[] curCounts) {
        Counts.checkShape(column, categories.size(), refCounts, curCounts);
        Integer[] order = new Integer[categories.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            Objects.requireNonNull(categories.get(i), "category");
        }
        Arrays.sort(order, (a, b) -> compareCodePoints(categories.get(a), categories.get(b)));
        String[] cats = new String[order.length];
        long[] r = new long[order.length];
        long[] c = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            cats[i] = categories.get(order[i]);
            r[i] = refCounts[order[i]];
            c[i] = curCounts[order[i]];
            if (i > 0 && cats[i].equals(cats[i - 1])) {
                throw new IllegalArgumentException(
                        "column '%s': category '%s' is given twice".formatted(column, cats[i]));
            }
        }
        return new CategoricalCounts(column, cats, r, c);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.CATEGORICAL;
    }

    @Override
    public int size() {
        return categories.length;
    }

    /** The {@code i}-th distinct label (0-based, in code point order). */
    public String category(int i) {
        return categories[i];
    }

    /** All distinct labels, in code point order. */
    public List<String> categories() {
        return List.of(categories);
    }

    @Override
    public long refCount(int i) {
        return ref[i];
    }

    @Override
    public long curCount(int i) {
        return cur[i];
    }

    @Override
    public long nRef() {
        return nRef;
    }

    @Override
    public long nCur() {
        return nCur;
    }

    long[] refCounts() {
        return ref;
    }

    long[] curCounts() {
        return cur;
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>(List.of(categories).subList(0, Math.min(5, size())));
        if (size() > 5) {
            shown.add("...");
        }
        return "CategoricalCounts[%s: %s, n_ref %d, n_cur %d]".formatted(column, shown, nRef, nCur);
    }
}
