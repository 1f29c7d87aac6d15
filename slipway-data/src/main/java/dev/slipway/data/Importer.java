package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.Schema;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Imports a file as a dataset version: check and hash the file, infer types, write the Parquet
 * snapshot, profile it, then register it. Until the last step nothing is visible: the work happens
 * in a private workspace, the snapshot is moved into place atomically, and the version becomes
 * visible only when its metadata row commits, so a process killed at any instant leaves no
 * half-imported version.
 */
final class Importer {

    private static final String HASH_FORMAT = "slipway.import/1";

    /** The option recording, per timestamp column in a non-ISO layout, its strptime format. */
    static final String TIME_FORMATS_OPTION = "time_formats";

    private final SlipwayHome home;
    private final Catalog catalog;
    private final Registrar registrar;
    private final DataLimits limits;

    Importer(SlipwayHome home, Catalog catalog, Clock clock, DataLimits limits) {
        this.home = home;
        this.catalog = catalog;
        this.registrar = new Registrar(home, catalog, clock);
        this.limits = limits;
    }

    /** The registrar that registers imported versions, with this importer's clock. */
    Registrar registrar() {
        return registrar;
    }

    ImportResult run(Path file, String name, ImportOptions opt, ProgressListener listener) {
        DatasetRef.requireValidName(name);
        long start = System.nanoTime();
        try (Workspace ws = home.newWorkspace("import");
                DuckSession duck = DuckSession.open(ws.path().resolve("spill"), limits)) {
            Progress progress = new Progress(listener);
            Source src = SourceReader.open(file, opt, duck, listener);
            String content = contentHash(src, opt);
            String id = content.substring(0, 12);
            Optional<Catalog.Entry> existing = catalog.find(name, id);
            if (existing.isPresent()) {
                return new ImportResult(existing.get().version(), false, since(start), List.of());
            }
            Source staged = stage(duck, src, ws.path().resolve("stage.parquet"), progress);
            List<TypeInference.Inferred> inferred = TypeInference.infer(duck, staged, opt.types());
            Path out = ws.path().resolve("data.parquet");
            long rows = writeSnapshot(duck, staged, inferred, out, progress);
            List<Field> bare = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (TypeInference.Inferred i : inferred) {
                bare.add(
                        new Field(
                                i.column().name(),
                                i.type(),
                                i.nonNull() < rows,
                                new Domain.Unbounded()));
                if (i.nonNull() == 0) {
                    warnings.add(
                            "column '%s' has no values (all missing); it is stored as text"
                                    .formatted(i.column().name()));
                }
            }
            listener.update("profiling", 0, 0);
            Registrar.Registered r =
                    registrar.register(
                            duck,
                            new Registrar.Pending(
                                    name,
                                    id,
                                    content,
                                    rows,
                                    out,
                                    new Schema(bare),
                                    file.toAbsolutePath().normalize().toString(),
                                    recordedOptions(src, opt, inferred),
                                    Optional.empty()));
            return new ImportResult(r.version(), r.created(), since(start), warnings);
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), file + ": cannot be imported: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the source once into a Parquet file of its cleaned text: type inference then reads
     * each column on its own, and the typed snapshot is written from it, without parsing again.
     */
    private static Source stage(DuckSession duck, Source src, Path stage, Progress progress) {
        String sql =
                "COPY (SELECT * FROM %s) TO %s (FORMAT parquet, COMPRESSION uncompressed)"
                        .formatted(src.relation(), Sql.str(stage.toString()));
        try (Statement s = duck.connection().createStatement()) {
            progress.execute(s, sql, "reading");
        } catch (SQLException e) {
            throw DuckErrors.unreadable(src.file(), src.format(), e);
        }
        return src.withRelation(
                "read_parquet(" + Sql.str(stage.toString()) + ", file_row_number=true)");
    }

    private static long writeSnapshot(
            DuckSession duck,
            Source src,
            List<TypeInference.Inferred> inferred,
            Path out,
            Progress progress) {
        List<String> exprs = new ArrayList<>();
        for (TypeInference.Inferred i : inferred) {
            exprs.add(TypeInference.cast(i) + " AS " + Sql.id(i.column().name()));
        }
        String sql =
                "COPY (SELECT %s FROM %s) TO %s (FORMAT parquet, COMPRESSION zstd)"
                        .formatted(
                                String.join(", ", exprs), src.relation(), Sql.str(out.toString()));
        try (Statement s = duck.connection().createStatement()) {
            progress.execute(s, sql, "writing");
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT count(*) FROM read_parquet(" + Sql.str(out.toString()) + ")")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw DuckErrors.unreadable(src.file(), src.format(), e);
        }
    }

    /** The hash that names a version: the source bytes plus every option that shapes the rows. */
    private static String contentHash(Source src, ImportOptions opt) {
        Map<String, String> canon = new TreeMap<>(shapingOptions(src, opt));
        canon.put("source_sha256", src.sha256());
        return Hashing.sha256(HASH_FORMAT + "\n" + Catalog.json(canon));
    }

    private static Map<String, String> shapingOptions(Source src, ImportOptions opt) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", src.format().label());
        src.dialect()
                .ifPresent(
                        d -> {
                            m.put("delimiter", String.valueOf(d.delimiter()));
                            m.put("quote", d.quote() < 0 ? "" : String.valueOf((char) d.quote()));
                            m.put("header", String.valueOf(d.header()));
                        });
        m.put("trim", String.valueOf(opt.trim()));
        m.put("missing", Catalog.jsonList(opt.missing().stream().sorted().toList()));
        Map<String, String> types = new TreeMap<>();
        opt.types().forEach((k, v) -> types.put(k, v.label()));
        m.put("types", Catalog.json(types));
        return m;
    }

    private static Map<String, String> recordedOptions(
            Source src, ImportOptions opt, List<TypeInference.Inferred> inferred) {
        Map<String, String> m = shapingOptions(src, opt);
        List<String> renamed = new ArrayList<>();
        for (Source.SourceColumn c : src.columns()) {
            if (!c.rawName().equals(c.name())) {
                renamed.add(c.rawName());
            }
        }
        m.put("trimmed_names", Catalog.jsonList(renamed));
        m.put("missing", Catalog.jsonList(opt.missing()));
        Map<String, String> formats = new TreeMap<>();
        for (TypeInference.Inferred x : inferred) {
            x.timeFormat().ifPresent(f -> formats.put(x.column().name(), f));
        }
        m.put(TIME_FORMATS_OPTION, Catalog.json(formats));
        return m;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
