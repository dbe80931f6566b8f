package nl.knooppunt.gateway.workflow;

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
import nl.knooppunt.mappings.canonical.MessageType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a creditor's accepted message does to its claim and dossier: moves the claim (answers), keeps
 * the amount the creditor states, and lets the dossier move on when its claims together say so.
 */
@Component
class ClaimAnswers implements InboundEffects {

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
        Optional<ClaimStatus> target = ClaimEffects.targetStatus(message.body());
        if (target.isEmpty()) {
            return;
        }
        MessageType type = message.header().berichttype();
        Claim claim = dossiers.findClaim(conversation.claimId()).orElseThrow();
        if (!ClaimStatus.TRANSITIONS.isAllowed(claim.status(), target.get())) {
            throw notPossibleNow(claim.status().name(), type);
        }
        Cause cause = Cause.message(message.header().referentienummer());
        try {
            statuses.changeClaim(conversation.dossierId(), claim.id(), target.get(), cause, type.displayName());
        } catch (IllegalTransitionException movedMeanwhile) {
            // Another answer changed the claim between the read above and the lock.
            throw notPossibleNow(movedMeanwhile.from(), type);
        }
        ClaimEffects.confirmedAmount(message.body()).ifPresent(a -> dossiers.updateConfirmedAmount(claim.id(), a));
        progress.afterClaimChange(conversation.dossierId(), cause);
    }

    private static InboundRejectedException notPossibleNow(String claimStatus, MessageType type) {
        return new InboundRejectedException(InboundOutcome.REPLY_NOT_PERMITTED,
                "The claim is " + claimStatus + "; a " + type.code() + " is not possible now (answered already?)");
    }
}
