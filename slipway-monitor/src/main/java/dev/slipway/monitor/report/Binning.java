package dev.slipway.monitor.report;

import dev.slipway.monitor.drift.CategoricalCounts;
import dev.slipway.monitor.drift.ColumnCounts;
import dev.slipway.monitor.drift.NumericCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns a column's counts per distinct value into the few bins a chart shows. Stateless. */
final class Binning {

    /** The most bins of numbers. */
    static final int MAX_BINS = 20;

    /** The most bars of categories, the rest together counting as one. */
    static final int MAX_CATEGORIES = 12;

    private Binning() {}

    static ColumnDistribution of(ColumnCounts counts) {
        List<ColumnDistribution.Bin> bins =
                switch (counts) {
                    case NumericCounts n -> numeric(n);
                    case CategoricalCounts c -> categorical(c);
                };
        return new ColumnDistribution(
                counts.column(), counts.kind(), counts.nRef(), counts.nCur(), bins);
    }

    private static List<ColumnDistribution.Bin> numeric(NumericCounts n) {
        int size = n.size();
        List<ColumnDistribution.Bin> bins = new ArrayList<>();
        if (size <= MAX_BINS) {
            for (int i = 0; i < size; i++) {
                bins.add(
                        new ColumnDistribution.Bin(
                                Fmt.num(n.value(i)), n.refCount(i), n.curCount(i)));
            }
            return bins;
        }
        double lo = n.value(0);
        double hi = n.value(size - 1);
        boolean integers = n.integral() || allIntegers(n);
        double width = integers ? Math.ceil((hi - lo + 1) / MAX_BINS) : (hi - lo) / MAX_BINS;
        int count = integers ? (int) Math.ceil((hi - lo + 1) / width) : MAX_BINS;
        long[] ref = new long[count];
        long[] cur = new long[count];
        for (int i = 0; i < size; i++) {
            int b = (int) Math.min(count - 1, Math.floor((n.value(i) - lo) / width));
            ref[b] += n.refCount(i);
            cur[b] += n.curCount(i);
        }
        for (int b = 0; b < count; b++) {
            double from = lo + b * width;
            String label =
                    integers
                            ? width == 1
                                    ? Fmt.num(from)
                                    : Fmt.num(from) + "–" + Fmt.num(Math.min(hi, from + width - 1))
                            : "[%s, %s%s"
                                    .formatted(
                                            Fmt.num(from),
                                            Fmt.num(b == count - 1 ? hi : from + width),
                                            b == count - 1 ? "]" : ")");
            bins.add(new ColumnDistribution.Bin(label, ref[b], cur[b]));
        }
        return bins;
    }

    private static boolean allIntegers(NumericCounts n) {
        for (int i = 0; i < n.size(); i++) {
            if (n.value(i) != Math.rint(n.value(i)) || Math.abs(n.value(i)) > 1e15) {
                return false;
            }
        }
        return true;
    }

    private static List<ColumnDistribution.Bin> categorical(CategoricalCounts c) {
        int size = c.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        // Most frequent on either side first, so that a category new in the current data shows.
        order.sort(
                Comparator.comparingDouble((Integer i) -> -weight(c, i))
                        .thenComparing(Comparator.naturalOrder()));
        int shown = size <= MAX_CATEGORIES ? size : MAX_CATEGORIES - 1;
        List<ColumnDistribution.Bin> bins = new ArrayList<>();
        for (int k = 0; k < shown; k++) {
            int i = order.get(k);
            bins.add(new ColumnDistribution.Bin(c.category(i), c.refCount(i), c.curCount(i)));
        }
        if (shown < size) {
            long ref = 0;
            long cur = 0;
            for (int k = shown; k < size; k++) {
                ref += c.refCount(order.get(k));
                cur += c.curCount(order.get(k));
            }
            bins.add(
                    new ColumnDistribution.Bin(
                            "%d other values".formatted(size - shown), ref, cur));
        }
        return bins;
    }

    private static double weight(CategoricalCounts c, int i) {
        double ref = c.nRef() == 0 ? 0 : (double) c.refCount(i) / c.nRef();
        double cur = c.nCur() == 0 ? 0 : (double) c.curCount(i) / c.nCur();
        return Math.max(ref, cur);
    }
}
