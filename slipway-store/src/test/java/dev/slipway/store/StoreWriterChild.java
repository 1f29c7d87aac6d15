package dev.slipway.store;

import java.nio.file.Path;

/**
 * The main class of the writer processes in {@link SqliteMetadataStoreTest}: {@code FILE PREFIX
 * COUNT} opens the SQLite store at FILE, inserts COUNT datasets named PREFIX0.., one transaction
 * each, and prints {@code done}.
 */
public final class StoreWriterChild {

    private StoreWriterChild() {}

    public static void main(String[] args) {
        int count = Integer.parseInt(args[2]);
        try (MetadataStore store = MetadataStore.open(new StoreLocation.Sqlite(Path.of(args[0])))) {
            for (int i = 0; i < count; i++) {
                String name = args[1] + i;
                store.inTransaction(c -> StoreTestSupport.insertDataset(c, name));
            }
        }
        System.out.println("done");
    }
}
