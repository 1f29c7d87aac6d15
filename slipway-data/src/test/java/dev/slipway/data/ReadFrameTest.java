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
