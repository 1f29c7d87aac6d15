package dev.slipway.formats.lightgbm;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import dev.slipway.api.InvalidInputException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A LightGBM booster in native memory, predicting rows of doubles with LightGBM's normal
 * (transformed) output.
 *
 * <p>Thread-safe. LightGBM 4.3 lets any number of threads predict with one booster at once (each
 * batch gets its own predictor under the booster's shared lock). A single row goes through one of a
 * pool of LightGBM's "fast" single-row predictors, one per concurrent caller, as each serializes
 * its own callers. {@link #close()} waits for predictions in progress, then frees everything.
 */
final class NativeBooster implements AutoCloseable {

    /**
     * Options of batch predictions: one thread per call. A server runs many predictions at once on
     * few cores; LightGBM's OpenMP threads would only compete with each other there.
     */
    static final String BATCH_PARAMETERS = "num_threads=1";

    private final String source;
    private final SWIGTYPE_p_p_void holder;
    private final SWIGTYPE_p_void handle;
    private final int features;
    private final int width;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ConcurrentLinkedQueue<RowPredictor> idle = new ConcurrentLinkedQueue<>();
    private boolean closed;

    private NativeBooster(String source, SWIGTYPE_p_p_void holder, int features, int width) {
        this.source = source;
        this.holder = holder;
        this.handle = lightgbmlib.voidpp_value(holder);
        this.features = features;
        this.width = width;
    }

    /**
     * Loads a model text that {@link ModelTextReader} checked and described by {@code header}.
     *
     * @param width the number of values LightGBM predicts per row
     * @throws InvalidInputException when LightGBM refuses the text, or reads it as a model of
     *     another shape than the header describes
     */
    static NativeBooster load(String text, ModelHeader header, String source, int width) {
        LightGbmRuntime.ensureLoaded();
        SWIGTYPE_p_p_void holder = lightgbmlib.new_voidpp();
        SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
        try {
            int rc = lightgbmlib.LGBM_BoosterLoadModelFromString(text, iterations, holder);
            if (rc != 0) {
                lightgbmlib.delete_voidpp(holder);
                throw new Corruption(source)
                        .corrupt("LightGBM says: " + lightgbmlib.LGBM_GetLastError());
            }
        } finally {
            lightgbmlib.delete_intp(iterations);
        }
        NativeBooster booster = new NativeBooster(source, holder, header.featureCount(), width);
        try {
            booster.checkShape(header);
            return booster;
        } catch (RuntimeException e) {
            booster.close();
            throw e;
        }
    }

    private void checkShape(ModelHeader header) {
        Corruption errors = new Corruption(source);
        SWIGTYPE_p_int count = lightgbmlib.new_intp();
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        try {
            check(lightgbmlib.LGBM_BoosterGetNumFeature(handle, count));
            int nativeFeatures = lightgbmlib.intp_value(count);
            check(lightgbmlib.LGBM_BoosterGetNumClasses(handle, count));
            int nativeClasses = lightgbmlib.intp_value(count);
            check(
                    lightgbmlib.LGBM_BoosterCalcNumPredict(
                            handle, 1, lightgbmlibConstants.C_API_PREDICT_NORMAL, 0, -1, length));
            long nativeWidth = lightgbmlib.int64_tp_value(length);
            if (nativeFeatures != features
                    || nativeClasses != header.classCount()
                    || nativeWidth != width) {
                throw errors.corrupt(
                        "LightGBM reads %d features, %d classes and %d outputs per row, but the header says %d, %d and %d"
                                .formatted(
                                        nativeFeatures,
                                        nativeClasses,
                                        nativeWidth,
                                        features,
                                        header.classCount(),
                                        width));
            }
        } finally {
            lightgbmlib.delete_intp(count);
            lightgbmlib.delete_int64_tp(length);
        }
    }

    /**
     * Predicts {@code count} rows of {@link #features} values each, stored one after another.
     *
     * @return {@code count} times the output width values, row after row
     * @throws IllegalStateException after {@link #close()}
     */
    double[] predict(double[] rows, int count) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(
                        "LightGBM model '%s' is closed; load it again to predict"
                                .formatted(source));
            }
            return count == 1 ? predictRow(rows) : predictBatch(rows, count);
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }

    private double[] predictRow(double[] row) {
        RowPredictor predictor = idle.poll();
        if (predictor == null) {
            predictor = new RowPredictor();
        }
        try {
            check(
                    lightgbmlib.LGBM_BoosterPredictForMatSingleRowFastCriticalSWIG(
                            row, predictor.config, predictor.length, predictor.out));
            return read(predictor.out, predictor.length, width);
        } finally {
            idle.offer(predictor);
        }
    }

    private double[] predictBatch(double[] rows, int count) {
        long outCount = (long) count * width;
        if (outCount > Integer.MAX_VALUE) {
            throw InvalidInputException.of(
                    source,
                    "a batch of %d rows gives %d outputs, more than one array holds; send smaller batches"
                            .formatted(count, outCount));
        }
        SWIGTYPE_p_double data = lightgbmlib.new_doubleArray(rows.length);
        SWIGTYPE_p_double out = lightgbmlib.new_doubleArray(outCount);
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        try {
            for (int i = 0; i < rows.length; i++) {
                lightgbmlib.doubleArray_setitem(data, i, rows[i]);
            }
            check(
                    lightgbmlib.LGBM_BoosterPredictForMat(
                            handle,
                            lightgbmlib.double_to_voidp_ptr(data),
                            lightgbmlibConstants.C_API_DTYPE_FLOAT64,
                            count,
                            features,
                            1,
                            lightgbmlibConstants.C_API_PREDICT_NORMAL,
                            0,
                            -1,
                            BATCH_PARAMETERS,
                            length,
                            out));
            return read(out, length, (int) outCount);
        } finally {
            lightgbmlib.delete_doubleArray(data);
            lightgbmlib.delete_doubleArray(out);
            lightgbmlib.delete_int64_tp(length);
        }
    }

    private double[] read(SWIGTYPE_p_double out, SWIGTYPE_p_long_long length, int expected) {
        long written = lightgbmlib.int64_tp_value(length);
        if (written != expected) {
            throw new IllegalStateException(
                    "LightGBM gave %d values for model '%s', expected %d"
                            .formatted(written, source, expected));
        }
        double[] values = new double[expected];
        for (int i = 0; i < expected; i++) {
            values[i] = lightgbmlib.doubleArray_getitem(out, i);
        }
        return values;
    }

    private void check(int rc) {
        if (rc != 0) {
            throw new IllegalStateException(
                    "LightGBM failed on model '%s': %s"
                            .formatted(source, lightgbmlib.LGBM_GetLastError()));
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (RowPredictor p = idle.poll(); p != null; p = idle.poll()) {
                p.free();
            }
            lightgbmlib.LGBM_BoosterFree(handle);
            lightgbmlib.delete_voidpp(holder);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** LightGBM's single-row predictor with its output buffers; used by one thread at a time. */
    private final class RowPredictor {

        final SWIGTYPE_p_void config;
        final SWIGTYPE_p_long_long length;
        final SWIGTYPE_p_double out;

        RowPredictor() {
            SWIGTYPE_p_p_void configHolder = lightgbmlib.new_voidpp();
            try {
                check(
                        lightgbmlib.LGBM_BoosterPredictForMatSingleRowFastInit(
                                handle,
                                lightgbmlibConstants.C_API_PREDICT_NORMAL,
                                0,
                                -1,
                                lightgbmlibConstants.C_API_DTYPE_FLOAT64,
                                features,
                                "num_threads=1",
                                configHolder));
                config = lightgbmlib.voidpp_value(configHolder);
            } finally {
                lightgbmlib.delete_voidpp(configHolder);
            }
            length = lightgbmlib.new_int64_tp();
            out = lightgbmlib.new_doubleArray(width);
        }

        void free() {
            lightgbmlib.LGBM_FastConfigFree(config);
            lightgbmlib.delete_int64_tp(length);
            lightgbmlib.delete_doubleArray(out);
        }
    }
}
