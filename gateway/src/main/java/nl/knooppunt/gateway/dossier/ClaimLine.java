package nl.knooppunt.gateway.dossier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a creditor's answer to a Saldoverzoek (a VorderingSE), as kept with the claim.
 *
 * @param position 1-based, in the order of the answer
 * @param answerReference Referentienummer of the answer the line came with
 * @param debtType the Schuldtype code: OPENSTAAND, OVERGEDRAGEN or ONBEKEND
 * @param claimType the VorderingsType code
 * @param transferredTo for a transferred line, the party that holds it now
 * @param counted whether the line counts for the settlement (the workflow decides)
 */
public record ClaimLine(UUID claimId, int position, UUID answerReference, String invoiceNumberSe,
                        String invoiceNumberShv, String debtType, String claimType, LocalDate originDate,
                        BigDecimal originalAmount, BigDecimal principal, BigDecimal interest, BigDecimal costs,
                        BigDecimal currentAmount, String transferredTo, boolean counted) {}
