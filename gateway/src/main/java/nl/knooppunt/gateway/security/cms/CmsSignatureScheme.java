package nl.knooppunt.gateway.security.cms;

import java.security.Key;

/** How a {@link CmsSigner} signs: the signature algorithm, which must fit the key type. */
public enum CmsSignatureScheme {
    /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and salt 32, as PKIoverheid G4 signs. Default for RSA keys. */
    RSA_PSS_SHA256("SHA256withRSAandMGF1", "RSA"),
    /** RSASSA-PKCS1-v1_5 with SHA-256, for receivers that cannot verify PSS yet. */
    RSA_PKCS1_SHA256("SHA256withRSA", "RSA"),
    /** ECDSA with SHA-256; the only choice for EC keys. */
    ECDSA_SHA256("SHA256withECDSA", "EC");

    private final String signatureAlgorithm;
    private final String keyAlgorithm;

    CmsSignatureScheme(String signatureAlgorithm, String keyAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** Bouncy Castle name of the signature algorithm. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** RSA-PSS for RSA keys, ECDSA for EC keys. */
    public static CmsSignatureScheme defaultFor(Key key) {
        return switch (keyFamily(key)) {
            case "RSA" -> RSA_PSS_SHA256;
            case "EC" -> ECDSA_SHA256;
            default -> throw new IllegalArgumentException("Unsupported signing key type " + key.getAlgorithm());
        };
    }

    /** Whether this scheme can sign with the given key. */
    public boolean fits(Key key) {
        return keyAlgorithm.equals(keyFamily(key));
    }

    private static String keyFamily(Key key) {
        String algorithm = key.getAlgorithm();
        // A PSS-only RSA key reports "RSASSA-PSS"; it is still an RSA key.
        return "RSASSA-PSS".equals(algorithm) ? "RSA" : algorithm;
    }
}
