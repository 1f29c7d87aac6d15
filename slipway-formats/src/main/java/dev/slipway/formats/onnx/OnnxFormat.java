package dev.slipway.formats.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.Predictor;
import dev.slipway.formats.onnx.ModelProtoReader.ModelGraph;
import dev.slipway.formats.onnx.ProtoCursor.MalformedException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The ONNX model format ({@code .onnx} files), evaluated by ONNX Runtime on the CPU.
 *
 * <p>A loaded model keeps the inputs and outputs its graph declares, by their names: tensors of
 * shape {@code [N]} or {@code [N, k]} of float, double, int64, int32 (shown as {@code INT64}), bool
 * or string. The class probabilities of scikit-learn classifiers converted by skl2onnx (a sequence
 * of maps, the {@code ZipMap} output) become an {@code FP32} column with one position per class,
 * labelled with the class keys in the model's order. Numbers are converted to the type an input
 * takes; a missing row is NaN in a float input and the empty string in a string input.
 *
 * <p>Stateless and thread-safe. All models share one ONNX Runtime environment, created by the first
 * call that needs it ({@link #load} or {@link #runtime()}). Each session computes on the calling
 * thread ({@code intra_op_num_threads = 1}): concurrent requests share the cores instead, and a
 * model's outputs do not depend on how many threads computed them.
 */
public final class OnnxFormat implements ModelFormat {

    /** The format's name in manifests. */
    public static final String NAME = "onnx";

    /** A format instance; cheap, as ONNX Runtime is started only when first needed. */
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
        Optional<ModelGraph> graph;
        try {
            graph = ModelProtoReader.readGraph(model);
        } catch (MalformedException e) {
            throw notReadable(
                    source, model, e.getMessage() + " (the file is cut short or damaged)", e);
        }
        byte[] prepared = graph.map(g -> ProbabilityOutputs.expose(model, g)).orElse(model);
        OrtEnvironment env = environment();
        OrtSession session;
        try (SessionOptions sessionOptions = sessionOptions()) {
            session = env.createSession(prepared, sessionOptions);
        } catch (OrtException e) {
            throw notReadable(source, model, message(e), e);
        }
        try {
            return new OnnxPredictor(
                    source, env, session, OnnxBindings.read(session, graph, source, options));
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

    private static InvalidInputException notReadable(
            String source, byte[] model, String reason, Exception cause) {
        return InvalidInputException.of(
                source,
                "'%s' (%d bytes) is not a readable ONNX model: %s. Check that the file was copied whole and is the .onnx file an exporter wrote (skl2onnx, torch.onnx, tf2onnx)"
                        .formatted(source, model.length, reason),
                cause);
    }

    /**
     * The shared environment; ONNX Runtime keeps one per process. Its default settings, so that
     * other users of ONNX Runtime in the process get the same one without a warning.
     */
    private static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /**
     * Options for serving. One intra-op thread, chosen by measurement (rf_iris.onnx, 2 cores, ONNX
     * Runtime 1.23.2): a single row takes 6-11 us either way; a lone 10,000-row batch takes 24-26
     * ms on one thread against 14-19 ms on the default pool of two, but two threads sending single
     * rows get 130-180 thousand rows/s on one intra-op thread against 96-126 thousand with the
     * pool, and tree sums then differ in the last bit with the thread count. The optimisation level
     * made no measurable difference for tree ensembles; ALL helps neural networks.
     */
    static SessionOptions sessionOptions() throws OrtException {
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
