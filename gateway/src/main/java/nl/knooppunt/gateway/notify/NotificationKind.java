package nl.knooppunt.gateway.notify;

/** What a notification tells the SHV; {@link #type()} is the {@code type} member of its JSON document. */
enum NotificationKind {
    CLAIM_STATUS_CHANGED("claim.status-changed"),
    DOSSIER_STATUS_CHANGED("dossier.status-changed"),
    CREDITOR_MESSAGE_ACCEPTED("creditor.message-accepted");

    private final String type;

    NotificationKind(String type) {
        this.type = type;
    }

    String type() {
        return type;
    }
}
