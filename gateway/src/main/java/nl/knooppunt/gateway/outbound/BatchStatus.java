package nl.knooppunt.gateway.outbound;

import nl.knooppunt.gateway.shared.Transitions;

/** Where a batch stands. A batch is formed {@link #SENDING} (its first attempt starts at once). */
public enum BatchStatus {
    /** Waits for its next attempt after a recoverable failure. */
    READY,
    /** Leased to one instance for one attempt. */
    SENDING,
    /** The recipient answered: every message has its outcome. */
    COMPLETED,
    /** Refused as a whole, or out of attempts: its messages are dead letters. */
    DEAD;

    /** SENDING to SENDING is a take-over: the sender's lease ran out and another attempt starts. */
    public static final Transitions<BatchStatus> TRANSITIONS = Transitions.of(BatchStatus.class)
            .from(READY, SENDING)
            .from(SENDING, SENDING, READY, COMPLETED, DEAD)
            .build();
}
