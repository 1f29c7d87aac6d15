package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a model takes and the columns it returns, in order. Models that Slipway trains, and
 * tree models it imports, name their outputs {@link #LABEL} and {@link #PROBABILITIES}
 * (classifiers) or {@link #PREDICTION} (regressors); imported ONNX models keep their own names.
 */
public record Signature(List<ColumnSpec> inputs, List<ColumnSpec> outputs) {

    /** The output holding a classifier's predicted class, by name or index. */
    public static final String LABEL = "label";

    /** The output holding a classifier's per-class probabilities, one position per class. */
    public static final String PROBABILITIES = "probabilities";

    /** The output holding a regressor's predicted value. */
    public static final String PREDICTION = "prediction";

    public Signature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        unique(inputs, "input");
        unique(outputs, "output");
    }

    /** The input named {@code name}, if there is one. */
    public Optional<ColumnSpec> findInput(String name) {
        return inputs.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The output named {@code name}, if there is one. */
    public Optional<ColumnSpec> findOutput(String name) {
        return outputs.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static void unique(List<ColumnSpec> specs, String kind) {
        Set<String> seen = new HashSet<>();
        for (ColumnSpec s : specs) {
            if (!seen.add(s.name())) {
                throw InvalidInputException.of(
                        "signature",
                        "%s '%s' appears twice in the signature".formatted(kind, s.name()));
            }
        }
    }
}
