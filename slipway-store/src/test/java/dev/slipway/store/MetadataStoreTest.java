package dev.slipway.store;

import static dev.slipway.store.StoreTestSupport.count;
import static dev.slipway.store.StoreTestSupport.insertDataset;
import static dev.slipway.store.StoreTestSupport.insertVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.ConflictException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.StoreException;
import dev.slipway.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The metadata store's behaviour, the same on SQLite and on PostgreSQL. */
class MetadataStoreTest {

    @TempDir Path tmp;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private TestDatabase database(TestDatabase.Kind kind) {
        TestDatabase db = kind.create(tmp);
        toClose.add(db);
        return db;
    }

    private MetadataStore open(TestDatabase db) {
        MetadataStore store = MetadataStore.open(StoreLocation.parse(db.jdbcUrl(), tmp));
        toClose.add(store);
        return store;
    }

    private MetadataStore open(TestDatabase.Kind kind) {
        return open(database(kind));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void open_freshDatabase_migratesToTheLatestVersion(TestDatabase.Kind kind) {
        MetadataStore store = open(kind);

        assertThat(store.schemaVersion()).isEqualTo(LatestSchema.version());
        assertThat(count(store, "datasets")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void open_again_appliesNoMigrationTwice(TestDatabase.Kind kind) {
        TestDatabase db = database(kind);
        open(db).close();

        MetadataStore reopened = open(db);

        assertThat(reopened.schemaVersion()).isEqualTo(LatestSchema.version());
        assertThat(count(reopened, "flyway_schema_history")).isEqualTo(LatestSchema.count());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void open_freshDatabase_printsNothingToStandardOutput(TestDatabase.Kind kind) {
        TestDatabase db = database(kind);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            open(db);
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dialect_ofOpenedStore_matchesDatabase(TestDatabase.Kind kind) {
        assertThat(open(kind).dialect().name()).isEqualTo(kind.name());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inTransaction_workReturns_isCommittedAndVisible(TestDatabase.Kind kind) {
        MetadataStore store = open(kind);

        int inserted = store.inTransaction(c -> insertDataset(c, "adult"));

        assertThat(inserted).isEqualTo(1);
        assertThat(count(store, "datasets")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inTransaction_workThrows_leavesNothing(TestDatabase.Kind kind) {
        MetadataStore store = open(kind);

        assertThatThrownBy(
                        () ->
                                store.inTransaction(
                                        c -> {
                                            insertDataset(c, "adult");
                                            throw new IllegalStateException("boom");
                                        }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(count(store, "datasets")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inTransaction_slipwayException_passesUnchanged(TestDatabase.Kind kind) {
        MetadataStore store = open(kind);
        ConflictException conflict = new ConflictException("version adult@3 exists");

        assertThatThrownBy(
                        () ->
                                store.inTransaction(
                                        c -> {
                                            insertDataset(c, "adult");
                                            throw conflict;
                                        }))
                .isSameAs(conflict);
        assertThat(count(store, "datasets")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inTransaction_sqlFails_throwsStoreExceptionNamingDatabaseAndOperation(
            TestDatabase.Kind kind) {
        MetadataStore store = open(kind);
        store.inTransaction(c -> insertDataset(c, "adult"));

        assertThatThrownBy(
                        () ->
                                store.inTransaction(
                                        "saving dataset adult", c -> insertDataset(c, "adult")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("saving dataset adult")
                .hasMessageContaining(store.describe())
                .hasMessageContaining("conflicts with data already stored");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inTransaction_versionOfUnknownDataset_isRejectedByForeignKey(TestDatabase.Kind kind) {
        MetadataStore store = open(kind);

        assertThatThrownBy(() -> store.inTransaction(c -> insertVersion(c, "nope", "v1", 1)))
                .isInstanceOf(StoreException.class);

        assertThat(count(store, "dataset_versions")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inTransaction_concurrentWritersOnThreads_allSucceed(TestDatabase.Kind kind)
            throws Exception {
        MetadataStore store = open(kind);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < perThread; i++) {
                                        String name = "d-" + thread + "-" + i;
                                        store.inTransaction(
                                                c -> {
                                                    long before = count(c, "datasets");
                                                    insertDataset(c, name);
                                                    return before;
                                                });
                                    }
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count(store, "datasets")).isEqualTo(threads * perThread);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void read_workWrites_fails(TestDatabase.Kind kind) {
        MetadataStore store = open(kind);

        assertThatThrownBy(() -> store.read(c -> insertDataset(c, "adult")))
                .isInstanceOf(StoreException.class);

        assertThat(count(store, "datasets")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inTransaction_nestedOnSameThread_throwsIllegalState(TestDatabase.Kind kind) {
        MetadataStore store = open(kind);

        assertThatThrownBy(() -> store.inTransaction(c -> store.read(c2 -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pass the Connection down");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void open_schemaFromNewerSlipway_isRefusedNamingBothVersions(TestDatabase.Kind kind) {
        TestDatabase db = database(kind);
        try (MetadataStore store = open(db)) {
            store.inTransaction(
                    c -> {
                        try (PreparedStatement s =
                                c.prepareStatement(
                                        "INSERT INTO flyway_schema_history (installed_rank, version,"
                                                + " description, type, script, checksum,"
                                                + " installed_by, execution_time, success)"
                                                + " VALUES (?, '999', 'future', 'SQL',"
                                                + " 'V999__future.sql', 0, 'test', 0, ?)")) {
                            s.setInt(1, LatestSchema.count() + 1);
                            s.setBoolean(2, true);
                            return s.executeUpdate();
                        }
                    });
        }

        assertThatThrownBy(() -> open(db))
                .isInstanceOf(IncompatibleFormatException.class)
                .hasMessageContaining("version 999")
                .hasMessageContaining("up to " + LatestSchema.version())
                .hasMessageContaining("upgrade Slipway");
    }
}
