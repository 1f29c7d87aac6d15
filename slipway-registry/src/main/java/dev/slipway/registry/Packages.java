package dev.slipway.registry;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.store.BlobId;
import dev.slipway.store.BlobStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Model packages in the blob store: every file is a blob named by its sha256, and the manifest,
 * listing them, is one more blob. A package's blobs are all written before its version is recorded.
 */
final class Packages {

    private final BlobStore blobs;

    Packages(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * Stores {@code entries} and then the manifest listing them; returns the manifest blob. The
     * manifest must not list files yet; exactly one entry must be the model file.
     */
    Stored store(ModelManifest manifest, List<PackageEntry> entries) {
        if (!manifest.files().isEmpty()) {
            throw InvalidInputException.of(
                    "manifest",
                    "the manifest to register already lists files %s; give a manifest without files and the files as package entries, and the registry lists them with their hashes"
                            .formatted(manifest.files().stream().map(PackageFile::path).toList()));
        }
        checkEntries(entries);
        List<PackageFile> files = new ArrayList<>();
        for (PackageEntry e : entries) {
            BlobId id;
            long size;
            switch (e) {
                case PackageEntry.Bytes b -> {
                    id = blobs.put(b.content());
                    size = b.content().length;
                }
                case PackageEntry.File f -> {
                    id = blobs.putFile(f.file());
                    size = blobs.size(id);
                }
            }
            files.add(new PackageFile(e.path(), e.role(), id.hex(), size));
        }
        ModelManifest full = manifest.withFiles(files);
        return new Stored(full, blobs.put(full.toJson()));
    }

    /** A stored package: its manifest and the manifest's blob. */
    record Stored(ModelManifest manifest, BlobId blob) {}

    ModelManifest manifest(ModelVersion v) {
        byte[] json = read(v.manifest(), v, "its manifest");
        return ModelManifest.fromJson(json, v.toString());
    }

    /** The content of {@code path} in the package of {@code v}, checked against its hash. */
    byte[] file(ModelVersion v, ModelManifest manifest, String path) {
        PackageFile f =
                manifest.file(path)
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "package file",
                                                v + ":" + path,
                                                "the package of %s has no file '%s'; its files are %s"
                                                        .formatted(
                                                                v,
                                                                path,
                                                                manifest.files().stream()
                                                                        .map(PackageFile::path)
                                                                        .toList())));
        byte[] content = read(new BlobId(f.sha256()), v, "its file " + path);
        if (content.length != f.size()) {
            throw new CorruptDataException(
                    v.toString(),
                    "file %s of %s holds %d bytes but its manifest says %d; restore the home folder from a backup"
                            .formatted(path, v, content.length, f.size()));
        }
        return content;
    }

    private byte[] read(BlobId id, ModelVersion v, String what) {
        try {
            return blobs.read(id);
        } catch (NotFoundException e) {
            throw new CorruptDataException(
                    id.toString(),
                    "%s of model %s (blob %s) is missing from the blob store; the home folder is damaged: restore it from a backup, or delete the version"
                            .formatted(what, v, id));
        }
    }

    private static void checkEntries(List<PackageEntry> entries) {
        Set<String> paths = new HashSet<>();
        int models = 0;
        for (PackageEntry e : entries) {
            if (!paths.add(e.path())) {
                throw InvalidInputException.of(
                        e.path(), "file '%s' is given twice for the package".formatted(e.path()));
            }
            if (e.role().equals(PackageFile.MODEL)) {
                models++;
            }
        }
        if (models != 1) {
            throw InvalidInputException.of(
                    "files",
                    "a package needs exactly one file with the role 'model' (the native model file), but %d were given"
                            .formatted(models));
        }
    }
}
