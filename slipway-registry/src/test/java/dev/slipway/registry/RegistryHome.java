package dev.slipway.registry;

import dev.slipway.api.model.ModelFormat;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.StoreLocation;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A home folder with a registry on it, for tests. */
record RegistryHome(SlipwayHome home, ModelRegistry registry, TestDatabase db)
        implements AutoCloseable {

    static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-22T10:00:00.123Z"), ZoneOffset.UTC);

    static RegistryHome open(Path root, TestDatabase.Kind kind) {
        return open(root, kind, List.of(new LinearFormat()));
    }

    static RegistryHome open(Path root, TestDatabase.Kind kind, List<ModelFormat> formats) {
        return open(root, kind.create(root), formats);
    }

    /** A registry on {@code db}, which the returned home closes. */
    static RegistryHome open(Path root, TestDatabase db, List<ModelFormat> formats) {
        SlipwayHome home = SlipwayHome.open(root, StoreLocation.parse(db.jdbcUrl(), root));
        return new RegistryHome(home, new ModelRegistry(home, formats, CLOCK), db);
    }

    @Override
    public void close() {
        home.close();
        db.close();
    }
}
