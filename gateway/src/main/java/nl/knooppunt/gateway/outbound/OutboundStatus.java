package nl.knooppunt.gateway.outbound;

import nl.knooppunt.gateway.shared.Transitions;

/** Where an outgoing message stands on its way to its recipient. */
public enum OutboundStatus {
    /** In the outbox, waiting for its batch. */
    PENDING,
    /** In a batch that is being sent or waits for its next attempt. */
    BATCHED,
    /**
     * The creditor's system accepted it (push channels), or the recipient answered it while the
     * gateway's record said otherwise (still batched, dead or expired): an answer proves receipt.
     */
    DELIVERED,
    /** Placed in the creditor's mailbox; waits to be fetched. */
    IN_MAILBOX,
    /** Fetched from the mailbox; waits for the creditor's confirmation. */
    FETCHED,
    /** Fetched and confirmed by the creditor. */
    CONFIRMED,
    /** Rejected as unrecoverable, or out of retries: a dead letter. */
    DEAD,
    /** Not fetched and confirmed within the expiry period (5 werkdagen). */
    EXPIRED,
    /** An operator gave up on this dead letter or expired message. */
    DISCARDED,
    /**
     * Its dossier was withdrawn before the message reached its recipient: it will not be sent
     * (queued), placed (in a batch to a mailbox), fetched (in the mailbox) or offered for
     * resubmission (dead, expired). A message already in a batch to a push channel may still arrive
     * with its batch, which is immutable; that recipient is told of the withdrawal after it.
     */
    CANCELLED;

    public static final Transitions<OutboundStatus> TRANSITIONS = Transitions.of(OutboundStatus.class)
            .from(PENDING, BATCHED, CANCELLED)
            .from(BATCHED, DELIVERED, IN_MAILBOX, DEAD, CANCELLED)
            .from(IN_MAILBOX, FETCHED, EXPIRED, CANCELLED)
            .from(FETCHED, FETCHED, CONFIRMED, EXPIRED)
            // DELIVERED from DEAD or EXPIRED: the recipient answered it, so it had it after all.
            .from(DEAD, PENDING, DISCARDED, DELIVERED, CANCELLED)
            .from(EXPIRED, PENDING, DISCARDED, DELIVERED, CANCELLED)
            .build();

    /**
     * Whether the message got to its recipient: accepted by its system, or placed in (and maybe taken
     * from) its mailbox. Only what reached a participant can be answered.
     */
    public boolean reachedRecipient() {
        return this == DELIVERED || this == IN_MAILBOX || this == FETCHED || this == CONFIRMED;
    }

}
