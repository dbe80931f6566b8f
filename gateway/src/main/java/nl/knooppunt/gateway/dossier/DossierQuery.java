package nl.knooppunt.gateway.dossier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Filter and page for listing dossiers. Null filters do not restrict.
 *
 * @param shvId only this SHV's dossiers
 * @param statuses any of these statuses
 * @param shvReference exactly this SHV reference
 * @param creditorOin dossiers with a claim of this creditor
 * @param submittedFrom submitted at or after
 * @param submittedBefore submitted before
 */
public record DossierQuery(UUID shvId, Set<DossierStatus> statuses, String shvReference, String creditorOin,
                           Instant submittedFrom, Instant submittedBefore, int page, int size) {

    public DossierQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }
}
