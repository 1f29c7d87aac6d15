package dev.slipway.registry;

import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a golden package: {@code MODEL_FILE OUT_DIR} imports the model file into a scratch home
 * with this build and exports its package into OUT_DIR, which must not exist. Run once per manifest
 * format version and model; the output is then kept unchanged (see {@code golden/README.md}).
 */
public final class GoldenPackageWriter {

    private GoldenPackageWriter() {}

    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (Files.exists(out)) {
            throw new IllegalArgumentException(
                    out + " exists; golden packages are never rewritten");
        }
        Path scratch = Files.createTempDirectory("golden-home");
        try (SlipwayHome home = SlipwayHome.open(scratch)) {
            ModelRegistry registry =
                    new ModelRegistry(
                            home,
                            List.of(new XGBoostFormat(), new OnnxFormat(), new LightGbmFormat()),
                            Clock.systemUTC());
            ModelVersion v = registry.importModel(model, "golden", ImportOptions.defaults());
            registry.exportPackage(v, out);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        System.out.println("wrote " + out);
    }
}
