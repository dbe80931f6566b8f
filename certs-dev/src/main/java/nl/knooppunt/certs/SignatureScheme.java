package nl.knooppunt.certs;

import java.util.Locale;

/**
 * How the (RSA) certificate authorities sign certificates and CRLs.
 *
 * <p>PKIoverheid G4 signs with RSASSA-PSS; older generations with PKCS#1 v1.5. Both are offered so
 * that consumers can be tested against either.
 */
public enum SignatureScheme {
    /** RSASSA-PSS, SHA-256, MGF1 with SHA-256, salt length 32. */
    RSA_PSS_SHA256("SHA256withRSAandMGF1"),
    /** RSASSA-PKCS1-v1_5 with SHA-256. */
    RSA_PKCS1_SHA256("SHA256withRSA");

    private final String signatureAlgorithm;

    SignatureScheme(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** Bouncy Castle signature algorithm name used to build the content signer. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Accepts {@code PSS}, {@code RSA-PSS}, {@code PKCS1}, {@code PKCS1v15} or an enum constant name. */
    public static SignatureScheme parse(String text) {
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (normalised) {
            case "PSS":
            case "RSAPSS":
            case "RSAPSSSHA256":
            case "SHA256WITHRSAANDMGF1":
                return RSA_PSS_SHA256;
            case "PKCS1":
            case "PKCS1V15":
            case "RSAPKCS1SHA256":
            case "SHA256WITHRSA":
                return RSA_PKCS1_SHA256;
            default:
                throw new IllegalArgumentException(
                        "Unknown signature scheme '" + text + "'; use PSS or PKCS1");
        }
    }
}
