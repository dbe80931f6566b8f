package nl.knooppunt.gateway.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierDetails;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.mappings.canonical.Message;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the saldo inventory of a dossier: a Saldoverzoek to every creditor, queued in the outbox in
 * the same transaction that moves the claims  to SALDO_REQUESTED and the dossier to SALDO_INVENTORY.
 */
@Service
public class SaldoInventory {

    private final DossierService dossiers;
    private final Conversations conversations;
    private final CreditorMessages creditorMessages;
    private final ParticipantRepository participants;
    private final StatusService statuses;
    private final Clock clock;

    SaldoInventory(DossierService dossiers, Conversations conversations, CreditorMessages creditorMessages, ParticipantRepository participants,
                   StatusService statuses, Clock clock) {
        this.dossiers = dossiers;
        this.conversations = conversations;
        this.creditorMessages = creditorMessages;
        this.participants = participants;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void start(UUID dossierId, Cause cause) {
        DossierDetails details = dossiers.get(dossierId);
        ClientData client = details.clientData().orElseThrow(() -> new IllegalStateException("Dossier has no client data"));
        Participant shv = participants.findById(details.dossier().shvId()).orElseThrow();
        Instant now = clock.instant();
        for (Claim claim : details.claims()) {
            if (claim.status() != ClaimStatus.NEW) {
                continue;
            }
            Conversation conversation = conversations.findByClaim(claim.id()).orElseThrow();
            UUID reference = UUID.randomUUID();
            Message saldoverzoek = SaldoverzoekFactory.create(reference, conversation.reference(), details.dossier(),
                    client, claim, shv, now);
            creditorMessages.queue(conversation, saldoverzoek);
            statuses.changeClaim(dossierId, claim.id(), ClaimStatus.SALDO_REQUESTED, Cause.message(reference),
                    "Saldoverzoek queued");
        }
        statuses.changeDossier(dossierId, DossierStatus.SALDO_INVENTORY, cause, "saldoverzoeken queued");
    }
}
