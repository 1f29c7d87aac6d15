package dev.slipway.serve.log;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Signature;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answered request, as the {@link PredictionLog} records it: when it was answered, by which
 * model version, over which protocol, how long it took, and its input and output rows.
 *
 * <p>{@code inputs} and {@code outputs} have the same number of rows. {@code signature} decides the
 * columns of the log: a column of the signature that is missing from its frame is logged as NULL (a
 * request may ask for only some outputs), and frame columns the signature does not name are not
 * logged. A column present in both must have the type and width the signature gives it. The frames
 * are kept by reference until they are written: do not change their arrays afterwards.
 *
 * @param time when the request was answered; it decides the date partition (in UTC)
 * @param requestId the request's id
 * @param model the model's name, as registered (it names a folder of the log)
 * @param version the model version that answered
 * @param protocol the protocol the request came in by, such as {@code v2-rest} or {@code grpc}
 * @param latencyMicros how long the answer took, in microseconds, 0 or more
 */
public record LoggedPrediction(
        Instant time,
        String requestId,
        String model,
        int version,
        String protocol,
        long latencyMicros,
        Frame inputs,
        Frame outputs,
        Signature signature) {

    public LoggedPrediction {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(signature, "signature");
        if (!ModelRef.NAME.matcher(model).matches()) {
            throw InvalidInputException.of(
                    "model",
                    "cannot log predictions of model '%s': a model name is 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit"
                            .formatted(model));
        }
        if (latencyMicros < 0) {
            throw InvalidInputException.of(
                    requestId,
                    "request '%s' to %s has a negative latency (%d us); pass the elapsed time"
                            .formatted(requestId, model, latencyMicros));
        }
        if (inputs.rows() != outputs.rows()) {
            throw InvalidInputException.of(
                    requestId,
                    "request '%s' to %s has %d input rows but %d output rows; log one output row per input row"
                            .formatted(requestId, model, inputs.rows(), outputs.rows()));
        }
        conforms(inputs, signature.inputs(), "input", requestId, model);
        conforms(outputs, signature.outputs(), "output", requestId, model);
    }

    int rows() {
        return inputs.rows();
    }

    private static void conforms(
            Frame frame, List<ColumnSpec> specs, String kind, String requestId, String model) {
        for (ColumnSpec spec : specs) {
            Optional<Column> found = frame.find(spec.name());
            if (found.isEmpty()) {
                continue;
            }
            Column c = found.get();
            if (c.dtype() != spec.dtype() || c.width() != spec.width()) {
                throw InvalidInputException.of(
                        spec.name(),
                        "request '%s' to %s: %s column '%s' holds %s of width %d but the signature says %s of width %d; log the frame the model saw, with the signature of the version that answered"
                                .formatted(
                                        requestId,
                                        model,
                                        kind,
                                        spec.name(),
                                        c.dtype(),
                                        c.width(),
                                        spec.dtype(),
                                        spec.width()));
            }
        }
    }
}
