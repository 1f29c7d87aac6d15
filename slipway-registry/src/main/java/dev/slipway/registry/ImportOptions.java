package dev.slipway.registry;

import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to import a model file trained elsewhere. Immutable; build with {@link #builder()}.
 *
 * @param featureNames names for the model's input features, in order; empty to keep the file's own
 *     ({@code f0, f1, ...} when it has none)
 * @param signature the signature to record instead of the one the model reports; checked by running
 *     the model on a row built from it
 * @param sample rows to run the model on before registering it; empty for one synthetic row (0 for
 *     numbers, the empty string for strings)
 * @param task what the model predicts, when the model does not tell
 * @param description the version's description
 * @param tags the version's tags
 */
public record ImportOptions(
        List<String> featureNames,
        Optional<Signature> signature,
        Optional<Frame> sample,
        Optional<Task> task,
        String description,
        Map<String, String> tags) {

    public ImportOptions {
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(task, "task");
        Labels.requireValidDescription(description);
        tags = Provenance.sorted(tags);
        Labels.requireValidTags(tags);
    }

    /** No options: the file's own names and signature, one synthetic sample row. */
    public static ImportOptions defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ImportOptions}; not thread-safe. */
    public static final class Builder {
        private List<String> featureNames = List.of();
        private Optional<Signature> signature = Optional.empty();
        private Optional<Frame> sample = Optional.empty();
        private Optional<Task> task = Optional.empty();
        private String description = "";
        private Map<String, String> tags = new TreeMap<>();

        private Builder() {}

        /** Names for the model's input features, in order. */
        public Builder featureNames(List<String> value) {
            this.featureNames = List.copyOf(value);
            return this;
        }

        /** The signature to record; see {@link ImportOptions#signature()}. */
        public Builder signature(Signature value) {
            this.signature = Optional.of(value);
            return this;
        }

        /** Rows to check the model on. */
        public Builder sample(Frame value) {
            this.sample = Optional.of(value);
            return this;
        }

        /** What the model predicts. */
        public Builder task(Task value) {
            this.task = Optional.of(value);
            return this;
        }

        /** The version's description. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** Adds a tag to the version. */
        public Builder tag(String key, String value) {
            this.tags.put(key, value);
            return this;
        }

        /** The options. */
        public ImportOptions build() {
            return new ImportOptions(featureNames, signature, sample, task, description, tags);
        }
    }
}
