package dev.slipway.testkit.conformance;

import static dev.slipway.testkit.conformance.FrameAssertions.assertSameFrame;
import static dev.slipway.testkit.conformance.FrameAssertions.assertSameRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Predictor} keeps, as JUnit 5 tests: a format's test class extends this
 * and says how to open a predictor and how to build a valid input.
 *
 * <p>Each test opens its own predictor and closes it. Predictions are compared column by column;
 * floating-point outputs within {@link #tolerance()} where the contract allows rounding (a batch
 * against its rows one by one) and exactly where it does not (several threads against one).
 */
public abstract class PredictorConformance {

    /** Rows in the large batch that is compared with its rows predicted one by one. */
    protected static final int LARGE_BATCH = 10_000;

    private static final int THREADS = 4;
    private static final int ROUNDS_PER_THREAD = 25;
    private static final int SLICE = 50;
    private static final long MIB = 1024 * 1024;

    /** Opens a new predictor of the model under test; the test closes it. */
    protected abstract Predictor open();

    /**
     * A valid input of {@code rows} rows drawn with {@code seed}: every input of the signature,
     * with missing values (null rows, NaN) where the format supports them. The same arguments give
     * the same frame.
     */
    protected abstract Frame input(int rows, long seed);

    /**
     * How far a floating-point output of a batch may be from the same row predicted alone; 0 for
     * formats that compute each row the same way whatever the batch.
     */
    protected double tolerance() {
        return 1e-6;
    }

    /** How many times the resident-memory test opens, uses and closes a predictor. */
    protected int reopenCount() {
        return 300;
    }

    /**
     * How much the process's memory outside the Java heap may grow over {@link #reopenCount()}
     * open-predict-close cycles, in the smaller of two measured windows. Generous, as one-off
     * growth of the heap's touched pages can reach tens of MiB, while a predictor that keeps more
     * than about {@code limit / reopenCount()} (330 KiB by default) of native memory per cycle
     * exceeds it in both windows. A format whose predictors hold little native memory can raise
     * {@link #reopenCount()} to make the test sharper.
     */
    protected long residentGrowthLimitBytes() {
        return 96 * MIB;
    }

    /**
     * Checks what the predictor does with {@code input}, whose numeric inputs have rows missing in
     * the null mask and NaN values. By default the outputs must be finite; a format that documents
     * another behaviour (refusing missing values, say) overrides this to check that behaviour.
     */
    protected void assertMissingValuesHandled(Predictor predictor, Frame input) {
        Frame output = predictor.predict(input);
        assertOutputsMatchSignature(output, predictor.signature(), input.rows());
        for (Column c : output.columns()) {
            assertThat(c.hasNulls()).as("output '%s' has missing rows", c.name()).isFalse();
            switch (c) {
                case FloatColumn f -> {
                    for (int i = 0; i < f.values().length; i++) {
                        assertThat(Float.isFinite(f.values()[i]))
                                .as("output '%s' value %d = %s", c.name(), i, f.values()[i])
                                .isTrue();
                    }
                }
                case DoubleColumn d -> {
                    for (int i = 0; i < d.values().length; i++) {
                        assertThat(Double.isFinite(d.values()[i]))
                                .as("output '%s' value %d = %s", c.name(), i, d.values()[i])
                                .isTrue();
                    }
                }
                default -> {}
            }
        }
    }

    @Test
    void predict_validBatch_returnsSignatureOutputsInOrder() {
        try (Predictor predictor = open()) {
            Frame input = input(100, 1);
            Frame output = predictor.predict(input);
            assertOutputsMatchSignature(output, predictor.signature(), input.rows());
        }
    }

    @Test
    void predict_oneRow_returnsOneRowOfOutputs() {
        try (Predictor predictor = open()) {
            Frame output = predictor.predict(input(1, 2));
            assertOutputsMatchSignature(output, predictor.signature(), 1);
        }
    }

    @Test
    void predict_largeBatch_equalsRowByRow() {
        try (Predictor predictor = open()) {
            Frame input = input(LARGE_BATCH, 3);
            Frame batch = predictor.predict(input);
            assertOutputsMatchSignature(batch, predictor.signature(), LARGE_BATCH);
            for (int r = 0; r < LARGE_BATCH; r++) {
                Frame single = predictor.predict(Frames.slice(input, r, r + 1));
                assertSameRow(single, batch, r, tolerance());
            }
        }
    }

    @Test
    void predict_nullMaskAndNaN_handledAsMissing() {
        try (Predictor predictor = open()) {
            Set<String> numeric =
                    predictor.signature().inputs().stream()
                            .filter(s -> s.dtype().isNumeric())
                            .map(ColumnSpec::name)
                            .collect(Collectors.toSet());
            assertMissingValuesHandled(predictor, Frames.withMissing(input(200, 4), numeric));
        }
    }

    @Test
    void predict_missingInputColumn_throwsNamingColumn() {
        try (Predictor predictor = open()) {
            Frame input = input(10, 5);
            for (ColumnSpec spec : predictor.signature().inputs()) {
                Frame incomplete = Frames.without(input, spec.name());
                assertThatThrownBy(() -> predictor.predict(incomplete))
                        .as("predict without input '%s'", spec.name())
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining(spec.name());
            }
        }
    }

