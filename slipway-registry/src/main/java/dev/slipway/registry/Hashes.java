package dev.slipway.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of byte arrays. */
final class Hashes {

    private Hashes() {}

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
