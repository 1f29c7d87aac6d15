package dev.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    private final Path home = Path.of("/srv/home").toAbsolutePath();

    @Test
    void parse_empty_usesSlipwayDbInHome() {
        assertThat(StoreLocation.parse("", home))
                .isEqualTo(new StoreLocation.Sqlite(home.resolve("slipway.db")));
    }

    @Test
    void parse_blank_usesSlipwayDbInHome() {
        assertThat(StoreLocation.parse("  ", home))
                .isEqualTo(new StoreLocation.Sqlite(home.resolve("slipway.db")));
    }

    @Test
    void parse_sqliteUrl_givesThatFile() {
        Path file = Path.of("/data/meta.db").toAbsolutePath();
        assertThat(StoreLocation.parse("jdbc:sqlite:" + file, home))
                .isEqualTo(new StoreLocation.Sqlite(file));
    }

    @Test
    void parse_postgresUrl_givesPostgres() {
        String url = "jdbc:postgresql://db:5432/slipway?user=s";
        assertThat(StoreLocation.parse(url, home)).isEqualTo(new StoreLocation.Postgres(url));
    }

    @Test
    void parse_otherUrl_throwsListingAcceptedForms() {
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://db/x", home))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("jdbc:mysql://db/x")
                .hasMessageContaining("jdbc:sqlite:PATH")
                .hasMessageContaining("jdbc:postgresql://HOST")
                .hasMessageContaining("e.g.");
    }

    @Test
    void parse_sqliteMemory_throws() {
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:sqlite::memory:", home))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file path");
    }

    @Test
    void describe_passwordParameter_isHidden() {
        var location =
                StoreLocation.parse("jdbc:postgresql://db/x?user=u&password=s3cret&ssl=true", home);

        assertThat(location.describe())
                .doesNotContain("s3cret")
                .contains("jdbc:postgresql://db/x?user=u&password=***&ssl=true");
    }

    @Test
    void describe_userInfoPassword_isHidden() {
        var location = StoreLocation.parse("jdbc:postgresql://u:s3cret@db/x", home);

        assertThat(location.describe()).doesNotContain("s3cret").contains("u:***@db/x");
        assertThat(location.toString()).doesNotContain("s3cret");
    }

    @Test
    void parse_invalidValueWithPassword_doesNotEchoPassword() {
        assertThatThrownBy(() -> StoreLocation.parse("postgres://db/x?password=s3cret", home))
                .isInstanceOf(InvalidInputException.class)
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    void currentSchema_urlParameter_isFound() {
        var location =
                new StoreLocation.Postgres("jdbc:postgresql://db/x?user=u&currentSchema=t1,public");

        assertThat(location.currentSchema()).contains("t1");
    }
}
