package nl.knooppunt.gateway.outbound;

/** How one attempt to send a batch ended; written once, when the attempt finishes. */
public enum AttemptOutcome {
    /** The recipient answered (each message accepted or rejected). */
    DELIVERED,
    /** The batch did not get through, for a reason that may pass. */
    TRANSPORT_FAILURE,
    /** The recipient refused the batch as a whole; sending it again would not help. */
    UNRECOVERABLE,
    /** The sender lost its lease (it died or hung); another instance took the batch over. */
    LEASE_EXPIRED
}
