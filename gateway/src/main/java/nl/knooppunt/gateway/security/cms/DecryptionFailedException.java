package nl.knooppunt.gateway.security.cms;

import java.util.Objects;

/**
 * An encrypted file that cannot be decrypted, with the reason why. The message is fixed text per
 * case; the cause, when there is one, holds the technical detail. Output written before the
 * failure must be discarded.
 */
public class DecryptionFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why decryption failed. */
    public enum Reason {
        /** Not a CMS EnvelopedData structure, or a broken one. */
        MALFORMED,
        /** Content encryption other than AES-CBC. */
        UNSUPPORTED_ALGORITHM,
        /** The file is not encrypted to this certificate. */
        NOT_A_RECIPIENT,
        /** The content key cannot be recovered with this private key. */
        KEY_UNWRAP_FAILED,
        /** The encrypted content is damaged or cut short. */
        CONTENT_CORRUPT
    }

    private final Reason reason;

    public DecryptionFailedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
