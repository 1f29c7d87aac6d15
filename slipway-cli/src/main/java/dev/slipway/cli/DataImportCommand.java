package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.LogicalType;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ImportResult;
import dev.slipway.data.ProgressListener;
import dev.slipway.data.SourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway data import FILE --name NAME}. */
@Command(
        name = "import",
        description = {
            "Import a CSV, Parquet or JSON-lines file as a new immutable version of a dataset.",
            "Types are inferred from every value; white space around values and names is trimmed;",
            "identical content imported again returns the existing version."
        },
        footer = {
            "",
            "Examples:",
            "  slipway data import adult.csv --name adult",
            "  slipway data import sales.tsv --type store_id=categorical --missing ',?,n/a'",
            "  slipway data import events.parquet --name events --json"
        })
final class DataImportCommand extends DataSubcommand {

    private static final long PROGRESS_BAR_BYTES = 4L << 20;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Dataset name (default: the file name without extension).")
    Optional<String> name = Optional.empty();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "csv, parquet or jsonl (default: from the file name and content).")
    Optional<String> format = Optional.empty();

    @Option(
            names = "--delimiter",
            paramLabel = "CHAR",
            description = "CSV field separator, e.g. ';' or 'tab' (default: detected).")
    Optional<String> delimiter = Optional.empty();

    @Option(
            names = "--quote",
            paramLabel = "CHAR",
            description = "CSV quote character (default: \").")
    Optional<String> quote = Optional.empty();

    @Option(
            names = "--header",
            negatable = true,
            description = "Whether the first CSV line names the columns (default: detected).")
    Optional<Boolean> header = Optional.empty();

    @Option(
            names = "--no-trim",
            description = "Keep white space around values and column names as it is.")
    boolean noTrim;

    @Option(
            names = "--missing",
            paramLabel = "VALUES",
            description =
                    "Values that mean missing, comma-separated (default: ',?,NA', where the empty value comes first).")
    Optional<String> missing = Optional.empty();

    @Option(
            names = "--type",
            paramLabel = "COL=TYPE",
            description =
                    "Override a column's type: numeric, integer, categorical, boolean, text or timestamp. Repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

    @Override
    int run(Datasets datasets) {
        String dataset = name.orElseGet(this::nameFromFile);
        ImportOptions options = options();
        ImportResult r;
        try (ProgressBar bar = new ProgressBar(err())) {
            ProgressListener progress = isLarge() && !json ? bar : ProgressListener.NONE;
            r = datasets.importFile(file, dataset, options, progress);
        }
        if (json) {
            ObjectNode n = Views.version(r.version());
            n.put("created", r.created());
            n.put("elapsed_ms", r.elapsed().toMillis());
            n.set("schema", Views.schema(r.version().schema()));
            var warnings = n.putArray("warnings");
            r.warnings().forEach(warnings::add);
            Output.json(out(), n);
            return ExitCode.OK;
        }
        var v = r.version();
        out().printf(
                        Locale.ROOT,
                        "%s %s as %s@%s (version %d)%n  %s rows, %d columns, in %.1f s%n",
                        r.created() ? "Imported" : "Already imported:",
                        file,
                        v.dataset(),
                        v.id(),
                        v.number(),
                        Output.num(v.rows()),
                        v.schema().size(),
                        r.elapsed().toMillis() / 1000.0);
        if (!r.created()) {
            out().println("  identical content and options: nothing changed");
        }
        r.warnings().forEach(w -> out().println("  warning: " + w));
        out().println();
        DataShowCommand.printSchema(out(), v.schema());
        return ExitCode.OK;
    }

    private boolean isLarge() {
        try {
            return Files.isRegularFile(file) && Files.size(file) > PROGRESS_BAR_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private String nameFromFile() {
        String base = file.getFileName().toString();
        int dot = base.indexOf('.');
        String stem = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^A-Za-z0-9._-]", "-");
        return DatasetRef.requireValidName(stem.replaceFirst("^[^A-Za-z0-9]+", ""));
    }

    private ImportOptions options() {
        ImportOptions.Builder b = ImportOptions.builder().trim(!noTrim);
        format.ifPresent(
                f ->
                        b.format(
                                SourceFormat.fromLabel(f)
                                        .orElseThrow(
                                                () ->
                                                        InvalidInputException.of(
                                                                "--format",
                                                                "--format '%s' is not a format Slipway reads; use csv, parquet or jsonl"
                                                                        .formatted(f)))));
        delimiter.ifPresent(d -> b.delimiter(singleChar("--delimiter", d)));
        quote.ifPresent(q -> b.quote(singleChar("--quote", q)));
        header.ifPresent(b::header);
        missing.ifPresent(m -> b.missing(List.of(m.split(",", -1))));
        types.forEach(
                (col, t) ->
                        b.type(
                                col.strip(),
                                LogicalType.fromLabel(t)
                                        .orElseThrow(
                                                () ->
                                                        InvalidInputException.of(
                                                                "--type " + col,
                                                                "--type %s=%s: '%s' is not a type; use numeric, integer, categorical, boolean, text or timestamp"
                                                                        .formatted(col, t, t)))));
        return b.build();
    }

    private static char singleChar(String option, String value) {
        String v = value.equalsIgnoreCase("tab") || value.equals("\\t") ? "\t" : value;
        if (v.length() != 1) {
            throw InvalidInputException.of(
                    option,
                    "%s '%s' must be a single character (or 'tab')".formatted(option, value));
        }
        return v.charAt(0);
    }
}
