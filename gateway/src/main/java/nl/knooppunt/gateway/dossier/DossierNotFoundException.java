package nl.knooppunt.gateway.dossier;

import java.util.UUID;
import nl.knooppunt.gateway.shared.Refusal;

/** No dossier with this id exists, or the caller may not see it. */
public class DossierNotFoundException extends Refusal {

    public DossierNotFoundException(UUID id) {
        super(Kind.NOT_FOUND, "not-found", "Not found", "There is no such dossier.");
    }
}
