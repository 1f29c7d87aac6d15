package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files streamed in chunks typed for a model, and frames written that appear whole or not. */
class BatchFilesTest {

    private static final List<ColumnSpec> WANTED =
            List.of(ColumnSpec.scalar("x", DType.FP64), ColumnSpec.scalar("c", DType.STRING));

    @TempDir Path dir;

    private SlipwayHome home;
    private BatchFiles files;

    @BeforeEach
    void openHome() {
        home = SlipwayHome.open(dir.resolve("home"));
        files = new BatchFiles(home, DataLimits.defaults());
    }

    @AfterEach
    void closeHome() {
        home.close();
    }

    private List<BatchFiles.Chunk> readAll(Path file, int batchSize) {
        List<BatchFiles.Chunk> chunks = new ArrayList<>();
        try (BatchFiles.Reader r = files.open(file, WANTED, batchSize)) {
            for (Optional<BatchFiles.Chunk> c = r.next(); c.isPresent(); c = r.next()) {
                chunks.add(c.get());
            }
        }
        return chunks;
    }

    @Test
    void open_csv_readsChunksTypedForTheModelWithBadRowsSetAside() throws IOException {
        Path f =
                Files.writeString(
                        dir.resolve("rows.csv"),
                        "id, x , c\r\n1, 1.5, red\r\n2,abc,blue\r\n3,?,NA\r\n4,-2e1,\"a, b\"\r\n");

        List<BatchFiles.Chunk> chunks = readAll(f, 2);

        assertThat(chunks).hasSize(2);
        BatchFiles.Chunk first = chunks.get(0);
        assertThat(first.rows()).containsExactly(1);
        assertThat(first.rejected()).hasSize(1);
        assertThat(first.rejected().get(0).row()).isEqualTo(2);
        assertThat(first.rejected().get(0).reason()).contains("column 'x': 'abc' is not a number");
        assertThat(first.rejected().get(0).values()).containsExactly("2", "abc", "blue");
        assertThat(((DoubleColumn) first.inputs().column("x")).get(0)).isEqualTo(1.5);
        assertThat(first.raw().names()).containsExactly("id", "x", "c");
        BatchFiles.Chunk second = chunks.get(1);
        assertThat(second.rows()).containsExactly(3, 4);
        assertThat(second.inputs().column("x").isNull(0)).isTrue();
        assertThat(second.inputs().column("c").isNull(0)).isTrue();
        assertThat(((DoubleColumn) second.inputs().column("x")).get(1)).isEqualTo(-20.0);
        assertThat(((StringColumn) second.inputs().column("c")).get(1)).isEqualTo("a, b");
        assertThat(second.values(0)).containsExactly("3", "?", "NA");
    }

    @Test
    void open_parquet_keepsTheFilesTypesForOtherColumns() throws SQLException {
        Path f = dir.resolve("rows.parquet");
        duck(
                "COPY (SELECT i AS id, i * 0.5 AS x, 'k' || i AS c FROM range(1, 11) t(i)) TO '%s' (FORMAT parquet)"
                        .formatted(f));

        try (BatchFiles.Reader r = files.open(f, WANTED, 4)) {
            assertThat(r.total()).isEqualTo(10);
            assertThat(r.columns())
                    .containsExactly(
                            ColumnSpec.scalar("id", DType.INT64),
                            ColumnSpec.scalar("x", DType.FP64),
                            ColumnSpec.scalar("c", DType.STRING));
            BatchFiles.Chunk c = r.next().orElseThrow();
            assertThat(((LongColumn) c.raw().column("id")).get(3)).isEqualTo(4);
        }
    }

    @Test
    void open_missingColumns_namesEachAndListsTheFilesColumns() throws IOException {
        Path f = Files.writeString(dir.resolve("rows.csv"), "id,X\n1,2\n");

        assertThatThrownBy(() -> files.open(f, WANTED, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no columns 'x', 'c'")
                .hasMessageContaining("[id, X]")
                .hasMessageContaining("case-sensitive, and the file has 'X' (the model takes 'x')");
    }

    @Test
    void open_malformedLine_failsBeforeAnyChunk() throws IOException {
        StringBuilder b = new StringBuilder("id,x,c\n");
        for (int i = 1; i <= 100; i++) {
            b.append(i).append(",1,a\n");
        }
        b.append("101,1,a,extra\n");
        Path f = Files.writeString(dir.resolve("rows.csv"), b.toString());

        assertThatThrownBy(() -> files.open(f, WANTED, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 102");
    }

    private static Frame scores(double... p) {
        String[] labels = new String[p.length];
        float[] proba = new float[p.length * 2];
        for (int i = 0; i < p.length; i++) {
            labels[i] = p[i] >= 0.5 ? "yes" : "no";
            proba[2 * i] = (float) (1 - p[i]);
            proba[2 * i + 1] = (float) p[i];
        }
        return Frame.of(
                StringColumn.of("label", labels),
                new FloatColumn("proba", 2, proba, new java.util.BitSet()));
    }

    private static final List<ColumnSpec> SCORES =
            List.of(
                    ColumnSpec.scalar("label", DType.STRING),
                    new ColumnSpec("proba", DType.FP32, 2, List.of("no", "yes")));

    @Test
    void create_parquet_writesWideColumnsFlatAndTyped() throws SQLException {
        Path out = dir.resolve("out").resolve("scores.parquet");

        try (BatchFiles.Writer w = files.create(out, SCORES)) {
            w.write(scores(0.25, 0.75));
            w.write(scores(0.5));
            w.commit();
        }

        assertThat(
                        duckRows(
                                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '%s')"
                                        .formatted(out)))
                .containsExactly(
                        List.of("label", "VARCHAR"),
                        List.of("proba_no", "FLOAT"),
                        List.of("proba_yes", "FLOAT"));
        assertThat(duckRows("SELECT label, proba_yes FROM '%s'".formatted(out)))
                .containsExactly(
                        List.of("no", "0.25"), List.of("yes", "0.75"), List.of("yes", "0.5"));
    }

    @Test
    void close_withoutCommit_leavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path out = Files.writeString(dir.resolve("scores.csv"), "old\n");

        try (BatchFiles.Writer w = files.create(out, SCORES)) {
            for (int i = 0; i < 100; i++) {
                w.write(scores(0.1, 0.9));
            }
            assertThat(w.rows()).isEqualTo(200);
        }

        assertThat(out).hasContent("old");
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("scores.csv", "home");
        }
    }

    private static void duck(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<List<String>> duckRows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
