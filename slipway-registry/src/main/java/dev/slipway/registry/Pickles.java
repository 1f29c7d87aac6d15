package dev.slipway.registry;

import dev.slipway.api.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognizes Python pickles, which are never loaded: loading a pickle runs code stored in it. A
 * file is taken for one by its name ({@code .pkl}, {@code .pickle}, {@code .joblib}), by the header
 * of pickle protocols 2 to 5, or as a zip archive (PyTorch, some joblib files) with a pickle
 * inside.
 */
final class Pickles {

    private static final String[] EXTENSIONS = {".pkl", ".pickle", ".joblib"};
    private static final int MAX_ENTRIES = 10_000;

    private Pickles() {}

    /** Refuses {@code content} when it is a pickle, saying why and what to do instead. */
    static void refuse(String fileName, byte[] content) {
        Optional<String> why = why(fileName, content);
        if (why.isPresent()) {
            throw InvalidInputException.of(
                    fileName,
                    ("%s is a Python pickle (%s). Slipway never loads pickles, because loading one"
                                    + " runs code stored in it. Export the model in a format that"
                                    + " holds only data and import that file instead: XGBoost with"
                                    + " booster.save_model(\"model.json\"), LightGBM with"
                                    + " booster.save_model(\"model.txt\"), scikit-learn with skl2onnx"
                                    + " (to_onnx(model, X[:1]), written to model.onnx)")
                            .formatted(fileName, why.get()));
        }
    }

    static Optional<String> why(String fileName, byte[] content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext)) {
                return Optional.of("its name ends in " + ext);
            }
        }
        if (hasPickleHeader(content, 0)) {
            return Optional.of(
                    "it starts with the header of pickle protocol %d".formatted(content[1]));
        }
        if (isZip(content)) {
            return zippedPickle(content);
        }
        return Optional.empty();
    }

    private static boolean hasPickleHeader(byte[] b, int at) {
        return b.length >= at + 2 && (b[at] & 0xff) == 0x80 && b[at + 1] >= 2 && b[at + 1] <= 5;
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static Optional<String> zippedPickle(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            for (int n = 0; n < MAX_ENTRIES && (e = zip.getNextEntry()) != null; n++) {
                String name = e.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".pkl") || name.endsWith(".pickle")) {
                    return Optional.of(
                            "it is a zip archive holding the pickle "
                                    + e.getName()
                                    + ", as PyTorch and joblib write");
                }
                byte[] head = zip.readNBytes(2);
                if (hasPickleHeader(head, 0)) {
                    return Optional.of(
                            "it is a zip archive whose entry %s is a pickle"
                                    .formatted(e.getName()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not a readable zip archive: then it is no zipped pickle either.
        }
        return Optional.empty();
    }
}
