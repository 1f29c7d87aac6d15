package dev.slipway.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowSpecTest {

    @ParameterizedTest
    @CsvSource({"30m,30", "1h,60", "1d,1440", "7d,10080", "2w,20160", "90m,90", "24h,1440"})
    void parse_timeSpan_givesItsLength(String text, long minutes) {
        assertThat(WindowSpec.parse(text))
                .isEqualTo(new WindowSpec.Span(Duration.ofMinutes(minutes)));
    }

    @ParameterizedTest
    @CsvSource({"1mo,1", "3MO,3", "' 12mo ',12"})
    void parse_months_givesCalendarMonths(String text, int months) {
        assertThat(WindowSpec.parse(text)).isEqualTo(new WindowSpec.Months(months));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000rows", "10000 rows", "10000ROWS"})
    void parse_rows_givesRowCount(String text) {
        assertThat(WindowSpec.parse(text)).isEqualTo(new WindowSpec.Rows(10000));
    }

    @ParameterizedTest
    @CsvSource({"30m,30m", "60m,1h", "1440m,1d", "7d,1w", "1mo,1mo", "10000rows,10000rows"})
    void text_parsedSpec_printsItsShortestForm(String text, String printed) {
        WindowSpec spec = WindowSpec.parse(text);

        assertThat(spec.text()).isEqualTo(printed);
        assertThat(WindowSpec.parse(spec.text())).isEqualTo(spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "d", "1y", "1.5h", "-1d", "1 month", "1s", "rows"})
    void parse_badText_namesTextAndAcceptedForms(String text) {
        assertThatThrownBy(() -> WindowSpec.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + text + "' is not a window")
                .hasMessageContaining("30m")
                .hasMessageContaining("1mo (calendar months, UTC)")
                .hasMessageContaining("10000rows");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0d", "0rows", "0mo", "99999999999999999999d", "9999999999999w", "1201mo"})
    void parse_zeroOrHugeNumber_isRefused(String text) {
        assertThatThrownBy(() -> WindowSpec.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + text + "' is not a window (the number");
    }
}
