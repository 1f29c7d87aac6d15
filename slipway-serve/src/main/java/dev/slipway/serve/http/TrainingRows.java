package dev.slipway.serve.http;

import dev.slipway.api.NotFoundException;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import dev.slipway.data.ColumnProfile;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.data.NumericSummary;
import dev.slipway.data.Profile;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A model version's training data as the playground uses it: the schema and profile of the dataset
 * version it was trained on (the values and ranges each input took), its first complete row, and a
 * fixed sample of its complete rows to draw random rows from. Values are given as the model's
 * signature takes them (numbers for numeric inputs, text for text inputs). Immutable.
 *
 * <p>The rows are read once, when the playground first asks for the version: all of them for a
 * dataset of up to {@value #READ_WHOLE} rows, else the first {@value #READ_HEAD}, so that a large
 * dataset never fills the server's memory. Only a sample of the complete rows read is kept (at most
 * {@value #SAMPLE}, chosen uniformly with a fixed seed, so the same data always gives the same
 * sample).
 */
final class TrainingRows {

    /** At most this many category values per input; more are cut, with a flag. */
    static final int MAX_VALUES = 200;

    /** At most this many rows are kept to draw random rows from. */
    static final int SAMPLE = 1_000;

    /** A training dataset of up to this many rows is read whole; a larger one only in part. */
    static final long READ_WHOLE = 1_000_000;

    /** How many of its first rows are read of a dataset larger than {@link #READ_WHOLE}. */
    static final int READ_HEAD = 10_000;

    private static final long SAMPLE_SEED = 0x5EED_1A7EL;

    private static final String NONE = "none: ";

    /**
     * The dataset version a model was trained on, with how many of its rows were read ({@code
     * read}, from the first) and how many of those are complete.
     */
    record Source(
            String dataset, String version, String sha256, long rows, long read, long complete) {
        Map<String, Object> json() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("dataset", dataset);
            e.put("version", version);
            e.put("ref", dataset + "@" + version);
            e.put("sha256", sha256);
            e.put("rows", rows);
            e.put("rows_read", read);
            e.put("complete_rows", complete);
            return e;
        }
    }

    /** One row of the training data: its number (from 1, in file order) and values by input. */
    record Row(long number, Map<String, Object> values) {
        Map<String, Object> json() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("row", number);
            e.put("values", values);
            return e;
        }
    }

    private final String hints;
    private final Optional<Source> source;
    private final Optional<DatasetVersion> data;
    private final Optional<Profile> profile;
    private final Optional<Row> first;
    private final List<Row> sample;

    private TrainingRows(
            String hints,
            Optional<Source> source,
            Optional<DatasetVersion> data,
            Optional<Profile> profile,
            Optional<Row> first,
            List<Row> sample) {
        this.hints = hints;
        this.source = source;
        this.data = data;
        this.profile = profile;
        this.first = first;
        this.sample = List.copyOf(sample);
    }

    private static TrainingRows none(String why) {
        return new TrainingRows(
                NONE + why,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    /**
     * The training data of the version whose manifest is {@code m}, read through the data layer:
     * every row when it has at most {@code readWhole}, else its first {@code readHead} rows.
     */
    static TrainingRows of(
            String model, ModelManifest m, Datasets datasets, long readWhole, int readHead) {
        if (!(m.provenance().source() instanceof Provenance.Trained t)) {
            Provenance.Imported i = (Provenance.Imported) m.provenance().source();
            return none(
                    "the model has no training dataset in this home (%s was imported from %s)"
                            .formatted(model, i.fileName()));
        }
        String ref = t.datasetName() + "@" + t.datasetVersion();
        DatasetVersion v;
        try {
            v = datasets.resolve(new DatasetRef(t.datasetName(), Optional.of(t.datasetVersion())));
        } catch (NotFoundException e) {
            return none("its training dataset %s is not in this home".formatted(ref));
        }
        if (!v.contentSha256().equals(t.datasetSha256())) {
            return none(
                    "the dataset %s in this home has sha256 %s, not the %s the model was trained on"
                            .formatted(ref, v.contentSha256(), t.datasetSha256()));
        }
        Profile profile = datasets.profile(v.ref());
        List<ColumnSpec> read =
                m.signature().inputs().stream()
                        .filter(c -> c.width() == 1 && v.schema().find(c.name()).isPresent())
                        .toList();
        List<String> names = read.stream().map(ColumnSpec::name).toList();
        Frame frame =
                v.rows() <= readWhole
                        ? datasets.read(v.ref(), names)
                        : PreviewFrames.head(datasets, v, names, readHead);
        List<Integer> complete = new ArrayList<>();
        for (int r = 0; r < frame.rows(); r++) {
            if (complete(frame, r)) {
                complete.add(r);
            }
        }
        List<Integer> candidates = complete;
        if (candidates.isEmpty()) {
            candidates = new ArrayList<>();
            for (int r = 0; r < frame.rows(); r++) {
                candidates.add(r);
            }
        }
        List<Row> sample = pick(candidates).stream().map(r -> row(frame, read, r)).toList();
        Optional<Row> first =
                candidates.isEmpty()
                        ? Optional.empty()
                        : Optional.of(row(frame, read, candidates.getFirst()));
        Source source =
                new Source(
                        t.datasetName(),
                        v.id(),
                        v.contentSha256(),
                        v.rows(),
                        frame.rows(),
                        complete.size());
        return new TrainingRows(
                "from the training data, " + t.datasetName() + "@" + v.id(),
                Optional.of(source),
                Optional.of(v),
                Optional.of(profile),
                first,
                sample);
    }

    /** {@code "from the training data, ..."}, or {@code "none: "} and why there are no hints. */
    String hints() {
        return hints;
    }

    /** Why there are no training rows, or where they come from: {@link #hints()} unprefixed. */
    String why() {
        return hints.startsWith(NONE) ? hints.substring(NONE.length()) : hints;
    }

    Optional<Source> source() {
        return source;
    }

    /** The first complete row of the training data. */
    Optional<Row> first() {
        return first;
    }

    /** A row drawn from the sample with {@code seed}: the same seed, the same row. */
    Optional<Row> random(long seed) {
        if (sample.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sample.get(new SplittableRandom(seed).nextInt(sample.size())));
    }

    /** What a form needs to know of input {@code spec}: its kind and what training saw. */
    Map<String, Object> input(ColumnSpec spec) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", spec.name());
        e.put("datatype", spec.dtype().protocolName());
        if (spec.width() > 1) {
            e.put("width", spec.width());
            if (!spec.labels().isEmpty()) {
                e.put("labels", spec.labels());
            }
        }
        Optional<Field> field =
                spec.width() == 1
                        ? data.flatMap(d -> d.schema().find(spec.name()))
                        : Optional.empty();
        Optional<ColumnProfile> column =
                field.flatMap(f -> profile.flatMap(p -> p.column(f.name())));
        switch (spec.dtype()) {
            case BOOL -> e.put("kind", "bool");
            case INT64, FP32, FP64 -> number(e, spec, field, column);
            case STRING -> text(e, field, column);
        }
        column.ifPresent(c -> e.put("missing_in_training", c.nulls()));
        return e;
    }

    private static void number(
            Map<String, Object> e,
            ColumnSpec spec,
            Optional<Field> field,
            Optional<ColumnProfile> column) {
        e.put("kind", "number");
        Optional<LogicalType> type = field.map(Field::type);
        boolean integer =
                spec.dtype() == DType.INT64
                        || type.filter(t -> t == LogicalType.INTEGER || t == LogicalType.BOOLEAN)
                                .isPresent();
        e.put("integer", integer);
        if (field.isEmpty()) {
            return;
        }
        switch (field.get().domain()) {
            case Domain.Range r -> {
                e.put("min", number(r.min(), integer));
                e.put("max", number(r.max(), integer));
            }
            case Domain.Flags f -> {
                e.put("min", 0);
                e.put("max", 1);
            }
            case Domain.Categories c -> {}
            case Domain.TimeRange r -> {}
            case Domain.Unbounded u -> {}
        }
        Optional<NumericSummary> n = column.flatMap(ColumnProfile::numeric);
        n.ifPresent(
                s -> {
                    e.put("p05", quantile(s.quantile(0.05), integer));
                    e.put("p95", quantile(s.quantile(0.95), integer));
                });
    }

    private static void text(
            Map<String, Object> e, Optional<Field> field, Optional<ColumnProfile> column) {
        List<Category> seen =
                field.map(
                                f ->
                                        switch (f.domain()) {
                                            case Domain.Categories c -> c.values();
                                            case Domain.Flags b ->
                                                    List.of(
                                                            new Category("true", b.trues()),
                                                            new Category("false", b.falses()));
                                            case Domain.Range r -> List.<Category>of();
                                            case Domain.TimeRange r -> List.<Category>of();
                                            case Domain.Unbounded u -> List.<Category>of();
                                        })
                        .orElse(List.of());
        if (seen.isEmpty()) {
            e.put("kind", "text");
            column.ifPresent(
                    c -> e.put("examples", c.top().stream().map(Category::value).toList()));
            return;
        }
        List<String> values =
                seen.stream()
                        .sorted(
                                Comparator.comparingLong(Category::count)
                                        .reversed()
                                        .thenComparing(Category::value))
                        .map(Category::value)
                        .toList();
        e.put("kind", "category");
        e.put("values", values.subList(0, Math.min(MAX_VALUES, values.size())));
        e.put("values_capped", values.size() > MAX_VALUES);
        e.put("distinct", values.size());
    }

    private static Object quantile(OptionalDouble q, boolean integer) {
        return q.isPresent() ? number(q.getAsDouble(), integer) : null;
    }

    /** A finite number as JSON takes it (a whole number for integer inputs); null otherwise. */
    private static Object number(double v, boolean integer) {
        if (!Double.isFinite(v)) {
            return null;
        }
        if (integer && v == Math.rint(v) && Math.abs(v) < 9.0e15) {
            return (long) v;
        }
        return v;
    }

    private static boolean complete(Frame frame, int row) {
        for (Column c : frame.columns()) {
            if (c.isNull(row) || (c instanceof DoubleColumn d && !Double.isFinite(d.get(row)))) {
                return false;
            }
        }
        return true;
    }

    /** Up to {@link #SAMPLE} of {@code rows}, chosen uniformly with a fixed seed, in file order. */
    private static List<Integer> pick(List<Integer> rows) {
        if (rows.size() <= SAMPLE) {
            return rows;
        }
        int[] kept = new int[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            kept[i] = rows.get(i);
        }
        SplittableRandom random = new SplittableRandom(SAMPLE_SEED);
        for (int i = SAMPLE; i < rows.size(); i++) {
            int j = random.nextInt(i + 1);
            if (j < SAMPLE) {
                kept[j] = rows.get(i);
            }
        }
        return Arrays.stream(kept).sorted().boxed().toList();
    }

    private static Row row(Frame frame, List<ColumnSpec> specs, int r) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ColumnSpec spec : specs) {
            values.put(spec.name(), value(frame.column(spec.name()), r, spec.dtype()));
        }
        return new Row(r + 1L, values);
    }

    /** Row {@code r} of {@code c} as an input of type {@code to} takes it; null when missing. */
    private static Object value(Column c, int r, DType to) {
        if (c.isNull(r)) {
            return null;
        }
        Object v =
                switch (c) {
                    case DoubleColumn d -> Double.isFinite(d.get(r)) ? d.get(r) : null;
                    case FloatColumn f ->
                            Float.isFinite(f.values()[r]) ? (double) f.values()[r] : null;
                    case LongColumn l -> l.get(r);
                    case BoolColumn b -> b.get(r);
                    case StringColumn s -> s.get(r);
                };
        if (v == null) {
            return null;
        }
        return switch (to) {
            case STRING -> String.valueOf(v);
            case BOOL ->
                    switch (v) {
                        case Boolean b -> b;
                        case Number n -> n.doubleValue() != 0;
                        default -> Boolean.parseBoolean(v.toString());
                    };
            case INT64, FP32, FP64 ->
                    switch (v) {
                        case Boolean b -> b ? 1 : 0;
                        case Double d when d == Math.rint(d) && Math.abs(d) < 9.0e15 ->
                                to == DType.INT64 ? (Object) (long) (double) d : d;
                        default -> v;
                    };
        };
    }
}
