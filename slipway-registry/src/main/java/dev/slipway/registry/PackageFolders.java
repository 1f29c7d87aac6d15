package dev.slipway.registry;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model package as a folder: {@code manifest.json} beside the package's files at their paths. The
 * form in which packages leave a home and come into another.
 */
final class PackageFolders {

    static final String MANIFEST = "manifest.json";

    /** A package read from a folder, its files checked against the manifest. */
    record Read(ModelManifest manifest, List<PackageEntry> entries) {}

    private PackageFolders() {}

    static void write(Path dir, ModelManifest manifest, FileSource files) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> existing = Files.list(dir)) {
                if (existing.findAny().isPresent()) {
                    throw InvalidInputException.of(
                            dir.toString(),
                            "%s is not empty; export a package into a new or empty folder"
                                    .formatted(dir));
                }
            }
            for (PackageFile f : manifest.files()) {
                Path target = dir.resolve(f.path());
                Files.createDirectories(target.getParent());
                Files.write(target, files.read(f.path()));
            }
            Files.write(dir.resolve(MANIFEST), manifest.toJson());
        } catch (IOException e) {
            throw new StoreException(
                    "cannot write the package into %s: %s. Check that the folder is writable and the disk has room"
                            .formatted(dir, e),
                    e);
        }
    }

    static Read read(Path dir) {
        String advice = "Export the package again from the home it came from";
        byte[] json = bytes(dir.resolve(MANIFEST), dir);
        ModelManifest manifest = ManifestReader.read(json, dir.toString(), advice);
        List<PackageEntry> entries = new ArrayList<>();
        for (PackageFile f : manifest.files()) {
            byte[] content = bytes(dir.resolve(f.path()), dir);
            String sha = HexFormat.of().formatHex(Hashes.sha256(content));
            if (!sha.equals(f.sha256()) || content.length != f.size()) {
                throw InvalidInputException.of(
                        dir.resolve(f.path()).toString(),
                        "file %s of the package in %s has changed: its manifest says sha256 %s and %d bytes, the file has sha256 %s and %d bytes. %s"
                                .formatted(
                                        f.path(),
                                        dir,
                                        f.sha256(),
                                        f.size(),
                                        sha,
                                        content.length,
                                        advice));
            }
            entries.add(PackageEntry.of(f.path(), f.role(), content));
        }
        return new Read(manifest.withFiles(List.of()), entries);
    }

    private static byte[] bytes(Path file, Path dir) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(
                    file.toString(),
                    "%s is not a complete model package: %s is missing".formatted(dir, file),
                    e);
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), "cannot read %s: %s".formatted(file, e), e);
        }
    }

    /** The content of a package's files by path. */
    @FunctionalInterface
    interface FileSource {
        byte[] read(String path);
    }
}
