package nl.knooppunt.gateway.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.StatusberichtSHV;
import nl.knooppunt.mappings.canonical.StatuscodeSHV;

/** Writes a Statusbericht SHV to the creditor of a claim: the one place its header and keys are filled in. */
final class StatusberichtFactory {

    private StatusberichtFactory() {}

    /**
     * @param crossReference the message it answers or refers to (a Statusverzoek, a Saldoverzoek), or null
     * @param clientNumberShv the SHV's client number (KlantnummerSHV)
     */
    static Message create(UUID reference, UUID conversationReference, UUID crossReference, Participant shv, Claim claim,
                          String clientNumberShv, StatuscodeSHV code, LocalDate statusDate, LocalDate expectedNext,
                          String explanation, Instant now) {
        Header header = new Header(reference, conversationReference, crossReference, Header.CURRENT_VERSIE,
                MessageType.STATUSBERICHT_SHV, shv.oin().value(), claim.creditorOin(), now.atOffset(ZoneOffset.UTC));
        return new Message(header, new StatusberichtSHV(clientNumberShv, claim.clientNumberAtCreditor(), code,
                statusDate, expectedNext, explanation));
    }
}
