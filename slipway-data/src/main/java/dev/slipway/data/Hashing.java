package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and strings. */
final class Hashing {

    private Hashing() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hex sha256 of a file's bytes, reporting progress as {@code stage}. */
    static String sha256(Path file, String stage, ProgressListener progress) {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            long total = Files.size(file);
            byte[] buf = new byte[1 << 20];
            long done = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                done += n;
                progress.update(stage, done, total);
            }
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), file + ": cannot be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
