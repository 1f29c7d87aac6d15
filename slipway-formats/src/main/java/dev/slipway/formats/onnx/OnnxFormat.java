package dev.slipway.formats.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.Predictor;
import java.util.Locale;
import java.util.Objects;

/**
 * The ONNX model format ({@code .onnx} files), evaluated by ONNX Runtime on the CPU.
 *
 * <p>A loaded model keeps the inputs and outputs its graph declares, by their names: tensors of
 * shape {@code [N]} or {@code [N, k]} of float, double, int64, int32 (shown as {@code INT64}), bool
 * or string. The class probabilities of scikit-learn classifiers converted by skl2onnx (a sequence
 * of maps, the {@code ZipMap} output) become an {@code FP32} column with one position per class,
 * labelled with the class names in the model's order.
 *
 * <p>Stateless and thread-safe. All models share one ONNX Runtime environment, created on the first
 * load; each session runs single-threaded ({@code intra_op_num_threads = 1}), with the full graph
 * optimisation, because a server runs many predictions at once on few cores.
 */
public final class OnnxFormat implements ModelFormat {

    /** The format's name in manifests. */
    public static final String NAME = "onnx";

    /** A format instance; cheap, as the runtime is only started by the first load. */
    public OnnxFormat() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String runtime() {
        return "onnxruntime " + environment().getVersion();
    }

    @Override
    public boolean recognizes(String fileName, byte[] head) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(head, "head");
        return fileName.toLowerCase(Locale.ROOT).endsWith(".onnx")
                || ModelProtoReader.looksLikeModel(head);
    }

    @Override
    public Predictor load(byte[] model, String source, LoadOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        if (model.length == 0) {
            throw InvalidInputException.of(
                    source, "ONNX model '%s' is empty (0 bytes)".formatted(source));
        }
        OrtEnvironment env = environment();
        OrtSession session;
        try (SessionOptions sessionOptions = sessionOptions()) {
            session = env.createSession(model, sessionOptions);
        } catch (OrtException e) {
            throw InvalidInputException.of(
                    source,
                    "'%s' (%d bytes) is not a readable ONNX model: %s. Check that the file was copied whole and is the .onnx file an exporter wrote (skl2onnx, torch.onnx, tf2onnx)"
                            .formatted(source, model.length, message(e)),
                    e);
        }
        try {
            return new OnnxPredictor(
                    source, env, session, OnnxBindings.read(session, model, source, options));
        } catch (OrtException | RuntimeException e) {
            try {
                session.close();
            } catch (OrtException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof OrtException ort) {
                throw InvalidInputException.of(
                        source,
                        "ONNX Runtime could not describe the inputs and outputs of model '%s': %s"
                                .formatted(source, message(ort)),
                        ort);
            }
            throw (RuntimeException) e;
        }
    }

    /** The shared environment; ONNX Runtime keeps one per process. */
    private static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "slipway");
    }

    /**
     * Options for serving. One intra-op thread: with concurrent requests on few cores, a thread
     * pool per session only adds hand-offs (see the package documentation for the measurements).
     */
    private static SessionOptions sessionOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return options;
        } catch (OrtException e) {
            options.close();
            throw e;
        }
    }

    /** The message of an ONNX Runtime error without its error-code prefix. */
    static String message(OrtException e) {
        String text = String.valueOf(e.getMessage());
        int at = text.indexOf("message: ");
        return (at >= 0 ? text.substring(at + "message: ".length()) : text).strip();
    }
}
