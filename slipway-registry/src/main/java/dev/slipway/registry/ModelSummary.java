package dev.slipway.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A registered model as listings show it. Immutable.
 *
 * @param name the model's name
 * @param description what the model is; empty when none
 * @param created when its first version was registered
 * @param versions how many versions it has now
 * @param latest its newest version; empty when every version was deleted
 * @param aliases the version each alias points to, sorted by alias
 * @param tags the model's own tags, sorted by key
 */
public record ModelSummary(
        String name,
        String description,
        Instant created,
        int versions,
        Optional<ModelVersion> latest,
        Map<String, Integer> aliases,
        Map<String, String> tags) {

    public ModelSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(latest, "latest");
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
