package dev.slipway.monitor.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON file beside a scored reference's Parquet file: what was scored with what, so that the
 * file is reused only while all of it still holds. Format {@value #FORMAT}, version {@value
 * #VERSION}. Immutable.
 *
 * @param model the model's name
 * @param modelVersion the version that scored the rows
 * @param manifestSha256 the hex sha256 of that version's package manifest
 * @param dataset the dataset version scored, {@code name@id}
 * @param datasetSha256 the hex sha256 of its snapshot
 * @param rows the rows of the dataset version
 * @param predictedRows the rows that got predictions (the others' are missing)
 * @param created when the file was written
 * @param slipwayVersion the Slipway that wrote it
 */
record Sidecar(
        String model,
        int modelVersion,
        String manifestSha256,
        String dataset,
        String datasetSha256,
        long rows,
        long predictedRows,
        Instant created,
        String slipwayVersion) {

    static final String FORMAT = "slipway reference predictions";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    Sidecar {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(manifestSha256, "manifestSha256");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(datasetSha256, "datasetSha256");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(slipwayVersion, "slipwayVersion");
    }

    /** Whether this sidecar describes the same scoring as {@code other} (times aside). */
    boolean sameScoring(Sidecar other) {
        return model.equals(other.model)
                && modelVersion == other.modelVersion
                && manifestSha256.equals(other.manifestSha256)
                && dataset.equals(other.dataset)
                && datasetSha256.equals(other.datasetSha256)
                && rows == other.rows;
    }

    byte[] toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("model", model);
        n.put("model_version", modelVersion);
        n.put("manifest_sha256", manifestSha256);
        n.put("dataset", dataset);
        n.put("dataset_sha256", datasetSha256);
        n.put("rows", rows);
        n.put("predicted_rows", predictedRows);
        n.put("created", created.toString());
        n.put("slipway_version", slipwayVersion);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a sidecar as JSON", e);
        }
    }

    /**
     * The sidecar in {@code file}, or empty when there is none.
     *
     * @throws IncompatibleFormatException when a newer Slipway wrote it
     * @throws CorruptDataException when it is not a sidecar of this format
     */
    static Optional<Sidecar> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw corrupt(file, "it is not JSON (" + e.getMessage() + ")");
        }
        if (n == null || !n.isObject() || !FORMAT.equals(n.path("format").asText())) {
            throw corrupt(file, "its format is not '" + FORMAT + "'");
        }
        int found = n.path("version").asInt(-1);
        if (found > VERSION) {
            throw new IncompatibleFormatException(FORMAT, found, VERSION, file.toString());
        }
        if (found < 1) {
            throw corrupt(file, "it has no format version");
        }
        try {
            return Optional.of(
                    new Sidecar(
                            text(n, "model", file),
                            n.path("model_version").asInt(),
                            text(n, "manifest_sha256", file),
                            text(n, "dataset", file),
                            text(n, "dataset_sha256", file),
                            n.path("rows").asLong(-1),
                            n.path("predicted_rows").asLong(-1),
                            Instant.parse(text(n, "created", file)),
                            text(n, "slipway_version", file)));
        } catch (DateTimeParseException e) {
            throw corrupt(file, "its created time is not an instant");
        }
    }

    private static String text(JsonNode n, String field, Path file) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw corrupt(file, "it has no text field '" + field + "'");
        }
        return v.asText();
    }

    private static CorruptDataException corrupt(Path file, String why) {
        return new CorruptDataException(
                file.toString(),
                "%s is not a scored reference's sidecar: %s; delete it and its .parquet file, and Slipway scores the training data again"
                        .formatted(file, why));
    }
}
