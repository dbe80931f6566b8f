package nl.knooppunt.gateway.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.Dossier;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.time.TimeProperties;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.StatuscodeSHV;
import nl.knooppunt.mappings.canonical.Statusverzoek;
import org.springframework.stereotype.Component;

/**
 * Answers a creditor's Statusverzoek with a Statusbericht SHV from the dossier's state, without the
 * SHV (item 8; domain reference §1.2 rows 13 and 15): queued to that creditor in the transaction
 * that receives the Statusverzoek, in its conversation, its CrossReferentienummer the Statusverzoek's
 * Referentienummer. Neither the claim nor the dossier changes.
 */
@Component
class StatusRequests {

    private final ParticipantRepository participants;
    private final CreditorMessages creditorMessages;
    private final TimeProperties time;
    private final Clock clock;

    StatusRequests(ParticipantRepository participants, CreditorMessages creditorMessages, TimeProperties time, Clock clock) {
        this.participants = participants;
        this.creditorMessages = creditorMessages;
        this.time = time;
        this.clock = clock;
    }

    /**
     * The Statuscode SHV a creditor is told for a dossier status: the one table (docs/workflow.md,
     * "Statusverzoek"). A dossier that is closed, however it ended, is DOSSIER_GESLOTEN; the gateway
     * knows nothing of a dwangakkoord or of the stabilisation phase, so those codes are never sent.
     */
    static StatuscodeSHV statuscode(DossierStatus status) {
        return switch (status) {
            case RECEIVED -> StatuscodeSHV.AANMELDING;
            case SALDO_INVENTORY -> StatuscodeSHV.SALDI_OPVRAGEN;
            case PROPOSAL_READY -> StatuscodeSHV.VOORSTEL_IN_VOORBEREIDING;
            case PROPOSAL_SENT, RECONSIDERATION -> StatuscodeSHV.VOORSTEL_VERSTUURD;
            case AGREED -> StatuscodeSHV.AKKOORD_BEREIKT;
            case COMPLETED, TERMINATED, REJECTED, WITHDRAWN -> StatuscodeSHV.DOSSIER_GESLOTEN;
        };
    }

    /** Queues the Statusbericht SHV answering the Statusverzoek {@code request}. */
    void answer(Conversation conversation, Message request, Dossier dossier, Claim claim, Optional<ClientData> client,
                Optional<String> clientNumberSe) {
        Statusverzoek verzoek = (Statusverzoek) request.body();
        Participant shv = participants.findById(conversation.shvId()).orElseThrow();
        Instant now = clock.instant();
        UUID reference = UUID.randomUUID();
        UUID answered = request.header().referentienummer();
        LocalDate today = LocalDate.ofInstant(now, time.zone());
        Message statusbericht = CreditorMessages.statusbericht(reference, conversation, answered, shv, claim,
                client.map(ClientData::clientNumberShv).orElse(verzoek.klantnummerSHV()),
                clientNumberSe.orElse(verzoek.klantnummerSE()), statuscode(dossier.status()), today, null,
                "Automatisch antwoord op uw Statusverzoek", now);
        creditorMessages.queue(conversation, statusbericht);
    }
}
