package nl.knooppunt.gateway.dossier;

import java.util.UUID;

/** No dossier with this id exists, or the caller may not see it. */
public class DossierNotFoundException extends RuntimeException {

    public DossierNotFoundException(UUID id) {
        super("No dossier " + id);
    }
}
