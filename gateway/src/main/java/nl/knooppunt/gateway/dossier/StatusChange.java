package nl.knooppunt.gateway.dossier;

import java.time.Instant;
import java.util.UUID;

/** One entry of the append-only status history of a dossier or one of its claims. */
public record StatusChange(
        long id,
        UUID dossierId,
        UUID claimId,
        String fromStatus,
        String toStatus,
        Instant occurredAt,
        Cause cause,
        String note) {

    /** Whether this entry is about the dossier itself rather than one of its claims. */
    public boolean isDossierChange() {
        return claimId == null;
    }
}
