package nl.knooppunt.gateway.outbound;

/** The recipient's answer for one message of a batch; written once. */
public enum MemberOutcome {
    ACCEPTED,
    REJECTED
}
