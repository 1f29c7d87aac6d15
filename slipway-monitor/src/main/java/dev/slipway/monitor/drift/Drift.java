package dev.slipway.monitor.drift;

import dev.slipway.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Drift of columns and datasets from their counts, with Evidently's default methods and numbers.
 * Stateless and thread-safe.
 */
public final class Drift {

    /** Above this many reference values, the default methods are distances, not p-value tests. */
    static final long LARGE_REFERENCE = 1000;

    private Drift() {}

    /**
     * Evidently's default method for a column, by its kind, {@code n_ref} and {@code n_unique}:
     *
     * <pre>
     * column                      n_ref ≤ 1000   n_ref > 1000
     * numeric, n_unique ≤ 2       z              jensenshannon
     * numeric, 3..5 unique        chisquare      jensenshannon
     * numeric, > 5 unique         ks             wasserstein
     * categorical, n_unique ≤ 2   z              jensenshannon
     * categorical, > 2 unique     chisquare      jensenshannon
     * </pre>
     */
    public static DriftMethod defaultMethod(ColumnCounts counts) {
        int unique = counts.size();
        boolean small = counts.nRef() <= LARGE_REFERENCE;
        return switch (counts.kind()) {
            case NUMERIC -> {
                if (unique > 5) {
                    yield small ? DriftMethod.KS : DriftMethod.WASSERSTEIN;
                }
                if (!small) {
                    yield DriftMethod.JENSENSHANNON;
                }
                yield unique > 2 ? DriftMethod.CHISQUARE : DriftMethod.Z;
            }
            case CATEGORICAL -> {
                if (!small) {
                    yield DriftMethod.JENSENSHANNON;
                }
                yield unique > 2 ? DriftMethod.CHISQUARE : DriftMethod.Z;
            }
        };
    }

    /**
     * The verdict for one column, with the method and threshold {@code options} resolve for it.
     *
     * @throws InvalidInputException when the column has no value on one side, when a chosen method
     *     does not apply to the column's kind, or when a p-value threshold is above 1
     */
    public static ColumnDrift column(ColumnCounts counts, DriftOptions options) {
        requireValues(counts);
        Optional<DriftMethod> chosen = options.methodFor(counts.column(), counts.kind());
        chosen.ifPresent(m -> requireApplies(m, counts));
        DriftMethod method = chosen.orElseGet(() -> defaultMethod(counts));
        OptionalDouble t = options.thresholdFor(counts.column(), counts.kind());
        return compute(counts, method, t.isPresent() ? t.getAsDouble() : method.defaultThreshold());
    }

    /**
     * The verdict for one column with a given method and threshold.
     *
     * @throws InvalidInputException as {@link #column(ColumnCounts, DriftOptions)}, or when the
     *     threshold is negative or not finite
     */
    public static ColumnDrift column(ColumnCounts counts, DriftMethod method, double threshold) {
        requireValues(counts);
        requireApplies(method, counts);
        return compute(counts, method, threshold);
    }

    /**
     * The verdicts for several columns and the dataset verdict over them.
     *
     * @throws InvalidInputException as {@link #column(ColumnCounts, DriftOptions)}, or when there
     *     are no columns
     */
    public static DatasetDrift dataset(List<? extends ColumnCounts> columns, DriftOptions options) {
        List<ColumnDrift> out = new ArrayList<>(columns.size());
        for (ColumnCounts c : columns) {
            out.add(column(c, options));
        }
        return DatasetDrift.of(out, options.driftShare());
    }

    private static ColumnDrift compute(ColumnCounts c, DriftMethod method, double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw InvalidInputException.of(
                    "drift options",
                    "the drift threshold for column '%s' must be a finite number >= 0, got %s"
                            .formatted(c.column(), threshold));
        }
        if (method.isPValue() && threshold > 1) {
            throw InvalidInputException.of(
                    "drift options",
                    ("the threshold %s for column '%s' is above 1, but %s gives a p-value (drift"
                                    + " when the p-value is below the threshold); use a level such"
                                    + " as 0.05")
                            .formatted(threshold, c.column(), method.label()));
        }
        Score s =
                switch (method) {
                    case KS -> {
                        KsTest.Result r = KsTest.test((NumericCounts) c);
                        yield new Score(r.pValue(), r.d());
                    }
                    case CHISQUARE -> {
                        ChiSquareTest.Result r = ChiSquareTest.test(c);
                        yield new Score(r.pValue(), r.cramersV());
                    }
                    case Z -> {
                        ZTest.Result r = ZTest.test(c);
                        yield new Score(r.pValue(), r.cohensH());
                    }
                    case WASSERSTEIN -> Score.distance(Wasserstein.normed((NumericCounts) c));
                    case JENSENSHANNON -> Score.distance(Divergences.jensenShannon(c));
                    case PSI -> Score.distance(Divergences.psi(c));
                    case KL -> Score.distance(Divergences.kl(c));
                    case HELLINGER -> Score.distance(Hellinger.distance(c));
                };
        return new ColumnDrift(
                c.column(),
                c.kind(),
                method,
                s.score(),
                threshold,
                method.drifted(s.score(), threshold),
                method.isPValue() ? OptionalDouble.of(s.score()) : OptionalDouble.empty(),
                s.effect(),
                c.nRef(),
                c.nCur(),
                c.size());
    }

    /** A method's score and effect size; a distance is its own effect size. */
    private record Score(double score, double effect) {
        static Score distance(double d) {
            return new Score(d, d);
        }
    }

    private static void requireValues(ColumnCounts c) {
        String empty = c.nRef() == 0 ? "reference" : c.nCur() == 0 ? "current" : null;
        if (empty != null) {
            throw InvalidInputException.at(
                    empty,
                    0,
                    Optional.of(c.column()),
                    ("column '%s' has no values in the %s data once missing values (null, NaN,"
                                    + " ±infinity) are left out; drift needs at least one value on"
                                    + " each side: check the column, or leave it out")
                            .formatted(c.column(), empty),
                    null);
        }
    }

    private static void requireApplies(DriftMethod m, ColumnCounts c) {
        if (!m.appliesTo(c.kind())) {
            ColumnKind other =
                    c.kind() == ColumnKind.NUMERIC ? ColumnKind.CATEGORICAL : ColumnKind.NUMERIC;
            throw InvalidInputException.of(
                    "drift options",
                    ("drift method '%s' does not apply to %s column '%s' (as in Evidently, it is"
                                    + " for %s columns only); for %s columns use one of: %s; or"
                                    + " declare '%s' %s")
                            .formatted(
                                    m.label(),
                                    c.kind().label(),
                                    c.column(),
                                    other.label(),
                                    c.kind().label(),
                                    DriftMethod.labelsFor(c.kind()),
                                    c.column(),
                                    other.label()));
        }
    }
}
