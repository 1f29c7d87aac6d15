package dev.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.StoreException;
import dev.slipway.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;

class PostgresMetadataStoreTest {

    @Test
    void describe_urlWithPassword_hidesPassword() {
        try (PostgresFixture pg = PostgresFixture.create();
                MetadataStore store =
                        MetadataStore.open(
                                new StoreLocation.Postgres(pg.jdbcUrl() + "&password=s3cret"))) {
            assertThat(store.describe()).doesNotContain("s3cret").contains("password=***");
            assertThat(store.toString()).doesNotContain("s3cret");
        }
    }

    @Test
    void open_currentSchema_createsTablesInThatSchema() throws Exception {
        try (PostgresFixture pg = PostgresFixture.create()) {
            MetadataStore.open(new StoreLocation.Postgres(pg.jdbcUrl())).close();

            try (var c = pg.connect();
                    var s =
                            c.prepareStatement(
                                    "SELECT COUNT(*) FROM information_schema.tables"
                                            + " WHERE table_schema = ? AND table_name = 'datasets'")) {
                s.setString(1, pg.schema());
                try (var rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void open_unreachableServer_throwsStoreExceptionSayingWhatToCheck() {
        var location =
                new StoreLocation.Postgres(
                        "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cret");

        assertThatThrownBy(() -> MetadataStore.open(location))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("Check that the server is running")
                .message()
                .doesNotContain("s3cret");
    }
}
