package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version's columns come back typed, in file order, with missing values marked. */
class ReadFrameTest {

    @TempDir Path dir;

    private Frame read(List<String> columns) throws IOException {
        Path f =
                Files.writeString(
                        dir.resolve("r.csv"),
                        "x,n,c,b,t\n1.5,3,red,true,2024-01-02\n,4,,false,2024-01-03\n-2,,blue,,\n");
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            h.datasets()
                    .importFile(
                            f,
                            "r",
                            ImportOptions.builder().type("t", LogicalType.TIMESTAMP).build(),
                            ProgressListener.NONE);
            return h.datasets().read(DatasetRef.latest("r"), columns);
        }
    }

    @Test
    void read_everyType_givesTypedColumnsWithNulls() throws IOException {
        Frame frame = read(List.of("x", "n", "c", "b", "t"));

        assertThat(frame.rows()).isEqualTo(3);
        DoubleColumn x = (DoubleColumn) frame.column("x");
        assertThat(x.get(0)).isEqualTo(1.5);
        assertThat(x.isNull(1)).isTrue();
        assertThat(x.get(1)).isNaN();
        assertThat(x.get(2)).isEqualTo(-2.0);
        LongColumn n = (LongColumn) frame.column("n");
        assertThat(n.get(1)).isEqualTo(4L);
        assertThat(n.isNull(2)).isTrue();
        StringColumn c = (StringColumn) frame.column("c");
        assertThat(c.get(0)).isEqualTo("red");
        assertThat(c.isNull(1)).isTrue();
        BoolColumn b = (BoolColumn) frame.column("b");
        assertThat(b.get(0)).isTrue();
        assertThat(b.isNull(2)).isTrue();
        LongColumn t = (LongColumn) frame.column("t");
        assertThat(t.get(0)).isEqualTo(1_704_153_600_000_000L);
    }

    @Test
    void read_largeVersion_readsEveryColumnInFileOrder() throws IOException {
        StringBuilder csv = new StringBuilder("i,c,x,n\n");
        int rows = 150_000;
        for (int r = 0; r < rows; r++) {
            csv.append(r).append(",c").append(r % 7).append(',');
            csv.append(r % 11 == 0 ? "" : Double.toString(r / 4.0))
                    .append(',')
                    .append(-r)
                    .append('\n');
        }
        Path f = Files.writeString(dir.resolve("big.csv"), csv);
        Frame frame;
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            h.datasets().importFile(f, "big", ImportOptions.defaults(), ProgressListener.NONE);
            frame = h.datasets().read(DatasetRef.latest("big"), List.of("n", "i", "c", "x"));
        }

        assertThat(frame.names()).containsExactly("n", "i", "c", "x");
        LongColumn i = (LongColumn) frame.column("i");
        LongColumn n = (LongColumn) frame.column("n");
        StringColumn c = (StringColumn) frame.column("c");
        DoubleColumn x = (DoubleColumn) frame.column("x");
        for (int r = 0; r < rows; r++) {
            assertThat(i.get(r)).isEqualTo(r);
            assertThat(n.get(r)).isEqualTo(-r);
            assertThat(c.get(r)).isEqualTo("c" + (r % 7));
            assertThat(x.isNull(r)).isEqualTo(r % 11 == 0);
            if (r % 11 != 0) {
                assertThat(x.get(r)).isEqualTo(r / 4.0);
            }
        }
    }

    @Test
    void read_someColumns_keepsTheOrderAsked() throws IOException {
        assertThat(read(List.of("c", "x")).names()).containsExactly("c", "x");
    }

    @Test
    void read_unknownColumn_namesTheColumnsThereAre() {
        assertThatThrownBy(() -> read(List.of("nope")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no column 'nope'")
                .hasMessageContaining("[x, n, c, b, t]");
    }
}
