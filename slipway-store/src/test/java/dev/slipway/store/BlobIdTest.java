package dev.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class BlobIdTest {

    private static final String HEX =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void parse_withPrefix_givesHex() {
        assertThat(BlobId.parse("sha256:" + HEX).hex()).isEqualTo(HEX);
    }

    @Test
    void parse_withoutPrefix_givesHex() {
        assertThat(BlobId.parse(HEX).hex()).isEqualTo(HEX);
    }

    @Test
    void parse_upperCase_givesLowerCase() {
        assertThat(BlobId.parse("SHA256:" + HEX.toUpperCase(java.util.Locale.ROOT)).hex())
                .isEqualTo(HEX);
    }

    @Test
    void parse_tooShort_throwsInvalidInputNamingValue() {
        assertThatThrownBy(() -> BlobId.parse("sha256:abc"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'sha256:abc'")
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void parse_otherAlgorithm_throwsInvalidInput() {
        assertThatThrownBy(() -> BlobId.parse("md5:" + HEX))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void constructor_upperCaseHex_throwsInvalidInput() {
        assertThatThrownBy(() -> new BlobId(HEX.toUpperCase(java.util.Locale.ROOT)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toString_isPrefixedHex() {
        assertThat(new BlobId(HEX)).hasToString("sha256:" + HEX);
    }

    @Test
    void shortId_isFirstTwelveHexDigits() {
        assertThat(new BlobId(HEX).shortId()).isEqualTo("e3b0c44298fc");
    }
}
