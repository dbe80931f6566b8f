package nl.knooppunt.gateway.workflow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.Dossier;
import nl.knooppunt.gateway.dossier.DossierDetails;
import nl.knooppunt.gateway.dossier.DossierRepository;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.inbound.InboundEffects;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import nl.knooppunt.gateway.registry.Convenants;
import nl.knooppunt.gateway.shared.IllegalTransitionException;
import nl.knooppunt.gateway.time.TimeProperties;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.RedenGeenMedewerking;
import nl.knooppunt.mappings.canonical.SaldoAntwoord;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoordVoorafAkkoord;
import nl.knooppunt.mappings.canonical.Statusverzoek;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a creditor's accepted message does to its claim and dossier: checks its business keys
 * ({@link BusinessKeys}) and, for vooraf akkoord, the creditor's convenant; moves the claim (answers),
 * keeps the lines the creditor states and the amount that counts, or why it will not cooperate, and
 * lets the dossier move on when its claims together say so; records the answer to a Kennisgeving
 * ({@link Kennisgevingen}) and answers a Statusverzoek ({@link StatusRequests}).
 */
@Component
class ClaimAnswers implements InboundEffects {

    /** The largest amount claim.confirmed_amount (numeric(14,2)) holds. */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999.99");

    private final DossierRepository dossiers;
    private final DossierService dossierService;
    private final StatusService statuses;
    private final DossierProgress progress;
    private final ClaimRecords records;
    private final Convenants convenants;
    private final Kennisgevingen kennisgevingen;
    private final StatusRequests statusRequests;
    private final TimeProperties time;
    private final Clock clock;

    ClaimAnswers(DossierRepository dossiers, DossierService dossierService, StatusService statuses,
                 DossierProgress progress, ClaimRecords records, Convenants convenants, Kennisgevingen kennisgevingen,
                 StatusRequests statusRequests, TimeProperties time, Clock clock) {
        this.dossiers = dossiers;
        this.dossierService = dossierService;
        this.statuses = statuses;
        this.progress = progress;
        this.records = records;
        this.convenants = convenants;
        this.kennisgevingen = kennisgevingen;
        this.statusRequests = statusRequests;
        this.time = time;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(Conversation conversation, Message message) {
        MessageBody body = message.body();
        MessageType type = message.header().berichttype();
        // Everything that can refuse the message is decided before anything is written.
        DossierDetails details = dossierService.get(conversation.dossierId());
        Claim claim = details.claims().stream().filter(c -> c.id().equals(conversation.claimId())).findFirst()
                .orElseThrow();
        Optional<String> kept = records.keptClientNumberSe(claim.id());
        Optional<String> keep = BusinessKeys.check(body, claim, details.clientData(), kept);
        if (body instanceof SaldoverzoekAntwoordVoorafAkkoord) {
            checkConvenant(details.dossier(), claim);
        }
        Optional<ClaimStatus> target = ClaimEffects.targetStatus(body);
        Optional<BigDecimal> counted = ClaimEffects.countedAmount(body);
        if (counted.isPresent() && counted.get().compareTo(LARGEST_AMOUNT) > 0) {
            throw new InboundRejectedException(InboundOutcome.SCHEMA_INVALID, "The sum of the ActueelVorderingsbedrag "
                    + "of the lines with Schuldtype OPENSTAAND exceeds " + LARGEST_AMOUNT.toPlainString()
                    + ", the largest claim the gateway keeps; nothing was changed");
        }
        if (target.isPresent() && !ClaimStatus.TRANSITIONS.isAllowed(claim.status(), target.get())) {
            throw notPossibleNow(claim.status().name(), type);
        }

        Cause cause = Cause.message(message.header().referentienummer());
        if (target.isPresent()) {
            Optional<RedenGeenMedewerking> reason = ClaimEffects.noCooperationReason(body);
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
        }
        keep.ifPresent(number -> records.keepClientNumberSe(claim.id(), number));
        kennisgevingen.recordAnswer(claim, message);
        if (body instanceof Statusverzoek) {
            statusRequests.answer(conversation, message, details.dossier(), claim, details.clientData(),
                    Optional.ofNullable(claim.clientNumberAtCreditor()).or(() -> kept).or(() -> keep));
        }
        if (target.isPresent()) {
            progress.afterClaimChange(conversation.dossierId(), cause);
        }
    }

    /**
     * A Saldoverzoek antwoord vooraf akkoord counts only from a creditor with a convenant for the
     * dossier's settlement type, valid on the day it arrives (defect 5; ADR 0018).
     */
    private void checkConvenant(Dossier dossier, Claim claim) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), time.zone());
        if (!convenants.holds(claim.creditorId(), dossier.settlementType().name(), today)) {
            throw new InboundRejectedException(InboundOutcome.NO_CONVENANT, "A Saldoverzoek antwoord vooraf akkoord "
                    + "counts only from a creditor with a convenant for settlement type "
                    + dossier.settlementType().name() + " valid today, which the gateway's registry does not hold "
                    + "for you; nothing was changed. Send a Saldoverzoek antwoord");
        }
    }

    private static InboundRejectedException notPossibleNow(String claimStatus, MessageType type) {
        return new InboundRejectedException(InboundOutcome.REPLY_NOT_PERMITTED,
                "The claim is " + claimStatus + "; a " + type.code() + " is not possible now (answered already?)");
    }
}
