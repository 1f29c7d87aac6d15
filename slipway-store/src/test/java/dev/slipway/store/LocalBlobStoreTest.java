package dev.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {

    private static final byte[] CONTENT =
            "age,income\n39,<=50K\nsecret-payload\n".getBytes(StandardCharsets.UTF_8);

    @TempDir Path tmp;

    private LocalBlobStore store() {
        try {
            return new LocalBlobStore(
                    tmp.resolve("blobs"), Files.createDirectories(tmp.resolve("incoming")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void read_afterPut_returnsSameBytes() {
        LocalBlobStore store = store();

        BlobId id = store.put(CONTENT);

        assertThat(store.read(id)).isEqualTo(CONTENT);
    }

    @Test
    void put_content_idIsSha256OfContent() throws Exception {
        BlobId id = store().put(CONTENT);

        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONTENT));
        assertThat(id.hex()).isEqualTo(expected);
    }

    @Test
    void put_content_isStoredUnderTwoDigitFolder() {
        BlobId id = store().put(CONTENT);

        Path expected =
                tmp.resolve("blobs")
                        .resolve(id.hex().substring(0, 2))
                        .resolve(id.hex().substring(2));
        assertThat(expected).isRegularFile().hasBinaryContent(CONTENT);
    }

    @Test
    void put_sameContentTwice_storesOneFile() throws IOException {
        LocalBlobStore store = store();

        BlobId first = store.put(CONTENT);
        BlobId second = store.put(new ByteArrayInputStream(CONTENT));

        assertThat(second).isEqualTo(first);
        assertThat(blobFiles()).hasSize(1);
        assertThat(tmp.resolve("incoming")).isEmptyDirectory();
    }

    @Test
    void putFile_file_storesItsContent() throws IOException {
        LocalBlobStore store = store();
        Path file = Files.write(tmp.resolve("data.csv"), CONTENT);

        BlobId id = store.putFile(file);

        assertThat(id).isEqualTo(store.put(CONTENT));
        assertThat(store.size(id)).isEqualTo(CONTENT.length);
    }

    @Test
    void putFile_missingFile_throwsInvalidInputNamingIt() {
        Path missing = tmp.resolve("missing.csv");

        assertThatThrownBy(() -> store().putFile(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void read_byteFlippedOnDisk_throwsCorruptDataNamingIdNotContent() throws IOException {
        LocalBlobStore store = store();
        BlobId id = store.put(CONTENT);
        flipLastByte(store.path(id));

        assertThatThrownBy(() -> store.read(id))
                .isInstanceOfSatisfying(
                        CorruptDataException.class,
                        e -> assertThat(e.id()).isEqualTo(id.toString()))
                .hasMessageContaining(id.toString())
                .hasMessageContaining(store.path(id).toString())
                .hasMessageContaining("does not match its id")
                .message()
                .doesNotContain("secret-payload");
    }

    @Test
    void open_byteFlippedOnDisk_throwsCorruptData() throws IOException {
        LocalBlobStore store = store();
        BlobId id = store.put(CONTENT);
        flipLastByte(store.path(id));

        assertThatThrownBy(() -> store.open(id).close()).isInstanceOf(CorruptDataException.class);
    }

    @Test
    void open_intactBlob_streamsContent() throws IOException {
        LocalBlobStore store = store();
        BlobId id = store.put(CONTENT);

        try (InputStream in = store.open(id)) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
    }

    @Test
    void read_missingBlob_throwsNotFoundForBlob() {
        BlobId id = BlobId.parse("ab".repeat(32));

        assertThatThrownBy(() -> store().read(id))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo("blob");
                            assertThat(e.id()).isEqualTo(id.toString());
                        });
    }

    @Test
    void size_missingBlob_throwsNotFound() {
        assertThatThrownBy(() -> store().size(BlobId.parse("cd".repeat(32))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void exists_beforeAndAfterPut_tellsWhetherStored() {
        LocalBlobStore store = store();
        BlobId id =
                BlobId.parse("6f4e2a21ec1e5cb3d4a4d1c0a5b25a4b5f7a5c76c8b0b6ff07f05c8b35a9a0f0");

        assertThat(store.exists(store.put(CONTENT))).isTrue();
        assertThat(store.exists(id)).isFalse();
    }

    @Test
    void put_storedBlobTruncated_isRepaired() throws IOException {
        LocalBlobStore store = store();
        BlobId id = store.put(CONTENT);
        Files.write(store.path(id), new byte[] {1, 2, 3});

        store.put(CONTENT);

        assertThat(store.read(id)).isEqualTo(CONTENT);
    }

    @Test
    void put_sameContentFromManyThreads_allGetOneIntactBlob() throws Exception {
        LocalBlobStore store = store();
        byte[] big = new byte[2 << 20];
        new Random(42).nextBytes(big);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<BlobId>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                ids.add(pool.submit(() -> store.put(big)));
            }
            for (Future<BlobId> f : ids) {
                assertThat(f.get()).isEqualTo(ids.getFirst().get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.read(ids.getFirst().get())).isEqualTo(big);
        assertThat(blobFiles()).hasSize(1);
    }

    private List<Path> blobFiles() throws IOException {
        try (Stream<Path> files = Files.walk(tmp.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void flipLastByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(file, bytes);
    }
}
