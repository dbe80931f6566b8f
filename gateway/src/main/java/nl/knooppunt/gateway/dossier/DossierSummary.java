package nl.knooppunt.gateway.dossier;

import java.util.Map;

/** A dossier in a list: its data and how many of its claims are in each status. */
public record DossierSummary(Dossier dossier, Map<ClaimStatus, Integer> claimsByStatus) {}