    @Test
    void predict_stringWhereNumberExpected_throwsNamingColumn() {
        try (Predictor predictor = open()) {
            Optional<ColumnSpec> numeric =
                    predictor.signature().inputs().stream()
                            .filter(s -> s.dtype().isNumeric())
                            .findFirst();
            assumeThat(numeric).as("the model has a numeric input").isPresent();
            Frame input = input(10, 6);
            StringColumn strings = Frames.asStrings(input.column(numeric.get().name()));
            Frame wrong = Frames.replaced(input, strings);
            assertThatThrownBy(() -> predictor.predict(wrong))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(strings.name());
        }
    }

    @Test
    void predict_extraColumns_areIgnored() {
        try (Predictor predictor = open()) {
            Frame input = input(50, 7);
            Frame expected = predictor.predict(input);
            Frame extended =
                    Frames.with(
                            input,
                            FloatColumn.of("conformance_extra_number", new float[input.rows()]),
                            StringColumn.of(
                                    "conformance_extra_text",
                                    Frames.asStrings(input.columns().get(0)).values()));
            assertSameFrame(predictor.predict(extended), expected, 0, "with extra columns");
        }
    }

    @Test
    void predict_concurrentThreads_equalSingleThreaded() throws Exception {
        try (Predictor predictor = open()) {
            Frame input = input(THREADS * ROUNDS_PER_THREAD * SLICE / 5, 8);
            int slices = input.rows() / SLICE;
            List<Frame> expected = new ArrayList<>();
            for (int s = 0; s < slices; s++) {
                expected.add(predictor.predict(Frames.slice(input, s * SLICE, (s + 1) * SLICE)));
            }
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    running.add(
                            pool.submit(
                                    () -> {
                                        start.await();
                                        for (int i = 0; i < ROUNDS_PER_THREAD; i++) {
                                            int s = (thread * 7 + i) % slices;
                                            Frame slice =
                                                    Frames.slice(input, s * SLICE, (s + 1) * SLICE);
                                            assertSameFrame(
                                                    predictor.predict(slice),
                                                    expected.get(s),
                                                    0,
                                                    "thread %d, slice %d".formatted(thread, s));
                                        }
                                        return null;
                                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void predict_afterClose_throwsIllegalState() {
        Predictor predictor = open();
        Frame input = input(5, 9);
        predictor.predict(input);
        predictor.close();
        assertThatThrownBy(() -> predictor.predict(input))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void close_twice_isHarmless() {
        Predictor predictor = open();
        predictor.close();
        assertThatCode(predictor::close).doesNotThrowAnyException();
    }

    @Test
    void openPredictClose_manyTimes_keepsResidentMemoryBounded() {
        assumeThat(ResidentMemory.bytes()).as("/proc/self/status is readable").isPresent();
        Frame input = input(16, 10);
        // As many cycles first, so that the Java heap's pages in use, the JIT's code and the
        // allocators' pools have reached their steady size before the baseline is taken.
        for (int i = 0; i < reopenCount(); i++) {
            openPredictClose(input);
        }
        // Two measured windows: a leak grows in both, while one-off growth (heap pages touched for
        // the first time, an allocator's new arena) shows in one only.
        long growth = Math.min(windowGrowth(input), windowGrowth(input));
        assertThat(growth)
                .as(
                        "growth of resident memory outside the Java heap over %d open-predict-close cycles (the smaller of two windows), in MiB: %.1f",
                        reopenCount(), growth / (double) MIB)
                .isLessThanOrEqualTo(residentGrowthLimitBytes());
    }

    /** The growth of resident memory outside the Java heap over one window of cycles. */
    private long windowGrowth(Frame input) {
        long[] before = residentAndHeapBytes();
        for (int i = 0; i < reopenCount(); i++) {
            openPredictClose(input);
        }
        long[] after = residentAndHeapBytes();
        // Heap the JVM committed meanwhile is not native memory; heap it gave back is not counted
        // either, since the resident size need not fall with it.
        return (after[0] - before[0]) - Math.max(0, after[1] - before[1]);
    }

    private void openPredictClose(Frame input) {
        try (Predictor predictor = open()) {
            predictor.predict(input);
        }
    }

    /** The resident memory and the committed Java heap, in bytes, after a collection. */
    private static long[] residentAndHeapBytes() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        return new long[] {ResidentMemory.bytes().orElseThrow(), heap};
    }

    /** Asserts that {@code output} has exactly the signature's outputs, in order, and its rows. */
    protected static void assertOutputsMatchSignature(Frame output, Signature signature, int rows) {
        List<ColumnSpec> specs = signature.outputs();
        assertThat(output.names())
                .as("output columns")
                .containsExactlyElementsOf(specs.stream().map(ColumnSpec::name).toList());
        assertThat(output.rows()).as("output rows").isEqualTo(rows);
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec spec = specs.get(i);
            Column column = output.columns().get(i);
            assertThat(column.dtype())
                    .as("type of output '%s'", spec.name())
                    .isEqualTo(spec.dtype());
            assertThat(column.width())
                    .as("width of output '%s'", spec.name())
                    .isEqualTo(spec.width());
            assertThat(column.rows()).as("rows of output '%s'", spec.name()).isEqualTo(rows);
        }
    }
}
