package dev.slipway.monitor.drift;

import dev.slipway.api.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statistical methods that decide whether a column drifted, with Evidently's names, default
 * thresholds and verdict rules.
 *
 * <p>A p-value test drifts when its p-value is below the threshold (KS: at or below it); a distance
 * drifts when it is at or above the threshold. The kinds a method {@linkplain #appliesTo applies
 * to} are Evidently's: a method chosen by a user for a column of another kind is refused. The
 * default choice ({@link Drift#defaultMethod}) may still pick chi-square or the Z-test for a
 * numeric column with few distinct values, as Evidently does.
 */
public enum DriftMethod {
    /**
     * Two-sample Kolmogorov–Smirnov test (SciPy's {@code ks_2samp}, method auto); effect size D.
     */
    KS("ks", true, 0.05, EnumSet.of(ColumnKind.NUMERIC), "D"),
    /** Chi-square goodness of fit of current counts to reference shares; effect size Cramér's V. */
    CHISQUARE("chisquare", true, 0.05, EnumSet.of(ColumnKind.CATEGORICAL), "Cramér's V"),
    /** Two-proportion Z-test (first sorted value against the rest); effect size |Cohen's h|. */
    Z("z", true, 0.05, EnumSet.of(ColumnKind.CATEGORICAL), "Cohen's h"),
    /** First Wasserstein distance divided by the reference's standard deviation. */
    WASSERSTEIN("wasserstein", false, 0.1, EnumSet.of(ColumnKind.NUMERIC), "normed Wasserstein"),
    /** Jensen–Shannon distance (natural log) between binned shares. */
    JENSENSHANNON("jensenshannon", false, 0.1, EnumSet.allOf(ColumnKind.class), "Jensen-Shannon"),
    /** Population stability index between binned shares. */
    PSI("psi", false, 0.1, EnumSet.allOf(ColumnKind.class), "PSI"),
    /** Kullback–Leibler divergence of the reference from the current binned shares. */
    KL("kl", false, 0.1, EnumSet.allOf(ColumnKind.class), "KL divergence"),
    /** Hellinger distance between the shares of values (numeric: of Sturges bins). */
    HELLINGER("hellinger", false, 0.1, EnumSet.allOf(ColumnKind.class), "Hellinger");

    private final String label;
    private final boolean pValue;
    private final double defaultThreshold;
    private final Set<ColumnKind> kinds;
    private final String effectSizeName;

    DriftMethod(
            String label,
            boolean pValue,
            double defaultThreshold,
            Set<ColumnKind> kinds,
            String effectSizeName) {
        this.label = label;
        this.pValue = pValue;
        this.defaultThreshold = defaultThreshold;
        this.kinds = kinds;
        this.effectSizeName = effectSizeName;
    }

    /** The name used on the command line and in JSON (Evidently's name), e.g. {@code ks}. */
    public String label() {
        return label;
    }

    /**
     * Whether the score is a p-value (drift when small) rather than a distance (drift when large).
     */
    public boolean isPValue() {
        return pValue;
    }

    /** The threshold used when none is given: 0.05 for p-value tests, 0.1 for distances. */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether a user may choose this method for a column of {@code kind}. */
    public boolean appliesTo(ColumnKind kind) {
        return kinds.contains(kind);
    }

    /** What the effect size reported next to the score is, e.g. {@code "Cramér's V"}. */
    public String effectSizeName() {
        return effectSizeName;
    }

    /** The verdict: p below threshold (KS: at or below), or distance at or above threshold. */
    public boolean drifted(double score, double threshold) {
        return switch (this) {
            case KS -> score <= threshold;
            case CHISQUARE, Z -> score < threshold;
            case WASSERSTEIN, JENSENSHANNON, PSI, KL, HELLINGER -> score >= threshold;
        };
    }

    /**
     * The method named {@code name} (ignoring case; Evidently's {@code kl_div} is accepted for
     * {@code kl}).
     *
     * @param source the option or file the name came from, for the error
     * @throws InvalidInputException naming the valid methods when there is no such method
     */
    public static DriftMethod parse(String name, String source) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("kl_div")) {
            return KL;
        }
        for (DriftMethod m : values()) {
            if (m.label.equals(n)) {
                return m;
            }
        }
        throw InvalidInputException.of(
                source, "unknown drift method '%s'; valid methods: %s".formatted(name, labels()));
    }

    /** The labels of all methods, comma-separated, for messages. */
    static String labels() {
        return Arrays.stream(values()).map(DriftMethod::label).collect(Collectors.joining(", "));
    }

    /** The labels of the methods that apply to {@code kind}, comma-separated, for messages. */
    static String labelsFor(ColumnKind kind) {
        return Arrays.stream(values())
                .filter(m -> m.appliesTo(kind))
                .map(DriftMethod::label)
                .collect(Collectors.joining(", "));
    }
}
