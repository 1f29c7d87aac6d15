package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.data.BatchFiles;
import dev.slipway.data.DataLimits;
import dev.slipway.registry.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway predict --model REF --input FILE --output FILE}. */
@Command(
        name = "predict",
        description = {
            "Score a file with a registered model. Reads CSV, Parquet or JSON lines in",
            "batches (any size, in bounded memory); writes the key columns and the",
            "prediction as CSV, Parquet or JSON lines, by the output's extension. A",
            "classifier gives label and one proba_<class> column per class; a regressor",
            "gives prediction. Rows the model cannot take (a value that is not a number,",
            "a category it refuses) go to a rejects file with their row number and the",
            "reason, and the other rows are scored. Values are read as an import reads",
            "them: spaces trimmed; empty, ? and NA are missing.",
            "Exit code 1 when some rows were rejected."
        },
        footer = {
            "",
            "Examples:",
            "  slipway predict --model adult@champion --input test.csv --output scores.csv",
            "  slipway predict --model adult/3 --input new.parquet --output out.parquet \\",
            "      --key id",
            "  slipway predict --model housing --input houses.jsonl --output prices.jsonl"
        })
final class PredictCommand extends LayerCommand {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "REF",
            description = "NAME (the latest version), NAME/VERSION or NAME@ALIAS.")
    String model;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "The rows to score: .csv, .parquet, .jsonl, .ndjson or .json.")
    Path input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description =
                    "Where to write the predictions: .csv, .parquet or .jsonl; appears only when the run completes.")
    Path output;

    @Option(
            names = "--key",
            split = ",",
            paramLabel = "COL",
            description =
                    "Input columns to copy to the output, comma-separated (default: the columns the model does not take, or a 1-based row number when there are none).")
    List<String> keys = new ArrayList<>();

    @Option(
            names = "--rejects",
            paramLabel = "FILE",
            description =
                    "Where to write rejected rows (default: OUTPUT_NAME.rejects.csv beside the output); written only when there are some.")
    Optional<Path> rejects = Optional.empty();

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Rows read and scored at a time (default: 4096).")
    int batchSize = 4096;

    @Override
    int run(Services services) {
        ModelRef ref = ModelRef.parse(model);
        Path rejectsPath = rejects.orElseGet(() -> defaultRejects(output));
        for (Path p : List.of(output, rejectsPath)) {
            BatchFiles.formatOf(p);
            if (Files.isDirectory(p)) {
                throw InvalidInputException.of(
                        p.toString(), p + ": is a directory; give the path of the file to write");
            }
        }
        ModelVersion version = services.registry().resolve(ref);
        BatchFiles files = new BatchFiles(services.home(), DataLimits.defaults());
        long start = System.nanoTime();
        long scoring;
        long read = 0;
        long written;
        long rejected;
        List<String> keyNames;
        try (Predictor predictor = services.registry().load(version);
                BatchFiles.Reader reader =
                        files.open(input, predictor.signature().inputs(), batchSize);
                PredictSink sink =
                        PredictSink.open(
                                files,
                                output,
                                rejectsPath,
                                predictor.signature(),
                                reader.columns(),
                                keys);
                ProgressBar progress = new ProgressBar(err())) {
            keyNames = sink.keyNames();
            PredictScorer scorer = new PredictScorer(predictor, sink);
            long total = reader.total();
            scoring = System.nanoTime();
            progress.update("scoring", 0, total);
            for (Optional<BatchFiles.Chunk> c = reader.next(); c.isPresent(); c = reader.next()) {
                scorer.score(c.get());
                read += c.get().rows().length + c.get().rejected().size();
                progress.update("scoring", read, total);
            }
            sink.commit();
            written = sink.written();
            rejected = sink.rejectedCount();
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        double rate = read / Math.max(1e-9, (end - scoring) / 1e9);
        Path out = output.toAbsolutePath().normalize();
        Path rej = rejectsPath.toAbsolutePath().normalize();
        if (json) {
            ObjectNode n = Output.object();
            n.put("model", version.toString());
            n.put("input", input.toAbsolutePath().normalize().toString());
            n.put("output", out.toString());
            var k = n.putArray("keys");
            keyNames.forEach(k::add);
            n.put("rows_read", read);
            n.put("rows_predicted", written);
            n.put("rows_rejected", rejected);
            if (rejected > 0) {
                n.put("rejects", rej.toString());
            } else {
                n.putNull("rejects");
            }
            n.put("seconds", seconds);
            n.put("rows_per_second", rate);
            Output.json(out(), n);
        } else {
            out().printf(
                            Locale.ROOT,
                            "Scored %s with %s in %.1f s (%s rows/s once loaded)%n",
                            input,
                            version,
                            seconds,
                            Output.num(Math.round(rate)));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("rows read", Output.num(read)));
            rows.add(List.of("predicted", Output.num(written)));
            rows.add(List.of("rejected", Output.num(rejected)));
            rows.add(List.of("output", out.toString()));
            if (rejected > 0) {
                rows.add(List.of("rejects", rej.toString()));
            }
            Output.table(out(), List.of("", ""), rows);
        }
        if (rejected > 0) {
            err().printf(
                            "%s rejected; %s lists each with its row number, the reason and its values%n",
                            rejected == 1 ? "1 row was" : rejected + " rows were", rej);
            err().flush();
            return ExitCode.CHECK_FAILED;
        }
        return ExitCode.OK;
    }

    /** {@code scores.csv} gives {@code scores.rejects.csv}, beside it. */
    static Path defaultRejects(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return output.resolveSibling(base + ".rejects.csv");
    }
}
