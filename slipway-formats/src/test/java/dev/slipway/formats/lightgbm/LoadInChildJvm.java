package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM: with the temporary folder given as the first argument, loads the model file
 * given as the second and prints its prediction for the row (0, 1).
 */
final class LoadInChildJvm {

    private LoadInChildJvm() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.io.tmpdir", args[0]);
        byte[] model = Files.readAllBytes(Path.of(args[1]));
        try (Predictor predictor =
                new LightGbmFormat().load(model, args[1], LoadOptions.defaults())) {
            Frame row = Frame.of(DoubleColumn.of("Column_0", 0), DoubleColumn.of("Column_1", 1));
            DoubleColumn out = (DoubleColumn) predictor.predict(row).column(Signature.PREDICTION);
            System.out.println(out.get(0));
        }
    }
}
