package nl.knooppunt.gateway.dossier;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.Refusal;

/**
 * The SHV already has a dossier with this shvReference, submitted with other content. Nothing was
 * stored; the existing dossier is named so that the SHV can look at it.
 */
public class DuplicateReferenceException extends Refusal {

    private final UUID existingDossierId;

    public DuplicateReferenceException(UUID existingDossierId) {
        super(Kind.CONFLICT, "duplicate-shv-reference", "shvReference already used",
                "You already submitted a different dossier with this shvReference; nothing was changed. "
                        + "The existing dossier is " + location(existingDossierId) + ".",
                List.of(new FieldProblem("shvReference",
                        "is the reference of a dossier you submitted before with other content")));
        this.existingDossierId = existingDossierId;
    }

    public UUID existingDossierId() {
        return existingDossierId;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("dossierId", existingDossierId, "dossier", location(existingDossierId));
    }

    @Override
    public Optional<URI> location() {
        return Optional.of(URI.create(location(existingDossierId)));
    }

    private static String location(UUID dossierId) {
        return "/api/v1/dossiers/" + dossierId;
    }
}
