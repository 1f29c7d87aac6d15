package dev.slipway.store;

import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.StoreException;
import dev.slipway.store.internal.FlywayWarnings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Brings a database to the schema this build knows, with Flyway; refuses newer schemas. */
final class Migrations {

    /** The format name used in messages about schema versions. */
    static final String FORMAT = "Slipway metadata schema";

    /** Serializes SQLite migrations inside this JVM; the file lock does it across processes. */
    private static final Object SQLITE_JVM_LOCK = new Object();

    private Migrations() {}

    /** Migrates and returns the schema version the database is at afterwards. */
    static int migrate(Connector connector) {
        return switch (connector.location()) {
            case StoreLocation.Sqlite sqlite -> {
                synchronized (SQLITE_JVM_LOCK) {
                    yield migrateUnderFileLock(connector, sqlite);
                }
            }
            // Flyway takes a PostgreSQL advisory lock around migrations itself.
            case StoreLocation.Postgres postgres -> run(connector);
        };
    }

    private static int migrateUnderFileLock(Connector connector, StoreLocation.Sqlite sqlite) {
        Path lockFile = sqlite.file().resolveSibling(sqlite.file().getFileName() + ".migrate-lock");
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return run(connector);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new StoreException(
                    "cannot lock %s to migrate the %s: %s. Check that the folder is writable"
                            .formatted(lockFile, sqlite.describe(), e),
                    e);
        }
    }

    private static int run(Connector connector) {
        StoreLocation location = connector.location();
        Flyway flyway = configure(connector).load();
        try {
            refuseNewerSchema(flyway, location);
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? 0 : major(current.getVersion());
        } catch (FlywayException e) {
            throw new StoreException(
                    ("migrating the %s to the schema of this Slipway failed: %s. If the database"
                                    + " was changed by hand or by another program, restore it from"
                                    + " a backup or pass another --db")
                            .formatted(location.describe(), Errors.detail(e)),
                    e);
        }
    }

    private static FluentConfiguration configure(Connector connector) {
        FluentConfiguration config =
                Flyway.configure(Migrations.class.getClassLoader())
                        .dataSource(new ConnectorDataSource(connector))
                        .locations("classpath:db/migration")
                        .loggers(FlywayWarnings.class.getName())
                        .validateMigrationNaming(true)
                        .failOnMissingLocations(true)
                        .cleanDisabled(true);
        if (connector.location() instanceof StoreLocation.Postgres postgres) {
            postgres.currentSchema()
                    .ifPresent(s -> config.schemas(s).defaultSchema(s).createSchemas(true));
        }
        return config;
    }

    private static void refuseNewerSchema(Flyway flyway, StoreLocation location) {
        int known = 0;
        int applied = 0;
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() == null) {
                continue;
            }
            int version = major(m.getVersion());
            if (m.getState().isResolved()) {
                known = Math.max(known, version);
            }
            if (m.getState().isApplied() && !m.getState().isFailed()) {
                applied = Math.max(applied, version);
            }
        }
        if (applied > known) {
            throw new IncompatibleFormatException(FORMAT, applied, known, location.describe());
        }
    }

    private static int major(MigrationVersion version) {
        return version.getMajor().intValueExact();
    }
}
