package dev.slipway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small SQL helpers shared by the store tests. */
final class StoreTestSupport {

    private StoreTestSupport() {}

    static int insertDataset(Connection c, String name) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO datasets (name, created_at) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, "2026-11-22T03:04:05.123Z");
            return s.executeUpdate();
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long count(MetadataStore store, String table) {
        return store.read(c -> count(c, table));
    }

    static int insertVersion(Connection c, String dataset, String id, int seq) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "INSERT INTO dataset_versions (dataset, id, seq, created_at, row_count,"
                                + " column_count, snapshot_path, snapshot_sha256, snapshot_bytes,"
                                + " source, content_sha256, schema_json, options_json,"
                                + " profile_blob, lineage_json)"
                                + " VALUES (?, ?, ?, 't', 1, 1, 'p', 's', 1, 'src', 'c', '{}',"
                                + " '{}', 'b', '{}')")) {
            s.setString(1, dataset);
            s.setString(2, id);
            s.setInt(3, seq);
            return s.executeUpdate();
        }
    }
}
