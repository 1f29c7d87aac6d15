package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain file comes back as a typed frame, columns and rows in file order, nulls marked. */
class FileFramesTest {

    private static final String CSV = "x,n,c,b\n1.5,3,red,true\n,4,,false\n-2,,blue,\n";

    @TempDir Path dir;

    private Frame read(Path file) {
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            return h.datasets().readFile(file);
        }
    }

    private static void assertTyped(Frame frame) {
        assertThat(frame.rows()).isEqualTo(3);
        assertThat(frame.names()).containsExactly("x", "n", "c", "b");
        DoubleColumn x = (DoubleColumn) frame.column("x");
        assertThat(x.get(0)).isEqualTo(1.5);
        assertThat(x.isNull(1)).isTrue();
        assertThat(x.get(1)).isNaN();
        assertThat(x.get(2)).isEqualTo(-2.0);
        LongColumn n = (LongColumn) frame.column("n");
        assertThat(n.get(0)).isEqualTo(3L);
        assertThat(n.isNull(2)).isTrue();
        StringColumn c = (StringColumn) frame.column("c");
        assertThat(c.get(2)).isEqualTo("blue");
        assertThat(c.isNull(1)).isTrue();
        BoolColumn b = (BoolColumn) frame.column("b");
        assertThat(b.get(0)).isTrue();
        assertThat(b.get(1)).isFalse();
        assertThat(b.isNull(2)).isTrue();
    }

    @Test
    void readFile_csv_typesDetectedAndNullsMarked() throws IOException {
        Path f = Files.writeString(dir.resolve("rows.csv"), CSV);

        assertTyped(read(f));
    }

    @Test
    void readFile_jsonLines_typesDetectedAndNullsMarked() throws IOException {
        Path f =
                Files.writeString(
                        dir.resolve("rows.jsonl"),
                        """
                        {"x": 1.5, "n": 3, "c": "red", "b": true}
                        {"x": null, "n": 4, "c": null, "b": false}
                        {"x": -2, "n": null, "c": "blue", "b": null}
                        """);

        assertTyped(read(f));
    }

    @Test
    void readFile_parquet_typesKeptAndNullsMarked() throws IOException, SQLException {
        Path csv = Files.writeString(dir.resolve("rows.csv"), CSV);
        Path parquet = dir.resolve("rows.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(
                    "COPY (SELECT * FROM read_csv(%s)) TO %s (FORMAT parquet)"
                            .formatted(Sql.str(csv.toString()), Sql.str(parquet.toString())));
        }

        assertTyped(read(parquet));
    }

    @Test
    void readFile_missingFile_invalidInputNamingIt() {
        Path f = dir.resolve("nope.csv");

        assertThatThrownBy(() -> read(f))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope.csv")
                .hasMessageContaining("no such file");
    }

    @Test
    void readFile_notParquet_invalidInputNamingTheFormat() throws IOException {
        Path f = Files.writeString(dir.resolve("broken.parquet"), "this is not parquet at all");

        assertThatThrownBy(() -> read(f))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("broken.parquet")
                .hasMessageContaining("cannot be read as parquet");
    }
}
