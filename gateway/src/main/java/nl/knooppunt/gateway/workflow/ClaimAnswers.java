package nl.knooppunt.gateway.workflow;

import java.math.BigDecimal;
import java.util.Optional;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.DossierRepository;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.inbound.InboundEffects;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import nl.knooppunt.gateway.shared.IllegalTransitionException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.RedenGeenMedewerking;
import nl.knooppunt.mappings.canonical.SaldoAntwoord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a creditor's accepted message does to its claim and dossier: moves the claim (answers), keeps
 * the lines the creditor states and the amount that counts, or why it will not cooperate, and lets
 * the dossier move on when its claims together say so.
 */
@Component
class ClaimAnswers implements InboundEffects {

    /** The largest amount claim.confirmed_amount (numeric(14,2)) holds. */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999.99");

    private final DossierRepository dossiers;
    private final StatusService statuses;
    private final DossierProgress progress;

    ClaimAnswers(DossierRepository dossiers, StatusService statuses, DossierProgress progress) {
        this.dossiers = dossiers;
        this.statuses = statuses;
        this.progress = progress;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(Conversation conversation, Message message) {
        MessageBody body = message.body();
        Optional<ClaimStatus> target = ClaimEffects.targetStatus(body);
        if (target.isEmpty()) {
            return;
        }
        MessageType type = message.header().berichttype();
        // Everything that can refuse the message is decided before anything is written.
        Optional<BigDecimal> counted = ClaimEffects.countedAmount(body);
        if (counted.isPresent() && counted.get().compareTo(LARGEST_AMOUNT) > 0) {
            throw new InboundRejectedException(InboundOutcome.SCHEMA_INVALID, "The sum of the ActueelVorderingsbedrag "
                    + "of the lines with Schuldtype OPENSTAAND exceeds " + LARGEST_AMOUNT.toPlainString()
                    + ", the largest claim the gateway keeps; nothing was changed");
        }
        Optional<RedenGeenMedewerking> reason = ClaimEffects.noCooperationReason(body);
        Claim claim = dossiers.findClaim(conversation.claimId()).orElseThrow();
        if (!ClaimStatus.TRANSITIONS.isAllowed(claim.status(), target.get())) {
            throw notPossibleNow(claim.status().name(), type);
        }
        Cause cause = Cause.message(message.header().referentienummer());
        String note = type.displayName() + reason.map(r -> ": " + r.name()).orElse("");
        try {
            statuses.changeClaim(conversation.dossierId(), claim.id(), target.get(), cause, note);
        } catch (IllegalTransitionException movedMeanwhile) {
            // Another answer changed the claim between the read above and the lock.
            throw notPossibleNow(movedMeanwhile.from(), type);
        }
        counted.ifPresent(a -> dossiers.updateConfirmedAmount(claim.id(), a));
        if (body instanceof SaldoAntwoord) {
            dossiers.replaceClaimLines(claim.id(),
                    ClaimEffects.lines(claim.id(), message.header().referentienummer(), body));
        }
        if (body instanceof SaldoAntwoord || reason.isPresent()) {
            // The latest answer to the Saldoverzoek says whether, and why, the creditor will not cooperate.
            dossiers.updateNoCooperationReason(claim.id(), reason.map(Enum::name).orElse(null));
        }
        progress.afterClaimChange(conversation.dossierId(), cause);
    }

    private static InboundRejectedException notPossibleNow(String claimStatus, MessageType type) {
        return new InboundRejectedException(InboundOutcome.REPLY_NOT_PERMITTED,
                "The claim is " + claimStatus + "; a " + type.code() + " is not possible now (answered already?)");
    }
}
