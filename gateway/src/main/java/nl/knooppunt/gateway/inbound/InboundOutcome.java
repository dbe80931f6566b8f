package nl.knooppunt.gateway.inbound;

/**
 * The outcome of a message from a creditor, the same on every channel (SOAP fault codes, REST
 * problem types and SFTP error reports are all named after these).
 */
public enum InboundOutcome {
    /** Accepted and processed. */
    ACCEPTED("inbound-accepted"),
    /** The message does not match the contract. */
    SCHEMA_INVALID("inbound-schema-invalid"),
    /** No conversation, or no message to answer, with these references exists for the sender. */
    UNKNOWN_CONVERSATION("inbound-unknown-conversation"),
    /** This type may not answer that message, that message was never sent (still queued), or it was answered already. */
    REPLY_NOT_PERMITTED("inbound-reply-not-permitted"),
    /** The sender may not send this: another sender's identity, another creditor's conversation, an SHV message type. */
    NOT_AUTHORIZED("inbound-not-authorized"),
    /**
     * The Referentienummer was used before by the same sender for a message with other content: a
     * resend must repeat its message exactly, a new or corrected message needs a new Referentienummer.
     */
    REPLAY_CONFLICT("inbound-replay-conflict"),
    /**
     * A business key in the message (KlantnummerSHV, KlantnummerSE) does not match the conversation's
     * client or the creditor's number for it; nothing was changed. The detail names the field, never a value.
     */
    BUSINESS_KEY_MISMATCH("inbound-business-key-mismatch"),
    /**
     * A Saldoverzoek antwoord vooraf akkoord from a creditor without a convenant for the dossier's
     * settlement type valid on the day it arrived; nothing was changed (send a Saldoverzoek antwoord).
     */
    NO_CONVENANT("inbound-no-convenant"),
    /** Not processed now because of a fault of the gateway; nothing was changed, send it again later. */
    INTERNAL_ERROR("internal-error"),
    /**
     * Nothing wrong with this message, but it was sent in an all-or-nothing batch in which another
     * message was refused: nothing of the batch was applied. Correct the others and send all again.
     */
    NOT_PROCESSED("inbound-not-processed");

    private final String code;

    InboundOutcome(String code) {
        this.code = code;
    }

    /**
     * The stable code of this outcome, published as the problem type {@code urn:knooppunt:problem:<code>}
     * (REST) and beside the SOAP Resultaatcode; never changed once published. The one table of codes.
     */
    public String code() {
        return code;
    }
}
