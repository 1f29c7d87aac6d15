package dev.slipway.data;

import dev.slipway.store.SlipwayHome;
import dev.slipway.store.StoreLocation;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;

/** A home folder with a data layer on it, for tests. */
record DataHome(SlipwayHome home, Datasets datasets, TestDatabase db) implements AutoCloseable {

    static DataHome open(Path root, TestDatabase.Kind kind) {
        TestDatabase db = kind.create(root);
        SlipwayHome home = SlipwayHome.open(root, StoreLocation.parse(db.jdbcUrl(), root));
        return new DataHome(home, new Datasets(home, Clock.systemUTC(), DataLimits.defaults()), db);
    }

    static DataHome sqlite(Path root) {
        return open(root, TestDatabase.Kind.SQLITE);
    }

    @Override
    public void close() {
        home.close();
        db.close();
    }
}
