package dev.slipway.monitor;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.monitor.log.Range;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/** What the current data is compared with. A closed set. */
public sealed interface ReferenceData {

    /**
     * The dataset version the model was trained on, from its lineage (the default). Its predictions
     * are those of a model version: {@code version} when given, else the version of most rows of
     * the current data (the champion, or the newest version, when the current data does not say).
     *
     * @param version the model version whose training data and predictions are the reference
     */
    record Training(OptionalInt version) implements ReferenceData {
        public Training {
            Objects.requireNonNull(version, "version");
        }

        /** The training data of the version the current data was predicted by. */
        public Training() {
            this(OptionalInt.empty());
        }
    }

    /** A dataset version, e.g. {@code adult} (latest) or {@code adult@3f2a}. */
    record Dataset(DatasetRef ref) implements ReferenceData {
        public Dataset {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** A CSV, Parquet or JSON-lines file. */
    record File(Path file) implements ReferenceData {
        public File {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A time range of the same model's prediction log, e.g. the first week after deployment. */
    record Log(Range range) implements ReferenceData {
        public Log {
            Objects.requireNonNull(range, "range");
        }
    }
}
