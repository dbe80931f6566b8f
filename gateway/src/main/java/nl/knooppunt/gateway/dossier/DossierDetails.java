package nl.knooppunt.gateway.dossier;

import java.util.List;
import java.util.Optional;

/** A dossier with everything the SHV may see: personal data (until purged), claims and history. */
public record DossierDetails(Dossier dossier, Optional<ClientData> clientData, List<Claim> claims,
                             List<StatusChange> history) {}
