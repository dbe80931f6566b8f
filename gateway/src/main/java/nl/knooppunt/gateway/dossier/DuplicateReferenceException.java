package nl.knooppunt.gateway.dossier;

import java.util.UUID;

/**
 * The SHV already has a dossier with this shvReference, submitted with other content. Nothing was
 * stored; the existing dossier is named so that the SHV can look at it.
 */
public class DuplicateReferenceException extends RuntimeException {

    private final UUID existingDossierId;

    public DuplicateReferenceException(UUID existingDossierId) {
        super("shvReference already used for a different dossier");
        this.existingDossierId = existingDossierId;
    }

    public UUID existingDossierId() {
        return existingDossierId;
    }
}
