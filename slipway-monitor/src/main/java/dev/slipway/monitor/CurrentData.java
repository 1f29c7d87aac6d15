package dev.slipway.monitor;

import dev.slipway.monitor.log.FileLayout;
import dev.slipway.monitor.log.Range;
import java.nio.file.Path;
import java.util.Objects;

/** The data being monitored. A closed set. */
public sealed interface CurrentData {

    /** A range of a model's prediction log. */
    record Log(String model, Range range) implements CurrentData {
        public Log {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(range, "range");
        }
    }

    /**
     * A CSV, Parquet or JSON-lines file of rows (with a time column when windows or ranges are
     * asked for).
     */
    record File(Path file, FileLayout layout, Range range) implements CurrentData {
        public File {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(range, "range");
        }
    }
}
