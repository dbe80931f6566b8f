package nl.knooppunt.gateway.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** A new dossier as an SHV submits it: the client, the type of settlement and one claim per creditor. */
public record DossierSubmission(
        String shvOin,
        String shvReference,
        SettlementType settlementType,
        ClientData clientData,
        List<ClaimSubmission> claims,
        // Whether every creditor gets a Kennisgeving before its Saldoverzoek (issue 14, item 7). Left out
        // of the submission fingerprint when false, so older dossiers' fingerprints still match.
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean kennisgeving) {

    public DossierSubmission {
        claims = List.copyOf(claims);
    }

    /** A submission without a Kennisgeving. */
    public DossierSubmission(String shvOin, String shvReference, SettlementType settlementType, ClientData clientData,
                             List<ClaimSubmission> claims) {
        this(shvOin, shvReference, settlementType, clientData, claims, false);
    }

    /** A claim as the SHV knows it: the creditor and the invoices it holds against the client. */
    public record ClaimSubmission(String creditorOin, String clientNumberAtCreditor, List<String> invoiceNumbers,
                                  BigDecimal amountKnownToShv) {

        public ClaimSubmission {
            invoiceNumbers = List.copyOf(invoiceNumbers);
        }
    }
}
