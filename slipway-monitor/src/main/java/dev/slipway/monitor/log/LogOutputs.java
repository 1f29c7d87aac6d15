package dev.slipway.monitor.log;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Signature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names the prediction log gives a signature's outputs, by the rules {@code slipway serve}
 * writes it with: outputs take their names first; a wide output with position labels becomes one
 * column per position, {@code <output>_<label>}; an output whose name is a metadata column (or
 * taken) is prefixed {@code output_}. Names compare ignoring case. Stateless.
 */
public final class LogOutputs {

    /**
     * One output column of the log.
     *
     * @param name its name in the log
     * @param source the signature's output it comes from
     * @param position the position within a wide output, or -1 for the whole output
     */
    public record Column(String name, ColumnSpec source, int position) {}

    private LogOutputs() {}

    /**
     * The log's output columns for {@code signature}, in order. A wide output without position
     * labels (logged as a list) is left out: drift does not compare lists.
     */
    public static List<Column> of(Signature signature) {
        Set<String> taken = new HashSet<>(LogColumns.METADATA);
        taken.add("date");
        List<Column> out = new ArrayList<>();
        for (ColumnSpec o : signature.outputs()) {
            if (o.width() > 1 && !o.labels().isEmpty()) {
                for (int i = 0; i < o.width(); i++) {
                    out.add(new Column(unique(o.name() + "_" + o.labels().get(i), taken), o, i));
                }
            } else if (o.width() == 1) {
                out.add(new Column(unique(o.name(), taken), o, -1));
            } else {
                unique(o.name(), taken);
            }
        }
        return out;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        while (!taken.add(candidate.toLowerCase(Locale.ROOT))) {
            candidate = "output_" + candidate;
        }
        return candidate;
    }
}
