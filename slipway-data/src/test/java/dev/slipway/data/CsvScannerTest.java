package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvScannerTest {

    @TempDir Path dir;

    private static final CsvDialect ABC = new CsvDialect(',', '"', true, List.of("a", "b", "c"));

    @Test
    void scan_fileOfSeveralBlocks_hashesEveryByteAndCountsRecords() throws Exception {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder("a,b,c\n");
        int rows = 200_000;
        for (int i = 0; i < rows; i++) {
            b.append(random.nextInt(1000)).append(",\"x, ").append(i).append("\",é\n");
        }
        Path f = Files.writeString(dir.resolve("big.csv"), b.toString());

        CsvScanner.Result r = CsvScanner.scan(f, ABC, ProgressListener.NONE);

        byte[] expected = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        assertThat(Files.size(f)).isGreaterThan(3L << 20);
        assertThat(r.sha256()).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(r.records()).isEqualTo(rows);
        assertThat(r.linesExact()).isTrue();
    }

    @Test
    void scan_crlfEndings_reportsCrlf() throws IOException {
        Path f = write("a,b,c\r\n1,2,3\r\n4,5,6\r\n");

        CsvScanner.Result r = CsvScanner.scan(f, ABC, ProgressListener.NONE);

        assertThat(r.crlf()).isTrue();
        assertThat(r.mixedLineEndings()).isFalse();
        assertThat(r.records()).isEqualTo(2);
    }

    @Test
    void scan_mixedEndings_reportsMixed() throws IOException {
        Path f = write("a,b,c\r\n1,2,3\n4,5,6\r\n");

        assertThat(CsvScanner.scan(f, ABC, ProgressListener.NONE).mixedLineEndings()).isTrue();
    }

    @Test
    void scan_quotedLineBreak_linesNoLongerExact() throws IOException {
        Path f = write("a,b,c\n1,\"two\nlines\",3\n4,5,6\n");

        CsvScanner.Result r = CsvScanner.scan(f, ABC, ProgressListener.NONE);

        assertThat(r.records()).isEqualTo(2);
        assertThat(r.linesExact()).isFalse();
    }

    @Test
    void scan_noFinalNewline_countsLastRecord() throws IOException {
        Path f = write("a,b,c\n1,2,3\n4,5,6");

        assertThat(CsvScanner.scan(f, ABC, ProgressListener.NONE).records()).isEqualTo(2);
    }

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("f.csv"), content.getBytes(StandardCharsets.UTF_8));
    }
}
