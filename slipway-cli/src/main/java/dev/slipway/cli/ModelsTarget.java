package dev.slipway.cli;

import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelRegistry;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a REF names for the commands that label things: a bare name is the model itself, {@code
 * NAME/3} and {@code NAME@ALIAS} are a version (an alias is resolved now).
 *
 * @param name the model
 * @param version the version, or empty for the model itself
 */
record ModelsTarget(String name, OptionalInt version) {

    static ModelsTarget of(String ref, ModelRegistry registry) {
        return switch (ModelRef.parse(ref)) {
            case ModelRef.Latest l -> {
                registry.model(l.name());
                yield new ModelsTarget(l.name(), OptionalInt.empty());
            }
            case ModelRef.Version v -> {
                registry.resolve(v);
                yield new ModelsTarget(v.name(), OptionalInt.of(v.version()));
            }
            case ModelRef.Alias a ->
                    new ModelsTarget(a.name(), OptionalInt.of(registry.resolve(a).version()));
        };
    }

    boolean isModel() {
        return version.isEmpty();
    }

    /** The tags the target has now. */
    Map<String, String> tags(ModelRegistry registry) {
        return isModel()
                ? registry.model(name).tags()
                : registry.resolve(new ModelRef.Version(name, version.getAsInt())).tags();
    }

    @Override
    public String toString() {
        return isModel() ? "model " + name : name + "/" + version.getAsInt();
    }

    /** The reference a script can pass on: {@code NAME} or {@code NAME/3}. */
    String ref() {
        return isModel() ? name : name + "/" + version.getAsInt();
    }
}
