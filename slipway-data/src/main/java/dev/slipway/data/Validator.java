package dev.slipway.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.data.Field;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a batch of data against a dataset version: the file is read the way the version's source
 * was (same trimming and missing markers; same layout when the format matches), its columns are
 * matched by name, and every per-column check runs in one aggregate scan. A second scan, only when
 * something was found, collects the first offending values with their lines.
 */
final class Validator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private final SlipwayHome home;
    private final DataLimits limits;

    Validator(SlipwayHome home, DataLimits limits) {
        this.home = home;
        this.limits = limits;
    }

    ValidationReport run(DatasetVersion ref, Profile profile, Path file) {
        SourceReader.checkFile(file);
        String against = ref.dataset() + "@" + ref.id();
        ImportOptions opt = readOptions(ref, file);
        try (Workspace ws = home.newWorkspace("validate");
                DuckSession duck = DuckSession.open(ws.path().resolve("spill"), limits)) {
            Source src = SourceReader.open(file, opt, duck, ProgressListener.NONE);
            Map<String, Source.SourceColumn> byName = new HashMap<>();
            src.columns().forEach(c -> byName.put(c.name(), c));
            Map<String, String> timeFormats = timeFormats(ref);
            List<ColumnCheck> checks = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Field f : ref.schema().fields()) {
                Source.SourceColumn c = byName.get(f.name());
                if (c == null) {
                    missing.add(f.name());
                } else {
                    checks.add(
                            ColumnCheck.of(
                                    f,
                                    c,
                                    nullRate(ref, profile, f),
                                    Optional.ofNullable(timeFormats.get(f.name()))));
                }
            }
            List<String> extra =
                    src.columns().stream()
                            .map(Source.SourceColumn::name)
                            .filter(n -> ref.schema().find(n).isEmpty())
                            .toList();
            List<long[]> counts = aggregate(duck, src, checks);
            long rows = counts.get(0)[0];
            List<Problem> problems =
                    new ArrayList<>(Renames.columnProblems(against, missing, extra, rows));
            List<ColumnCheck.Finding> found = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                found.addAll(checks.get(i).findings(counts.get(i + 1), rows, against));
            }
            List<List<String>> examples = examples(duck, src, found);
            for (int i = 0; i < found.size(); i++) {
                problems.add(found.get(i).problem(examples.get(i)));
            }
            return new ValidationReport(against, file.toString(), rows, problems);
        }
    }

    /** Runs every column's counts in one scan: the row count first, then each check's counts. */
    private static List<long[]> aggregate(DuckSession duck, Source src, List<ColumnCheck> checks) {
        List<String> aggs = new ArrayList<>(List.of("count(*)"));
        checks.forEach(c -> aggs.addAll(c.aggregates()));
        String sql = "SELECT " + String.join(", ", aggs) + " FROM " + src.relation();
        try (Statement s = duck.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            List<long[]> out = new ArrayList<>();
            out.add(new long[] {rs.getLong(1)});
            int k = 2;
            for (ColumnCheck c : checks) {
                long[] counts = new long[c.aggregates().size()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = rs.getLong(k++);
                }
                out.add(counts);
            }
            return out;
        } catch (SQLException e) {
            throw DuckErrors.unreadable(src.file(), src.format(), e);
        }
    }

    /** The first {@link Problem#MAX_EXAMPLES} offending values of each finding, in one scan. */
    private static List<List<String>> examples(
            DuckSession duck, Source src, List<ColumnCheck.Finding> found) {
        List<List<String>> out = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            out.add(new ArrayList<>());
            ColumnCheck.Finding f = found.get(i);
            if (f.predicate().isEmpty()) {
                continue;
            }
            String v = "v" + i;
            values.add(f.value() + " AS " + v);
            String p = f.predicate().get().apply(v);
            any.add("(" + p + ")");
            branches.add(
                    "(SELECT %d AS k, n, %s AS v FROM t WHERE %s ORDER BY n LIMIT %d)"
                            .formatted(i, v, p, Problem.MAX_EXAMPLES));
        }
        if (branches.isEmpty()) {
            return out;
        }
        String sql =
                "WITH t AS MATERIALIZED (SELECT * FROM (SELECT row_number() OVER () - 1 AS n, %s FROM %s) WHERE %s) SELECT k, n, v FROM (%s) ORDER BY k, n"
                        .formatted(
                                String.join(", ", values),
                                src.relation(),
                                String.join(" OR ", any),
                                String.join(" UNION ALL ", branches));
        try (Statement s = duck.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String where = src.rowLabel(rs.getLong(2));
                out.get(rs.getInt(1)).add(quote(rs.getString(3)) + " (" + where + ")");
            }
        } catch (SQLException e) {
            throw DuckErrors.unreadable(src.file(), src.format(), e);
        }
        return out;
    }

    private static String quote(String value) {
        String v = value.length() > 40 ? value.substring(0, 37) + "..." : value;
        return "'" + v + "'";
    }

    private static double nullRate(DatasetVersion ref, Profile profile, Field f) {
        if (ref.rows() == 0) {
            return 0;
        }
        long nulls =
                profile.column(f.name())
                        .orElseThrow(
                                () ->
                                        new CorruptDataException(
                                                ref.ref().toString(),
                                                "the profile of %s has no column '%s'; re-import the data"
                                                        .formatted(ref.ref(), f.name())))
                        .nulls();
        return (double) nulls / ref.rows();
    }

    /** The strptime formats of the version's timestamp columns written in a non-ISO layout. */
    private static Map<String, String> timeFormats(DatasetVersion ref) {
        String json = ref.options().getOrDefault(Importer.TIME_FORMATS_OPTION, "{}");
        try {
            return JSON.readValue(json, new TypeReference<java.util.TreeMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new CorruptDataException(
                    ref.ref().toString(),
                    "the time formats recorded for %s are not a JSON object (%s); re-import the data"
                            .formatted(ref.ref(), json));
        }
    }

    /**
     * How to read the batch: the reference's trimming and missing markers always, its format and
     * CSV layout when the batch has the same format (else the batch's are detected).
     */
    static ImportOptions readOptions(DatasetVersion ref, Path file) {
        Map<String, String> o = ref.options();
        ImportOptions.Builder b = ImportOptions.builder();
        b.trim(Boolean.parseBoolean(o.getOrDefault("trim", "true")));
        Optional.ofNullable(o.get("missing")).ifPresent(m -> b.missing(list(ref, m)));
        Optional<SourceFormat> recorded =
                Optional.ofNullable(o.get("format")).flatMap(SourceFormat::fromLabel);
        SourceFormat actual = SourceReader.detect(file);
        if (recorded.isPresent() && recorded.get() == actual) {
            b.format(actual);
            if (actual == SourceFormat.CSV) {
                oneChar(o.get("delimiter")).ifPresent(b::delimiter);
                oneChar(o.get("quote")).ifPresent(b::quote);
                Optional.ofNullable(o.get("header"))
                        .map(Boolean::parseBoolean)
                        .ifPresent(b::header);
            }
        }
        return b.build();
    }

    private static Optional<Character> oneChar(String s) {
        return s != null && s.length() == 1 ? Optional.of(s.charAt(0)) : Optional.empty();
    }

    private static List<String> list(DatasetVersion ref, String json) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new CorruptDataException(
                    ref.ref().toString(),
                    "the missing markers recorded for %s are not a JSON list (%s); re-import the data"
                            .formatted(ref.ref(), json));
        }
    }
}
