package nl.knooppunt.gateway.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierDetails;
import nl.knooppunt.gateway.dossier.DossierNotFoundException;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.outbound.OutboundMessages;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.time.TimeProperties;
import nl.knooppunt.mappings.canonical.StatuscodeSHV;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SHV withdraws a dossier before agreement, in one transaction: its messages that have not
 * reached a creditor are cancelled, every claim and the dossier move to WITHDRAWN (which closes it,
 * so the retention period starts), and every creditor that has or may have had a message of the
 * dossier is told with a Statusbericht SHV {@code DOSSIER_GESLOTEN}. Withdrawing a withdrawn
 * dossier again changes nothing (a retry after a lost answer); any other closed or agreed dossier
 * cannot be withdrawn.
 */
@Service
public class DossierWithdrawal {

    static final String NOTICE = "Het dossier is ingetrokken door de schuldhulpverlener; er volgen geen berichten meer.";

    private final DossierService dossiers;
    private final StatusService statuses;
    private final OutboundMessages outboundMessages;
    private final Conversations conversations;
    private final CreditorMessages creditorMessages;
    private final TimeProperties time;
    private final Clock clock;

    DossierWithdrawal(DossierService dossiers, StatusService statuses, OutboundMessages outboundMessages,
                      Conversations conversations, CreditorMessages creditorMessages, TimeProperties time,
                      Clock clock) {
        this.dossiers = dossiers;
        this.statuses = statuses;
        this.outboundMessages = outboundMessages;
        this.conversations = conversations;
        this.creditorMessages = creditorMessages;
        this.time = time;
        this.clock = clock;
    }

    /**
     * @throws DossierNotFoundException when the dossier is not the SHV's
     * @throws nl.knooppunt.gateway.shared.IllegalTransitionException when it is agreed or closed otherwise
     */
    @Transactional
    public void withdraw(Participant shv, UUID dossierId) {
        DossierDetails details = dossiers.get(dossierId);
        if (!details.dossier().shvId().equals(shv.id())) {
            throw new DossierNotFoundException(dossierId);
        }
        if (details.dossier().status() == DossierStatus.WITHDRAWN) {
            return;
        }
        DossierStatus.TRANSITIONS.check(details.dossier().status(), DossierStatus.WITHDRAWN);
        // Locks in the order every change takes — messages, then claims, then the dossier — so that a
        // delivery fact or an answer at this moment waits, or is waited for, instead of deadlocking.
        // The dossier's status is checked again under its lock by changeDossier.
        Cause cause = Cause.user(shv.oin().value());
        List<UUID> creditors = details.claims().stream().map(Claim::creditorId).distinct().toList();
        Set<UUID> contacted = outboundMessages.recipientsContacted(dossierId, creditors);
        outboundMessages.cancelForDossier(dossierId, creditors);
        // Every claim locked before the first changes: a change notifies the SHV, which locks its
        // notification cursor, and an answer on another claim of this dossier holding that claim while
        // waiting for the cursor would otherwise deadlock with us.
        Map<UUID, ClaimStatus> current = new LinkedHashMap<>();
        for (Claim claim : details.claims()) {
            statuses.lockClaim(claim.id()).ifPresent(s -> current.put(claim.id(), s));
        }
        current.forEach((claimId, s) -> {
            if (ClaimStatus.TRANSITIONS.isAllowed(s, ClaimStatus.WITHDRAWN)) {
                statuses.changeClaim(dossierId, claimId, ClaimStatus.WITHDRAWN, cause, "dossier withdrawn");
            }
        });
        statuses.changeDossier(dossierId, DossierStatus.WITHDRAWN, cause, "withdrawn by the SHV");
        ClientData client = details.clientData().orElseThrow(() -> new IllegalStateException("Dossier has no client data"));
        for (Claim claim : details.claims()) {
            if (contacted.contains(claim.creditorId())) {
                tell(shv, claim, client);
            }
        }
    }

    private void tell(Participant shv, Claim claim, ClientData client) {
        Conversation conversation = conversations.findByClaim(claim.id()).orElseThrow();
        Instant now = clock.instant();
        UUID reference = UUID.randomUUID();
        creditorMessages.queue(conversation, CreditorMessages.statusbericht(reference, conversation, null, shv, claim,
                client.clientNumberShv(), creditorMessages.clientNumberSe(claim), StatuscodeSHV.DOSSIER_GESLOTEN,
                LocalDate.ofInstant(now, time.zone()), null, NOTICE, now));
    }
}
