package nl.knooppunt.gateway.dossier;

import java.math.BigDecimal;
import java.util.List;

/** A new dossier as an SHV submits it: the client, the type of settlement and one claim per creditor. */
public record DossierSubmission(
        String shvOin,
        String shvReference,
        SettlementType settlementType,
        ClientData clientData,
        List<ClaimSubmission> claims) {

    public DossierSubmission {
        claims = List.copyOf(claims);
    }

    /** A claim as the SHV knows it: the creditor and the invoices it holds against the client. */
    public record ClaimSubmission(String creditorOin, String clientNumberAtCreditor, List<String> invoiceNumbers,
                                  BigDecimal amountKnownToShv) {

        public ClaimSubmission {
            invoiceNumbers = List.copyOf(invoiceNumbers);
        }
    }
}
