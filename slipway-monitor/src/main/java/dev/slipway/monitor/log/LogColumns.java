package dev.slipway.monitor.log;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Signature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells the input columns of a prediction log from its output columns. The log's files do not mark
 * them, so the names are derived from the model's signatures by the rules the log is written with
 * (outputs take their names first, a wide output with position labels becomes {@code
 * <output>_<label>}, a clashing output is prefixed {@code output_}, a clashing input {@code
 * input_}; names compare ignoring case). A column no signature names is an output when it is named
 * {@code label}, {@code prediction}, {@code probabilities_*} or {@code output_*}, else an input.
 */
final class LogColumns {

    /** The metadata columns every log file starts with. */
    static final List<String> METADATA =
            List.of(
                    "request_id",
                    "row_index",
                    "ts",
                    "model",
                    "model_version",
                    "protocol",
                    "latency_us");

    private static final Set<String> RESERVED = reserved();

    private final List<DataColumn> inputs = new ArrayList<>();
    private final List<DataColumn> outputs = new ArrayList<>();

    private LogColumns(List<DataColumn> columns, List<Signature> signatures) {
        Set<String> inNames = new HashSet<>();
        Set<String> outNames = new HashSet<>();
        for (Signature s : signatures) {
            names(s, inNames, outNames);
        }
        for (DataColumn c : columns) {
            String key = lower(c.name());
            if (RESERVED.contains(key)) {
                continue;
            }
            boolean output =
                    outNames.contains(key) || (!inNames.contains(key) && looksLikeOutput(key));
            (output ? outputs : inputs).add(c);
        }
    }

    /** Sorts {@code columns} (the log's, metadata included) into inputs and outputs. */
    static LogColumns classify(List<DataColumn> columns, List<Signature> signatures) {
        return new LogColumns(columns, signatures);
    }

    List<DataColumn> inputs() {
        return inputs;
    }

    List<DataColumn> outputs() {
        return outputs;
    }

    private static void names(Signature signature, Set<String> inputs, Set<String> outputs) {
        Set<String> taken = new HashSet<>(RESERVED);
        for (ColumnSpec o : signature.outputs()) {
            if (o.width() > 1 && !o.labels().isEmpty()) {
                for (String label : o.labels()) {
                    outputs.add(unique(o.name() + "_" + label, "output_", taken));
                }
            } else {
                outputs.add(unique(o.name(), "output_", taken));
            }
        }
        for (ColumnSpec in : signature.inputs()) {
            inputs.add(unique(in.name(), "input_", taken));
        }
    }

    private static String unique(String name, String prefix, Set<String> taken) {
        String candidate = lower(name);
        while (!taken.add(candidate)) {
            candidate = prefix + candidate;
        }
        return candidate;
    }

    private static boolean looksLikeOutput(String name) {
        return name.equals(Signature.LABEL)
                || name.equals(Signature.PREDICTION)
                || name.startsWith(Signature.PROBABILITIES + "_")
                || name.startsWith("output_");
    }

    private static Set<String> reserved() {
        Set<String> r = new HashSet<>(METADATA);
        r.add("date");
        return Set.copyOf(r);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
