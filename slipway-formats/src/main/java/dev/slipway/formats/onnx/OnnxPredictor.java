package dev.slipway.formats.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An ONNX model in an ONNX Runtime session. Thread-safe: predictions run at the same time (the
 * session allows it); {@link #close()} waits for those in progress, then frees the session.
 */
final class OnnxPredictor implements Predictor {

    private final String source;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final OnnxBindings bindings;
    private final Signature signature;
    private final Set<String> fetches;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    OnnxPredictor(String source, OrtEnvironment env, OrtSession session, OnnxBindings bindings) {
        this.source = Objects.requireNonNull(source, "source");
        this.env = Objects.requireNonNull(env, "env");
        this.session = Objects.requireNonNull(session, "session");
        this.bindings = Objects.requireNonNull(bindings, "bindings");
        this.signature = bindings.signature();
        this.fetches = new LinkedHashSet<>();
        bindings.outputs().forEach(o -> fetches.add(o.fetch()));
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public Frame predict(Frame input) {
        Objects.requireNonNull(input, "input");
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(
                        "ONNX model '%s' is closed; load it again to predict".formatted(source));
            }
            return run(input);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Frame run(Frame input) {
        int rows = input.rows();
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (OnnxInput in : bindings.inputs()) {
                tensors.put(in.spec().name(), in.tensor(env, input, source));
            }
            if (rows == 0) {
                return new Frame(0, bindings.outputs().stream().map(OnnxOutput::empty).toList());
            }
            try (OrtSession.Result result = session.run(tensors, fetches)) {
                List<Column> columns = new ArrayList<>(bindings.outputs().size());
                for (OnnxOutput out : bindings.outputs()) {
                    OnnxValue value =
                            result.get(out.fetch())
                                    .orElseThrow(
                                            () ->
                                                    new IllegalStateException(
                                                            "ONNX Runtime returned no output '%s'"
                                                                    .formatted(out.fetch())));
                    columns.add(out.read(value, rows));
                }
                return new Frame(rows, columns);
            }
        } catch (OrtException e) {
            throw InvalidInputException.of(
                    source,
                    "ONNX model '%s' could not predict this batch of %d rows: %s; check the batch against the model's signature %s"
                            .formatted(source, rows, OnnxFormat.message(e), signature.inputs()),
                    e);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "ONNX Runtime could not close the session of model '%s': %s"
                            .formatted(source, OnnxFormat.message(e)),
                    e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxPredictor[" + source + "]";
    }
}
