package nl.knooppunt.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/**
 * Key algorithm and size of a generated key pair.
 *
 * <p>Keys are plain {@code rsaEncryption} or {@code id-ecPublicKey} keys (never RSASSA-PSS-only
 * keys), so that TLS, XML-signature and CMS stacks all accept them; RSA-PSS is a choice of the
 * signing CA, see {@link SignatureScheme}.
 */
public enum KeyType {
    RSA_2048("RSA", 2048),
    RSA_3072("RSA", 3072),
    EC_P256("EC", 256);

    private final String algorithm;
    private final int bits;

    KeyType(String algorithm, int bits) {
        this.algorithm = algorithm;
        this.bits = bits;
    }

    /** JCA key algorithm name: {@code RSA} or {@code EC}. */
    public String algorithm() {
        return algorithm;
    }

    public boolean isRsa() {
        return "RSA".equals(algorithm);
    }

    /**
     * Parses the short forms used on the command line: {@code RSA} (2048), {@code RSA2048},
     * {@code RSA3072}, {@code EC} / {@code P256} / {@code P-256}, or an enum constant name.
     */
    public static KeyType parse(String text) {
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (normalised) {
            case "RSA":
            case "RSA2048":
                return RSA_2048;
            case "RSA3072":
                return RSA_3072;
            case "EC":
            case "P256":
            case "ECP256":
            case "SECP256R1":
                return EC_P256;
            default:
                throw new IllegalArgumentException(
                        "Unknown key type '" + text + "'; use RSA, RSA2048, RSA3072 or EC");
        }
    }

    KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (isRsa()) {
                generator.initialize(bits, random);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + this + " key pair", e);
        }
    }
}
