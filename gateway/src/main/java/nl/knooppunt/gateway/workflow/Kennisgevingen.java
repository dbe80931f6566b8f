package nl.knooppunt.gateway.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierDetails;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.registry.Convenants;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.time.TimeProperties;
import nl.knooppunt.mappings.canonical.GeenMedewerking;
import nl.knooppunt.mappings.canonical.KennisgevingAntwoord;
import nl.knooppunt.mappings.canonical.Message;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kennisgeving at intake (item 7; domain reference §1.2 rows 1–4, §1.4.1–§1.4.2, §4.2): when the
 * SHV asks for it, every creditor gets a Kennisgeving (the "pauzeknop": stop collection, add no costs)
 * queued before its Saldoverzoek, in the claim's conversation. Its answer is shown with the claim: a
 * Kennisgeving antwoord changes no status; a Geen medewerking to it moves the claim as one to the
 * Saldoverzoek does (see {@link ClaimEffects}).
 */
@Service
public class Kennisgevingen {

    /** The recorded answer of a Geen medewerking to the Kennisgeving. */
    static final String GEEN_MEDEWERKING = "GEEN_MEDEWERKING";

    /** The Kennisgeving of one claim as the SHV sees it. */
    public record View(boolean sent, boolean answered, String answer, Instant answeredAt, String clientNumberSe) {}

    private final DossierService dossiers;
    private final Conversations conversations;
    private final CreditorMessages creditorMessages;
    private final ParticipantRepository participants;
    private final Convenants registry;
    private final ClaimRecords records;
    private final TimeProperties time;
    private final Clock clock;

    Kennisgevingen(DossierService dossiers, Conversations conversations, CreditorMessages creditorMessages,
                   ParticipantRepository participants, Convenants registry, ClaimRecords records, TimeProperties time, Clock clock) {
        this.dossiers = dossiers;
        this.conversations = conversations;
        this.creditorMessages = creditorMessages;
        this.participants = participants;
        this.registry = registry;
        this.records = records;
        this.time = time;
        this.clock = clock;
    }

    /** Queues a Kennisgeving to the creditor of every new claim of the dossier. */
    @Transactional(propagation = Propagation.MANDATORY)
    void queue(UUID dossierId) {
        DossierDetails details = dossiers.get(dossierId);
        ClientData client = details.clientData().orElseThrow(() -> new IllegalStateException("Dossier has no client data"));
        Participant shv = participants.findById(details.dossier().shvId()).orElseThrow();
        Instant now = clock.instant();
        LocalDate registered = LocalDate.ofInstant(details.dossier().submittedAt(), time.zone());
        for (Claim claim : details.claims()) {
            if (claim.status() != ClaimStatus.NEW) {
                continue;
            }
            Conversation conversation = conversations.findByClaim(claim.id()).orElseThrow();
            UUID reference = UUID.randomUUID();
            Message kennisgeving = KennisgevingFactory.create(reference, conversation.reference(), details.dossier(),
                    client, claim, shv, registry.identifiesClientsByBsn(claim.creditorId()), registered, now);
            creditorMessages.queue(conversation, kennisgeving);
            records.kennisgevingQueued(claim.id(), reference);
        }
    }

    /**
     * Records the creditor's answer if the message answers the claim's Kennisgeving: a Kennisgeving
     * antwoord (its AntwoordKennisgeving), or a Geen medewerking to it.
     */
    void recordAnswer(Claim claim, Message message) {
        UUID answered = message.header().crossReferentienummer();
        if (answered == null || !records.kennisgevingReference(claim.id()).filter(answered::equals).isPresent()) {
            return;
        }
        if (message.body() instanceof KennisgevingAntwoord antwoord) {
            records.kennisgevingAnswered(claim.id(), antwoord.antwoord().name(), clock.instant());
        } else if (message.body() instanceof GeenMedewerking) {
            records.kennisgevingAnswered(claim.id(), GEEN_MEDEWERKING, clock.instant());
        }
    }

    /** Per claim of the dossier that had a Kennisgeving: what the SHV sees of it. */
    @Transactional(readOnly = true)
    public Map<UUID, View> of(UUID dossierId) {
        Map<UUID, String> numbers = records.clientNumbersSe(dossierId);
        Map<UUID, View> views = new java.util.LinkedHashMap<>();
        records.kennisgevingen(dossierId).forEach((claimId, state) -> views.put(claimId, new View(true,
                state.answer() != null, state.answer(), state.answeredAt(),
                Optional.ofNullable(numbers.get(claimId)).orElse(null))));
        return views;
    }
}
