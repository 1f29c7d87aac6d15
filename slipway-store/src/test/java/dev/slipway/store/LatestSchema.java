package dev.slipway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The newest schema version among this build's migrations, and how many migrations there are. */
final class LatestSchema {

    private static final Pattern NAME = Pattern.compile("V([0-9]+)__.*\\.sql");

    private LatestSchema() {}

    /** The highest migration version in {@code db/migration}. */
    static int version() {
        return scan().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** The number of migrations in {@code db/migration}. */
    static int count() {
        return (int) scan().count();
    }

    private static Stream<Integer> scan() {
        try {
            Path dir =
                    Path.of(
                            LatestSchema.class
                                    .getClassLoader()
                                    .getResource("db/migration")
                                    .toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files
                        .map(p -> NAME.matcher(p.getFileName().toString()))
                        .filter(Matcher::matches)
                        .map(m -> Integer.parseInt(m.group(1)))
                        .toList()
                        .stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
