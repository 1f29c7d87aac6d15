package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file gets one clear message naming it, and leaves nothing in the home. */
class BadInputTest {

    @TempDir Path dir;

    private InvalidInputException importing(Path file) {
        Path home = dir.resolve("home");
        InvalidInputException result;
        try (DataHome h = DataHome.sqlite(home)) {
            InvalidInputException e =
                    catchThrowableOfType(
                            InvalidInputException.class,
                            () ->
                                    h.datasets()
                                            .importFile(
                                                    file,
                                                    "bad",
                                                    ImportOptions.defaults(),
                                                    ProgressListener.NONE));
            assertThat(e).as("import of %s must fail", file).isNotNull();
            assertThat(e.getMessage()).contains(file.toString());
            assertThat(h.datasets().list()).isEmpty();
            assertThat(filesUnder(home.resolve("datasets"))).isZero();
            result = e;
        }
        assertThat(filesUnder(home.resolve("tmp"))).isZero();
        return result;
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static long filesUnder(Path p) {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importFile_raggedRow_namesLineAndColumn() throws IOException {
        Path f = write("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n");

        InvalidInputException e = importing(f);

        assertThat(e.line()).hasValue(3);
        assertThat(e.column()).hasValue("b");
        assertThat(e.getMessage())
                .contains("line 3")
                .contains("expected 3 fields")
                .contains("found 2");
    }

    @Test
    void importFile_extraField_namesLine() throws IOException {
        Path f = write("extra.csv", "a,b,c\n1,2,3\n4,5,6,7\n");

        InvalidInputException e = importing(f);

        assertThat(e.line()).hasValue(3);
        assertThat(e.getMessage()).contains("found 4");
    }

    @Test
    void importFile_unclosedQuote_namesWhereTheQuoteStarts() throws IOException {
        Path f = write("quote.csv", "a,b,c\n1,2,3\n4,\"five,6\n7,8,9\n");

        InvalidInputException e = importing(f);

        assertThat(e.line()).hasValue(3);
        assertThat(e.column()).hasValue("b");
        assertThat(e.getMessage()).contains("never closed");
    }

    @Test
    void importFile_textAfterClosingQuote_namesLineAndColumn() throws IOException {
        Path f = write("afterquote.csv", "a,b,c\n1,\"2\"x,3\n");

        InvalidInputException e = importing(f);

        assertThat(e.line()).hasValue(2);
        assertThat(e.column()).hasValue("b");
    }

    @Test
    void importFile_invalidUtf8_namesLineAndColumn() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE9, 't', 'e', '\n'});

        InvalidInputException e = importing(f);

        assertThat(e.line()).hasValue(2);
        assertThat(e.column()).hasValue("b");
        assertThat(e.getMessage()).contains("UTF-8");
    }

    @Test
    void importFile_emptyFile_saysEmpty() throws IOException {
        Path f = write("empty.csv", "");

        assertThat(importing(f).getMessage()).contains("empty");
    }

    @Test
    void importFile_headerOnly_saysNoDataRows() throws IOException {
        Path f = write("header.csv", "a,b,c\n");

        assertThat(importing(f).getMessage()).contains("no data rows");
    }

    @Test
    void importFile_duplicateColumnNames_namesBoth() throws IOException {
        Path f = write("dup.csv", "a,b, a\n1,2,3\n");

        InvalidInputException e = importing(f);

        assertThat(e.column()).hasValue("a");
        assertThat(e.getMessage()).contains("columns 1 and 3");
    }

    @Test
    void importFile_directory_saysDirectory() throws IOException {
        Path d = Files.createDirectories(dir.resolve("folder.csv"));

        assertThat(importing(d).getMessage()).contains("is a directory");
    }

    @Test
    void importFile_missingFile_saysNoSuchFile() {
        assertThat(importing(dir.resolve("nope.csv")).getMessage()).contains("no such file");
    }

    @Test
    void importFile_notParquet_saysCannotBeRead() throws IOException {
        Path f = write("fake.parquet", "this is not parquet");

        assertThat(importing(f).getMessage()).contains("parquet");
    }

    @Test
    void importFile_typeOverrideThatDoesNotFit_namesValueAndLine() throws IOException {
        Path f = write("types.csv", "a,b\n1,x\n2,y\n");
        Path home = dir.resolve("home2");
        try (DataHome h = DataHome.sqlite(home)) {
            InvalidInputException e =
                    catchThrowableOfType(
                            InvalidInputException.class,
                            () ->
                                    h.datasets()
                                            .importFile(
                                                    f,
                                                    "t",
                                                    ImportOptions.builder()
                                                            .type(
                                                                    "b",
                                                                    dev.slipway.api.data.LogicalType
                                                                            .INTEGER)
                                                            .build(),
                                                    ProgressListener.NONE));

            assertThat(e.column()).hasValue("b");
            assertThat(e.getMessage()).contains("'x' (line 2)");
            assertThat(h.datasets().list()).isEmpty();
        }
    }
}
