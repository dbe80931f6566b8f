package nl.knooppunt.gateway.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.ClaimLine;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.mappings.canonical.Beslissing;
import nl.knooppunt.mappings.canonical.BetaalvoorstelAntwoord;
import nl.knooppunt.mappings.canonical.GeenMedewerking;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.RedenGeenMedewerking;
import nl.knooppunt.mappings.canonical.SaldoAntwoord;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoordVoorafAkkoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.VorderingSE;

/**
 * What a creditor's message means for its claim: the one place that says which answer moves a
 * claim to which status and which of its lines count. Whether that move is allowed now is the claim
 * state machine's call.
 */
final class ClaimEffects {

    private ClaimEffects() {}

    /** The status the claim moves to, or empty for messages that inform without changing it. */
    static Optional<ClaimStatus> targetStatus(MessageBody body) {
        if (body instanceof SaldoverzoekAntwoordVoorafAkkoord) {
            return Optional.of(ClaimStatus.PRE_AGREED);
        }
        if (body instanceof SaldoAntwoord) {
            return Optional.of(ClaimStatus.SALDO_CONFIRMED);
        }
        if (body instanceof GeenMedewerking answer) {
            // Klant onbekend (the 1.x name of the whole message): the creditor has no claim on this
            // client, so there is nothing to settle with it. The other reasons (finale kwijting
            // received, a recent stabilisation attempt, not with this SHV) are refusals of a creditor
            // that may well hold a claim (domain reference §1.2, §2.4).
            return Optional.of(answer.reden() == RedenGeenMedewerking.KLANT_ONBEKEND
                    ? ClaimStatus.NO_DEBT : ClaimStatus.NO_COOPERATION);
        }
        if (body instanceof BetaalvoorstelAntwoord answer) {
            return Optional.of(answer.beslissing() == Beslissing.AKKOORD ? ClaimStatus.ACCEPTED : ClaimStatus.REJECTED);
        }
        // Kennisgeving antwoord, Statusbericht SE and Statusverzoek inform the SHV; the claim stays where it is.
        return Optional.empty();
    }

    /**
     * Whether a line counts for the settlement: only a debt the creditor still holds. A transferred
     * debt (overgedragen) is the new holder's to state; a debt the creditor does not know (onbekende
     * schuld bij SE) is outside the settlement (domain reference §1.4.4, §2.3).
     */
    static boolean counts(Schuldtype type) {
        return type == Schuldtype.OPENSTAAND;
    }

    /** The claim as the creditor states it: the sum of the current amounts of the lines that count, if it sent lines. */
    static Optional<BigDecimal> countedAmount(MessageBody body) {
        if (!(body instanceof SaldoAntwoord answer) || answer.vorderingen() == null || answer.vorderingen().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(answer.vorderingen().stream()
                .filter(v -> counts(v.schuldtype()))
                .map(VorderingSE::actueelVorderingsbedrag)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2));
    }

    /** The answer's lines as kept with the claim (empty for other messages). */
    static List<ClaimLine> lines(UUID claimId, UUID answerReference, MessageBody body) {
        List<ClaimLine> lines = new ArrayList<>();
        if (body instanceof SaldoAntwoord answer && answer.vorderingen() != null) {
            int position = 0;
            for (VorderingSE v : answer.vorderingen()) {
                lines.add(new ClaimLine(claimId, ++position, answerReference, v.factuurnummerSE(),
                        v.factuurnummerSEVolgensSHV(), v.schuldtype().name(), v.vorderingsType().name(),
                        v.ontstaansdatum(), v.oorspronkelijkBedrag(), v.hoofdsom(), v.rente(), v.kosten(),
                        v.actueelVorderingsbedrag(), v.overgedragenAan(), counts(v.schuldtype())));
            }
        }
        return lines;
    }

    /** The reason a creditor gave for not cooperating, for a Geen medewerking; else empty. */
    static Optional<RedenGeenMedewerking> noCooperationReason(MessageBody body) {
        return body instanceof GeenMedewerking answer ? Optional.of(answer.reden()) : Optional.empty();
    }
}
