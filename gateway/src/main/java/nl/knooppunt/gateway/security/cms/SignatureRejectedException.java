package nl.knooppunt.gateway.security.cms;

import java.util.Objects;

/**
 * A signature that must not be relied on, with the reason why. The message is fixed text per case
 * (at most OINs, which identify organisations), so it can be logged and returned to the sender;
 * the cause, when there is one, holds the technical detail.
 */
public class SignatureRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a signature was rejected. */
    public enum Reason {
        /** The {@code .p7s} is not a CMS SignedData with exactly one signer and its certificate. */
        MALFORMED,
        /** A digest or signature algorithm outside the accepted set (SHA-2, RSA-PSS, RSA PKCS#1 v1.5, ECDSA), or a weak key. */
        UNSUPPORTED_ALGORITHM,
        /** The file is not the one that was signed: it was changed, truncated or extended. */
        CONTENT_MISMATCH,
        /** The signature value or the signed attributes do not verify with the signer's key. */
        SIGNATURE_INVALID,
        /** The signer's certificate does not chain to a trusted root, or its chain is invalid. */
        UNTRUSTED_SIGNER,
        /** A certificate in the signer's chain is revoked. */
        REVOKED,
        /** The revocation status of a certificate in the chain is unknown (no current CRL). */
        REVOCATION_UNKNOWN,
        /** A certificate in the signer's chain has expired. */
        EXPIRED,
        /** A certificate in the signer's chain is not valid yet. */
        NOT_YET_VALID,
        /** The signer's certificate may not be used for signatures (key usage). */
        NOT_FOR_SIGNING,
        /** The signer's certificate has no OIN in its subject serialNumber. */
        NO_OIN,
        /** The file was signed by another organisation than expected. */
        WRONG_SIGNER
    }

    private final Reason reason;

    public SignatureRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SignatureRejectedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
