package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.Frame;
import dev.slipway.store.BlobId;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The data layer's entry point: import files as immutable dataset versions, and list, show,
 * preview, export, profile, validate and split them.
 *
 * <p>Thread-safe: every operation opens its own DuckDB engine. Versions are never changed once
 * registered.
 */
public final class Datasets {

    private final SlipwayHome home;
    private final Catalog catalog;
    private final Importer importer;
    private final DataLimits limits;

    /**
     * @param home the Slipway home holding the metadata store, blobs and snapshots
     * @param clock the clock that stamps new versions
     * @param limits resources the data engine may use
     */
    public Datasets(SlipwayHome home, Clock clock, DataLimits limits) {
        this.home = Objects.requireNonNull(home, "home");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.catalog = new Catalog(home.metadata(), home.root());
        this.importer = new Importer(home, catalog, Objects.requireNonNull(clock, "clock"), limits);
    }

    /**
     * Imports {@code file} as a version of dataset {@code name}, creating the dataset if needed.
     * Identical content with identical options returns the existing version.
     */
    public ImportResult importFile(
            Path file, String name, ImportOptions options, ProgressListener progress) {
        return importer.run(file, name, options, progress);
    }

    /** Every dataset with its latest version, by name. */
    public List<DatasetSummary> list() {
        return catalog.list();
    }

    /** The version {@code ref} names; throws NotFoundException when there is none. */
    public DatasetVersion resolve(DatasetRef ref) {
        return catalog.resolve(ref).version();
    }

    /** The versions of dataset {@code name}, oldest first. */
    public List<DatasetVersion> history(String name) {
        return catalog.history(name);
    }

    /** The profile computed when the version was created. */
    public Profile profile(DatasetRef ref) {
        Catalog.Entry e = catalog.resolve(ref);
        byte[] json = home.blobs().read(BlobId.parse(e.profileBlob()));
        return ProfileCodec.fromJson(
                json, "profile of " + e.version().dataset() + "@" + e.version().id());
    }

    /** The first {@code rows} rows of a version. */
    public Preview head(DatasetRef ref, int rows) {
        if (rows < 0) {
            throw InvalidInputException.of(
                    "--rows", "the number of rows must be 0 or more, got " + rows);
        }
        DatasetVersion v = resolve(ref);
        try (Workspace ws = home.newWorkspace("head");
                DuckSession duck = DuckSession.open(ws.path(), limits);
                Statement s = duck.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT * FROM read_parquet("
                                        + Sql.str(snapshot(v).toString())
                                        + ") LIMIT "
                                        + rows)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(rs.getMetaData().getColumnLabel(i));
            }
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String value = rs.getString(i);
                    row.add(value == null ? "" : value);
                }
                out.add(row);
            }
            return new Preview(columns, out);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot read the snapshot of " + v.ref() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the named columns of a version into memory, rows in file order: numeric columns as
     * FP64, integers and timestamps (microseconds since the epoch) as INT64, booleans as BOOL,
     * categories and text as STRING; a missing value is a null row (and NaN in FP64 columns).
     *
     * @throws InvalidInputException when a column is not in the version, naming the ones that are
     */
    public Frame read(DatasetRef ref, List<String> columns) {
        DatasetVersion v = resolve(ref);
        try (Workspace ws = home.newWorkspace("read");
                DuckSession duck = DuckSession.open(ws.path(), limits)) {
            return FrameReader.read(duck, snapshot(v), v, columns);
        }
    }

    /**
     * Reads a whole CSV, Parquet or JSON-lines file (not a dataset) into memory, with the types
     * DuckDB detects: fractional numbers as FP64, whole numbers as INT64, booleans as BOOL, text
     * and everything else as STRING; a missing value is a null row (and NaN in FP64 columns).
     * Columns and rows come in file order. Meant for small files, such as sample rows to try a
     * model on.
     *
     * @throws InvalidInputException when the file is missing, empty or cannot be read as its
     *     format, or has a nested column
     */
    public Frame readFile(Path file) {
        Objects.requireNonNull(file, "file");
        try (Workspace ws = home.newWorkspace("read-file");
                DuckSession duck = DuckSession.open(ws.path(), limits)) {
            return FileFrames.read(duck, file);
        }
    }

    /**
     * Writes a version to {@code out} as CSV (with a header), Parquet or JSON lines. The file
     * appears complete or not at all.
     */
    public Path export(DatasetRef ref, Path out, SourceFormat format) {
        DatasetVersion v = resolve(ref);
        if (Files.isDirectory(out)) {
            throw InvalidInputException.of(
                    out.toString(), out + ": is a directory; give the path of the file to write");
        }
        String options =
                switch (format) {
                    case CSV -> "FORMAT csv, HEADER true";
                    case PARQUET -> "FORMAT parquet, COMPRESSION zstd";
                    case JSONL -> "FORMAT json";
                };
        Path target = out.toAbsolutePath().normalize();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".slipway-tmp");
        try (Workspace ws = home.newWorkspace("export");
                DuckSession duck = DuckSession.open(ws.path(), limits);
                Statement s = duck.connection().createStatement()) {
            Files.createDirectories(target.getParent());
            s.execute(
                    "COPY (SELECT * FROM read_parquet(%s)) TO %s (%s)"
                            .formatted(
                                    Sql.str(snapshot(v).toString()),
                                    Sql.str(tmp.toString()),
                                    options));
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (SQLException | IOException e) {
            throw new StoreException(
                    "cannot export %s to %s: %s; check that the folder exists and is writable"
                            .formatted(v.ref(), out, e.getMessage()),
                    e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover temporary file is harmless; the target is complete or absent
            }
        }
    }

    /**
     * Checks the batch in {@code file} against the version {@code ref} names: missing and extra
     * columns, values that do not parse as their column's type, unseen categories, null rates and
     * numbers outside the range seen. The file is read as the version's source was (same trimming
     * and missing markers; same CSV layout when it is a CSV too).
     *
     * @throws InvalidInputException when the file cannot be read at all, as for an import
     */
    public ValidationReport validate(DatasetRef ref, Path file) {
        Objects.requireNonNull(file, "file");
        DatasetVersion v = resolve(ref);
        return new Validator(home, limits).run(v, profile(v.ref()), file);
    }

    /**
     * Splits the version {@code ref} names into a train and a test version, with lineage to it. The
     * same version and spec always give the same rows in each part, and splitting again returns the
     * versions made the first time.
     *
     * @throws InvalidInputException when the stratify or time column does not exist or does not
     *     fit, or when a part would be empty
     */
    public SplitResult split(DatasetRef ref, SplitSpec spec) {
        Objects.requireNonNull(spec, "spec");
        DatasetVersion v = resolve(ref);
        return new Splitter(home, catalog, importer.registrar(), limits).run(v, snapshot(v), spec);
    }

    /** The snapshot file of a version, checked to exist. */
    Path snapshot(DatasetVersion v) {
        if (!Files.isRegularFile(v.snapshot())) {
            throw new dev.slipway.api.CorruptDataException(
                    v.ref().toString(),
                    "the snapshot of %s is missing (%s); the home was changed by hand: re-import the data"
                            .formatted(v.ref(), v.snapshot()));
        }
        return v.snapshot();
    }
}
