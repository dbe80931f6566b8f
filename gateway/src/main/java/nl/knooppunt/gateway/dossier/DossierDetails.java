package nl.knooppunt.gateway.dossier;

import java.util.List;
import java.util.Optional;

/** A dossier with everything the SHV may see: personal data (until purged), claims and history. */
public record DossierDetails(Dossier dossier, Optional<ClientData> clientData, List<Claim> claims,
                             List<ClaimLine> claimLines, List<StatusChange> history) {

    /** The lines of the claim's latest answer to its Saldoverzoek, in order. */
    public List<ClaimLine> linesOf(java.util.UUID claimId) {
        return claimLines.stream().filter(l -> l.claimId().equals(claimId)).toList();
    }
}
