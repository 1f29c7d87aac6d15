package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Signature;
import dev.slipway.registry.ModelManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code models import --schema FILE} gives: the feature names, from a text file with one name
 * per line, a one-line CSV header, or a signature document (JSON, as in a manifest).
 *
 * @param featureNames the names of the model's inputs, in order; empty when a signature has
 *     multi-valued inputs, whose names the model file fixes
 * @param signature the signature, when the file is one
 */
record ModelsSchemaFile(List<String> featureNames, Optional<Signature> signature) {

    ModelsSchemaFile {
        featureNames = List.copyOf(featureNames);
    }

    static ModelsSchemaFile read(Path file) {
        String text = text(file).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw InvalidInputException.of(
                    file.toString(),
                    "%s is empty; give the feature names, one per line or as a CSV header line, or a signature JSON"
                            .formatted(file));
        }
        if (text.startsWith("{")) {
            Signature s = ModelManifest.signatureFromJson(text, file.toString());
            boolean scalar = s.inputs().stream().allMatch(c -> c.width() == 1);
            List<String> names =
                    scalar ? s.inputs().stream().map(ColumnSpec::name).toList() : List.of();
            return new ModelsSchemaFile(names, Optional.of(s));
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> names =
                lines.size() == 1 && lines.getFirst().contains(",")
                        ? List.of(lines.getFirst().split(",", -1))
                        : lines;
        return new ModelsSchemaFile(check(file, names), Optional.empty());
    }

    private static List<String> check(Path file, List<String> raw) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String r : raw) {
            String n = unquote(r.strip());
            if (n.isEmpty()) {
                throw InvalidInputException.of(
                        file.toString(),
                        "%s: feature %d has an empty name; name every feature"
                                .formatted(file, names.size() + 1));
            }
            if (!seen.add(n)) {
                throw InvalidInputException.of(
                        file.toString(),
                        "%s: the feature name '%s' appears twice; give each feature its own name"
                                .formatted(file, n));
            }
            names.add(n);
        }
        return names;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? s.substring(1, s.length() - 1).replace("\"\"", "\"").strip()
                : s;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(
                    file.toString(), "no schema file %s; check the path".formatted(file), e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw InvalidInputException.of(
                    file.toString(),
                    "cannot read the schema file %s: %s; give a readable UTF-8 text file"
                            .formatted(file, e.getMessage()),
                    e);
        }
    }
}
