package dev.slipway.store;

import static dev.slipway.store.StoreTestSupport.count;
import static dev.slipway.store.StoreTestSupport.insertDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.StoreException;
import dev.slipway.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMetadataStoreTest {

    @TempDir Path tmp;

    @Test
    void inTransaction_twoStoresOnOneFileWritingAtOnce_bothSucceed() {
        var location = new StoreLocation.Sqlite(tmp.resolve("shared.db"));
        try (MetadataStore first = MetadataStore.open(location);
                MetadataStore second = MetadataStore.open(location)) {
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> write(first, "a", 100));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> write(second, "b", 100));

            CompletableFuture.allOf(a, b).join();

            assertThat(count(first, "datasets")).isEqualTo(200);
        }
    }

    @Test
    void inTransaction_otherStoreHoldsWriteLock_waitsAndSucceeds() throws Exception {
        var location = new StoreLocation.Sqlite(tmp.resolve("shared.db"));
        try (MetadataStore first = MetadataStore.open(location);
                MetadataStore second = MetadataStore.open(location)) {
            CountDownLatch locked = new CountDownLatch(1);
            CompletableFuture<Integer> holder =
                    CompletableFuture.supplyAsync(
                            () ->
                                    first.inTransaction(
                                            c -> {
                                                int n = insertDataset(c, "held");
                                                locked.countDown();
                                                sleep(1500);
                                                return n;
                                            }));
            locked.await();

            int inserted = second.inTransaction(c -> insertDataset(c, "waited"));

            assertThat(inserted).isEqualTo(1);
            assertThat(holder.join()).isEqualTo(1);
            assertThat(count(second, "datasets")).isEqualTo(2);
        }
    }

    @Test
    void open_processesMigratingAndWritingOneNewFileAtOnce_allSucceed() {
        Path file = tmp.resolve("shared.db");
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (String prefix : List.of("p", "q", "r")) {
                children.add(
                        ChildJvm.start(
                                StoreWriterChild.class,
                                tmp.resolve(prefix + ".err"),
                                file.toString(),
                                prefix,
                                "50"));
            }
            for (ChildJvm child : children) {
                assertThat(child.readLine(Duration.ofSeconds(120))).isEqualTo("done");
            }
        } finally {
            children.forEach(ChildJvm::close);
        }

        try (MetadataStore store = MetadataStore.open(new StoreLocation.Sqlite(file))) {
            assertThat(count(store, "datasets")).isEqualTo(150);
            assertThat(count(store, "flyway_schema_history")).isEqualTo(LatestSchema.count());
        }
    }

    @Test
    void open_newFile_usesWalJournalAndEnforcesForeignKeys() {
        try (MetadataStore store =
                MetadataStore.open(new StoreLocation.Sqlite(tmp.resolve("m.db")))) {
            String journal = store.read(c -> pragma(c.createStatement(), "journal_mode"));
            String foreignKeys = store.read(c -> pragma(c.createStatement(), "foreign_keys"));

            assertThat(journal).isEqualToIgnoringCase("wal");
            assertThat(foreignKeys).isEqualTo("1");
        }
    }

    @Test
    void open_folderIsAFile_throwsStoreExceptionNamingPath() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Path db = file.resolve("slipway.db");

        assertThatThrownBy(() -> MetadataStore.open(new StoreLocation.Sqlite(db)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("pass another --db");
    }

    @Test
    void open_fileIsNotADatabase_throwsStoreExceptionSayingSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.db"), "not a database\n".repeat(100));

        assertThatThrownBy(() -> MetadataStore.open(new StoreLocation.Sqlite(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a SQLite database");
    }

    private static void write(MetadataStore store, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            String name = prefix + i;
            store.inTransaction(c -> insertDataset(c, name));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pragma(Statement s, String name) throws java.sql.SQLException {
        try (s;
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
