package dev.slipway.registry;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a model file trained elsewhere into a package ready to register: refuses pickles, detects
 * the format, loads the model and runs it on a sample, and takes its signature.
 */
final class ModelImporter {

    /** What a file that passed every check becomes. */
    record Checked(ModelManifest manifest, PackageEntry file) {}

    /** How many first bytes a format judges a file by. */
    static final int HEAD_BYTES = 64 * 1024;

    /** How users know each format, for the message about an unknown file. */
    private static final Map<String, String> KNOWN =
            Map.of(
                    "xgboost",
                            "xgboost (XGBoost JSON model, .json, from save_model(\"model.json\"))",
                    "lightgbm",
                            "lightgbm (LightGBM text model, .txt, from save_model(\"model.txt\"))",
                    "onnx", "onnx (ONNX model, .onnx)");

    private final List<ModelFormat> formats;

    ModelImporter(List<ModelFormat> formats) {
        this.formats = formats;
    }

    Checked check(Path file, ImportOptions options, Instant now) {
        String fileName = file.getFileName().toString();
        byte[] content = read(file);
        if (content.length == 0) {
            throw InvalidInputException.of(
                    file.toString(), "%s is empty; give the model file itself".formatted(file));
        }
        Pickles.refuse(fileName, content);
        ModelFormat format = detect(fileName, content);
        Signature signature;
        try (Predictor predictor =
                format.load(content, file.toString(), new LoadOptions(options.featureNames()))) {
            Signature taken = options.signature().orElse(predictor.signature());
            tryOn(predictor, options.sample().orElseGet(() -> Samples.oneRow(taken)), file);
            options.signature().ifPresent(s -> checkOutputs(s, predictor.signature(), file));
            signature = taken;
        }
        String sha256 = HexFormat.of().formatHex(Hashes.sha256(content));
        ModelManifest.Builder manifest =
                ModelManifest.builder(
                                format.name(),
                                format.runtime(),
                                signature,
                                new Provenance(now, new Provenance.Imported(fileName, sha256)))
                        .featureNames(options.featureNames());
        options.task().or(() -> task(signature)).ifPresent(manifest::task);
        return new Checked(
                manifest.build(),
                PackageEntry.of(packagePath(fileName, format), PackageFile.MODEL, content));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(
                    file.toString(), "no file %s; check the path".formatted(file), e);
        } catch (IOException | OutOfMemoryError e) {
            throw InvalidInputException.of(
                    file.toString(),
                    "cannot read %s: %s. Check that it is a readable file".formatted(file, e),
                    e);
        }
    }

    private ModelFormat detect(String fileName, byte[] content) {
        byte[] head = Arrays.copyOf(content, Math.min(content.length, HEAD_BYTES));
        for (ModelFormat f : formats) {
            if (f.recognizes(fileName, head)) {
                return f;
            }
        }
        List<String> known =
                formats.stream().map(f -> KNOWN.getOrDefault(f.name(), f.name())).toList();
        throw InvalidInputException.of(
                fileName,
                "%s is not a model file Slipway can read (it starts with %s). Supported formats: %s. Save the model in one of them and import that file"
                        .formatted(
                                fileName,
                                describeHead(head),
                                known.isEmpty() ? "none are installed" : String.join("; ", known)));
    }

    private static void tryOn(Predictor predictor, Frame sample, Path file) {
        Frame out;
        try {
            out = predictor.predict(sample);
        } catch (RuntimeException e) {
            throw InvalidInputException.of(
                    file.toString(),
                    "%s loads but fails on a sample of %d row(s): %s. Give a sample of real rows (--sample) or the model's signature (--schema)"
                            .formatted(file, sample.rows(), e.getMessage()),
                    e);
        }
        if (out.rows() != sample.rows()) {
            throw InvalidInputException.of(
                    file.toString(),
                    "%s returned %d rows for a sample of %d; a model must return one row per input row"
                            .formatted(file, out.rows(), sample.rows()));
        }
    }

    /** Every output of a given signature must be one the model returns, with the same shape. */
    private static void checkOutputs(Signature given, Signature actual, Path file) {
        for (ColumnSpec o : given.outputs()) {
            Optional<ColumnSpec> a = actual.findOutput(o.name());
            if (a.isEmpty() || a.get().dtype() != o.dtype() || a.get().width() != o.width()) {
                throw InvalidInputException.of(
                        file.toString(),
                        "the signature given for %s has output '%s' (%s x %d), but the model returns %s"
                                .formatted(
                                        file,
                                        o.name(),
                                        o.dtype(),
                                        o.width(),
                                        actual.outputs().stream()
                                                .map(
                                                        c ->
                                                                "'%s' (%s x %d)"
                                                                        .formatted(
                                                                                c.name(), c.dtype(),
                                                                                c.width()))
                                                .toList()));
            }
        }
    }

    /**
     * Classifiers report class probabilities, one position per class: the width tells binary from
     * multi-class. Tree formats name that output {@code probabilities}, skl2onnx names it {@code
     * output_probability}. Nothing is said of other models.
     */
    private static Optional<Task> task(Signature s) {
        return s.outputs().stream()
                .filter(
                        o ->
                                o.dtype().isNumeric()
                                        && o.width() >= 2
                                        && o.name().toLowerCase(Locale.ROOT).contains("probabilit"))
                .findFirst()
                .map(p -> p.width() > 2 ? Task.MULTICLASS : Task.BINARY);
    }

    private static String packagePath(String fileName, ModelFormat format) {
        try {
            return PackageFile.requireValidPath(fileName);
        } catch (InvalidInputException e) {
            return "model." + format.name();
        }
    }

    private static String describeHead(byte[] head) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, head.length); i++) {
            hex.append(i == 0 ? "" : " ").append("%02x".formatted(head[i] & 0xff));
        }
        return "the bytes " + hex;
    }
}
