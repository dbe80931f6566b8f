package nl.knooppunt.gateway.workflow;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.mappings.canonical.Beslissing;
import nl.knooppunt.mappings.canonical.BetaalvoorstelAntwoord;
import nl.knooppunt.mappings.canonical.GeenMedewerking;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.SaldoAntwoord;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoordVoorafAkkoord;
import nl.knooppunt.mappings.canonical.VorderingSE;

/**
 * What a creditor's message means for its claim: the one place that says which answer moves a
 * claim to which status. Whether that move is allowed now is the claim state machine's call.
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
        if (body instanceof GeenMedewerking) {
            return Optional.of(ClaimStatus.NO_COOPERATION);
        }
        if (body instanceof BetaalvoorstelAntwoord answer) {
            return Optional.of(answer.beslissing() == Beslissing.AKKOORD ? ClaimStatus.ACCEPTED : ClaimStatus.REJECTED);
        }
        // Kennisgeving antwoord, Statusbericht SE and Statusverzoek inform the SHV; the claim stays where it is.
        return Optional.empty();
    }

    /** The claim as the creditor states it: the sum of the current amounts of its claims, if any. */
    static Optional<BigDecimal> confirmedAmount(MessageBody body) {
        if (!(body instanceof SaldoAntwoord answer) || answer.vorderingen() == null) {
            return Optional.empty();
        }
        return answer.vorderingen().stream()
                .map(VorderingSE::actueelVorderingsbedrag)
                .filter(Objects::nonNull)
                .reduce(BigDecimal::add);
    }
}
