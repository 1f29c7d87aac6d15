package dev.slipway.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Numbers and times in the report read the same whatever the machine's locale. */
class FmtTest {

    private Locale saved;

    @BeforeEach
    void german() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void num_anyValue_roundedWithoutTheLocalesDigits() {
        assertThat(Fmt.num(32561)).isEqualTo("32,561");
        assertThat(Fmt.num(27185.34)).isEqualTo("27,185.3");
        assertThat(Fmt.num(0.123456)).isEqualTo("0.1235");
        assertThat(Fmt.num(-0.5)).isEqualTo("-0.5");
        assertThat(Fmt.num(0.0000154)).isEqualTo("1.54e-05");
        assertThat(Fmt.num(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void pctSignedTimeCount_anyLocale_areTheSame() {
        assertThat(Fmt.pct(0.2143)).isEqualTo("21.4%");
        assertThat(Fmt.signed(-0.04)).isEqualTo("−0.04");
        assertThat(Fmt.signed(0.01)).isEqualTo("+0.01");
        assertThat(Fmt.time(Instant.parse("2024-05-01T13:05:59Z"))).isEqualTo("2024-05-01 13:05");
        assertThat(Fmt.count(1, "row")).isEqualTo("1 row");
        assertThat(Fmt.count(1200, "row")).isEqualTo("1,200 rows");
    }

    @Test
    void esc_markupCharacters_becomeReferences() {
        assertThat(Html.esc("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
        assertThat(Html.esc("plain")).isEqualTo("plain");
    }
}
