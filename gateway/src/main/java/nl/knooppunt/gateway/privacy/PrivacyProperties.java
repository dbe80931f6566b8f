package nl.knooppunt.gateway.privacy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How personal data is protected: the AES keys that encrypt it at rest, and how long it is kept.
 *
 * @param keys comma-separated {@code id:base64} pairs of 256-bit keys; the first encrypts, all
 *     decrypt (so a key can be rotated in without re-encrypting first)
 * @param keyFile alternatively, a file holding that same text
 * @param generateIfMissing create {@code keyFile} with one fresh key when it does not exist (for
 *     development and tests; production configures its keys)
 * @param retention how long after a dossier is closed its personal data is kept; then it is purged
 */
@ConfigurationProperties("knooppunt.privacy")
public record PrivacyProperties(String keys, Path keyFile, boolean generateIfMissing,
                                @DefaultValue("365d") Duration retention) {

    @ConstructorBinding
    public PrivacyProperties {
    }

    public PrivacyProperties(String keys, Path keyFile, boolean generateIfMissing) {
        this(keys, keyFile, generateIfMissing, Duration.ofDays(365));
    }
}
