package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.log.Range;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** What the monitored data is compared with: {@code --reference}, or a range of the log. */
final class MonitorReferenceOptions {

    @Option(
            names = "--reference",
            paramLabel = "FILE|DATASET[@VER]",
            description =
                    "What the current data is compared with: a CSV, Parquet or JSON-lines file"
                            + " (when the path exists), else a dataset version. Default: the"
                            + " model's training data.")
    Optional<String> reference = Optional.empty();

    @Option(
            names = "--reference-from",
            paramLabel = "TIME",
            description = "Compare with the model's own log from this time (with --reference-to).")
    Optional<String> referenceFrom = Optional.empty();

    @Option(
            names = "--reference-to",
            paramLabel = "TIME",
            description = "The end (excluded) of the log range to compare with.")
    Optional<String> referenceTo = Optional.empty();

    @Option(
            names = "--model-version",
            paramLabel = "N",
            description =
                    "With the training data as reference: the model version whose training data,"
                            + " scored by it, is the reference. Default: the version that predicted"
                            + " most rows of the current data.")
    Optional<Integer> modelVersion = Optional.empty();

    /**
     * The reference these options name.
     *
     * @throws InvalidInputException when both a reference and a log range are given, a time is not
     *     a time, or a path that looks like a file does not exist
     */
    ReferenceData reference() {
        boolean range = referenceFrom.isPresent() || referenceTo.isPresent();
        if (modelVersion.isPresent() && (range || reference.isPresent())) {
            throw InvalidInputException.of(
                    "--model-version",
                    "--model-version chooses the training data (and the version that scores it) as reference; leave out --reference and --reference-from/--reference-to, or --model-version");
        }
        if (modelVersion.isPresent() && modelVersion.get() < 1) {
            throw InvalidInputException.of(
                    "--model-version",
                    "--model-version %d: versions are numbered from 1"
                            .formatted(modelVersion.get()));
        }
        if (range && reference.isPresent()) {
            throw InvalidInputException.of(
                    "--reference",
                    "give either --reference or --reference-from/--reference-to (a range of the model's log), not both");
        }
        if (range) {
            return new ReferenceData.Log(
                    new Range(
                            MonitorTimes.parse("--reference-from", referenceFrom),
                            MonitorTimes.parse("--reference-to", referenceTo),
                            OptionalLong.empty()));
        }
        if (reference.isEmpty()) {
            return new ReferenceData.Training(
                    modelVersion.map(OptionalInt::of).orElseGet(OptionalInt::empty));
        }
        return parse("--reference", reference.get());
    }

    /** A file when {@code value} is an existing path, else a dataset reference. */
    static ReferenceData parse(String option, String value) {
        Path path = Path.of(value);
        if (Files.exists(path)) {
            return new ReferenceData.File(path);
        }
        if (looksLikeFile(value)) {
            throw InvalidInputException.of(
                    option,
                    "%s %s: no such file; check the path, or give a dataset as NAME or NAME@VERSION"
                            .formatted(option, value));
        }
        try {
            return new ReferenceData.Dataset(DatasetRef.parse(value));
        } catch (InvalidInputException e) {
            throw InvalidInputException.of(
                    option,
                    "%s '%s' is neither an existing file nor a dataset (NAME or NAME@VERSION): %s"
                            .formatted(option, value, e.getMessage()));
        }
    }

    private static boolean looksLikeFile(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.contains("/")
                || v.contains("\\")
                || v.endsWith(".csv")
                || v.endsWith(".parquet")
                || v.endsWith(".json")
                || v.endsWith(".jsonl")
                || v.endsWith(".ndjson");
    }
}
