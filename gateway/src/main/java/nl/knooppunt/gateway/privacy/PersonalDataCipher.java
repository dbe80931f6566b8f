package nl.knooppunt.gateway.privacy;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts personal data before it reaches the database (AES-256-GCM). Every ciphertext names the
 * key it was made with, so keys can be rotated, and is bound to a context (e.g. the dossier id) so
 * that a ciphertext copied to another row does not decrypt.
 *
 * <p>Layout: {@code 0x01 | key id length | key id | 12-byte nonce | ciphertext with 16-byte tag}.
 */
@Component
public class PersonalDataCipher {

    private static final byte FORMAT = 0x01;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys;
    private final String currentKeyId;

    @Autowired
    public PersonalDataCipher(PrivacyProperties properties) {
        this(parse(loadKeyText(properties)));
    }

    PersonalDataCipher(Map<String, SecretKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("No data key configured (knooppunt.privacy.keys or knooppunt.privacy.key-file)");
        }
        this.keys = Map.copyOf(keys);
        this.currentKeyId = keys.keySet().iterator().next();
    }

    public byte[] encrypt(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] keyId = currentKeyId.getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + keyId.length + NONCE_BYTES + sealed.length)
                    .put(FORMAT).put((byte) keyId.length).put(keyId).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data could not be encrypted", e);
        }
    }

    public byte[] decrypt(byte[] ciphertext, String context) {
        try {
            ByteBuffer in = ByteBuffer.wrap(ciphertext);
            if (in.get() != FORMAT) {
                throw new IllegalStateException("Unknown format of encrypted personal data");
            }
            byte[] keyId = new byte[in.get()];
            in.get(keyId);
            SecretKey key = keys.get(new String(keyId, StandardCharsets.US_ASCII));
            if (key == null) {
                throw new IllegalStateException("Personal data was encrypted with a key that is not configured: "
                        + new String(keyId, StandardCharsets.US_ASCII));
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ciphertext, in.position(), in.remaining());
        } catch (GeneralSecurityException | BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException("Personal data could not be decrypted (wrong key, context or damaged)", e);
        }
    }

    /**
     * A keyed digest (HMAC-SHA256) of personal data, to recognise the same data again without keeping
     * another readable copy; unlike a plain hash it cannot be confirmed by guessing without the key.
     * The digest key is derived from the current data key and the purpose, and the result names that
     * data key ({@code keyId:digest}), so a fingerprint can still be checked after a key rotation.
     */
    public String fingerprint(byte[] data, String purpose) {
        return currentKeyId + ":" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac(keys.get(currentKeyId), purpose, data));
    }

    /**
     * Whether the data has this fingerprint (made by {@link #fingerprint} for the same purpose).
     * False, not an error, when the fingerprint is malformed or its key is no longer configured: the
     * data can then not be shown to be the same.
     */
    public boolean hasFingerprint(byte[] data, String purpose, String fingerprint) {
        int colon = fingerprint == null ? -1 : fingerprint.indexOf(':');
        SecretKey key = colon <= 0 ? null : keys.get(fingerprint.substring(0, colon));
        if (key == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(fingerprint.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, mac(key, purpose, data));
    }

    private static byte[] mac(SecretKey dataKey, String purpose, byte[] data) {
        try {
            // A separate key per purpose, never the encryption key itself.
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(dataKey.getEncoded(), "HmacSHA256"));
            byte[] macKey = derive.doFinal(("knooppunt fingerprint key:" + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Fingerprint could not be computed", e);
        }
    }

    /** A fresh key in the configuration format, for operators setting up a new installation. */
    public static String newKeyEntry(String keyId) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return keyId + ":" + Base64.getEncoder().encodeToString(key);
    }

    private static String loadKeyText(PrivacyProperties properties) {
        if (StringUtils.hasText(properties.keys())) {
            return properties.keys();
        }
        if (properties.keyFile() == null) {
            return "";
        }
        try {
            if (!Files.exists(properties.keyFile()) && properties.generateIfMissing()) {
                Files.createDirectories(properties.keyFile().toAbsolutePath().getParent());
                Files.writeString(properties.keyFile(), newKeyEntry("k1") + "\n");
                try {
                    Files.setPosixFilePermissions(properties.keyFile(), PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system; the directory's protection applies
                }
            }
            return Files.readString(properties.keyFile());
        } catch (IOException e) {
            throw new IllegalStateException("Data key file cannot be read: " + properties.keyFile(), e);
        }
    }

    static Map<String, SecretKey> parse(String text) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : text.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("A data key entry must look like id:base64");
            }
            byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1));
            if (key.length != 32) {
                throw new IllegalStateException("Data key '" + entry.substring(0, colon) + "' is not 256 bits");
            }
            keys.put(entry.substring(0, colon), new SecretKeySpec(key, "AES"));
        }
        return keys;
    }
}
