package nl.knooppunt.gateway.privacy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AES keys that protect personal data at rest.
 *
 * @param keys comma-separated {@code id:base64} pairs of 256-bit keys; the first encrypts, all
 *     decrypt (so a key can be rotated in without re-encrypting first)
 * @param keyFile alternatively, a file holding that same text
 * @param generateIfMissing create {@code keyFile} with one fresh key when it does not exist (for
 *     development and tests; production configures its keys)
 */
@ConfigurationProperties("knooppunt.privacy")
public record DataKeyProperties(String keys, Path keyFile, boolean generateIfMissing) {}
