package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.data.SourceFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway data export NAME[@VER] --out FILE}. */
@Command(
        name = "export",
        description = "Write a dataset version to a CSV, Parquet or JSON-lines file.",
        footer = {
            "",
            "Examples:",
            "  slipway data export adult --out adult.csv",
            "  slipway data export adult@1 --out adult.parquet"
        })
final class DataExportCommand extends DataSubcommand {

    @Parameters(index = "0", paramLabel = "NAME[@VER]", description = "The dataset version.")
    String ref;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The file to write.")
    Path outFile;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "csv, parquet or jsonl (default: from the --out file's extension).")
    Optional<String> format = Optional.empty();

    @Override
    int run(Datasets datasets) {
        String label =
                format.orElseGet(
                        () -> {
                            String n = outFile.getFileName().toString();
                            int dot = n.lastIndexOf('.');
                            return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
                        });
        SourceFormat f =
                SourceFormat.fromLabel(label)
                        .orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                "--format",
                                                "cannot tell the format of '%s'; name the file .csv, .parquet or .jsonl, or give --format"
                                                        .formatted(outFile)));
        DatasetRef r = DatasetRef.parse(ref);
        DatasetVersion v = datasets.resolve(r);
        Path written = datasets.export(v.ref(), outFile, f);
        if (json) {
            Output.json(
                    out(),
                    Views.version(v)
                            .put("exported_to", written.toString())
                            .put("format", f.label()));
        } else {
            out().printf(
                            "Wrote %s@%s (%s rows) to %s%n",
                            v.dataset(), v.id(), Output.num(v.rows()), written);
        }
        return ExitCode.OK;
    }
}
