package dev.slipway.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV reader of the MLflow protocol, on its own. */
class MlflowCsvTest {

    private static final Signature SIGNATURE =
            new Signature(
                    List.of(
                            ColumnSpec.scalar("x", DType.FP64),
                            ColumnSpec.scalar("n", DType.INT64),
                            ColumnSpec.scalar("city", DType.STRING)),
                    List.of(ColumnSpec.scalar("prediction", DType.FP64)));

    private static Frame read(String csv) {
        return MlflowCsv.read(csv.getBytes(StandardCharsets.UTF_8), "m", SIGNATURE);
    }

    @Test
    void records_quotedFields_holdCommasQuotesAndLineBreaks() {
        assertThat(MlflowCsv.records("a,b\r\n\"1,5\",\"say \"\"hi\"\"\nthere\"\r\n"))
                .containsExactly(List.of("a", "b"), List.of("1,5", "say \"hi\"\nthere"));
    }

    @Test
    void records_blankLinesAndMissingFinalNewline_areFine() {
        assertThat(MlflowCsv.records("a,b\n\n1,2"))
                .containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void read_valuesInSignatureOrder_areTypedAndExtraColumnsDropped() {
        Frame f = read("city,extra,n,x\nParis,zz,3,1.5\n\"Rome, IT\",yy,4,-2e3\n");
        assertThat(f.names()).containsExactly("x", "n", "city");
        assertThat(((DoubleColumn) f.column("x")).values()).containsExactly(1.5, -2000.0);
        assertThat(((LongColumn) f.column("n")).values()).containsExactly(3L, 4L);
        assertThat(((StringColumn) f.column("city")).values()).containsExactly("Paris", "Rome, IT");
    }

    @Test
    void read_emptyField_isMissing() {
        Frame f = read("x,n,city\n, ,\n");
        assertThat(f.column("x").isNull(0)).isTrue();
        assertThat(f.column("n").isNull(0)).isTrue();
        assertThat(f.column("city").isNull(0)).isTrue();
    }

    @Test
    void read_fractionForAnInteger_namesColumnAndLine() {
        assertThatThrownBy(() -> read("x,n,city\n1,2,a\n1,2.5,b\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'n' on line 3")
                .hasMessageContaining("\"2.5\"");
    }

    @Test
    void read_hexadecimalNumber_isRefused() {
        assertThatThrownBy(() -> read("x,n,city\n0x1p3,1,a\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'x' on line 2");
    }

    @Test
    void read_unclosedQuote_namesTheLineItOpensOn() {
        assertThatThrownBy(() -> read("x,n,city\n1,2,\"Paris\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("opened on line 2");
    }

    @Test
    void read_wrongFieldCount_namesTheLine() {
        assertThatThrownBy(() -> read("x,n,city\n1,2\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("2 fields but the header has 3");
    }

    @Test
    void read_missingColumn_namesIt() {
        assertThatThrownBy(() -> read("x,city\n1,a\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing input 'n'");
    }

    @Test
    void read_wideInputAsColumnsNamedByItsLabels_isAssembledInOrder() {
        Signature wide =
                new Signature(
                        List.of(new ColumnSpec("features", DType.FP32, 2, List.of("a", "b"))),
                        List.of(ColumnSpec.scalar("prediction", DType.FP64)));
        Frame f = MlflowCsv.read("b,a\n2,1\n4,3\n".getBytes(StandardCharsets.UTF_8), "m", wide);
        assertThat(((FloatColumn) f.column("features")).values()).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void read_invalidUtf8_isRefused() {
        byte[] body = {
            'x', ',', 'n', ',', 'c', 'i', 't', 'y', '\n', '1', ',', '2', ',', (byte) 0xE9
        };
        assertThatThrownBy(() -> MlflowCsv.read(body, "m", SIGNATURE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UTF-8");
    }
}
