package nl.knooppunt.gateway.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.Dossier;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.GegevensKlant;
import nl.knooppunt.mappings.canonical.GegevensSHVOrganisatie;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Kennisgeving;
import nl.knooppunt.mappings.canonical.KennisgevingPubliek;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.TypeSchuldregeling;

/**
 * Writes the Kennisgeving to one creditor from the dossier as the SHV submitted it (domain reference
 * §1.4.1: the Saldoverzoek's Gegevens Klant and SHV organisation, without the claims): a Kennisgeving
 * Publiek, with the client's (and partner's) BSN, for a creditor that identifies clients by BSN and
 * when the SHV gave the client's BSN; else a plain Kennisgeving.
 */
final class KennisgevingFactory {

    private KennisgevingFactory() {}

    static Message create(UUID reference, UUID conversationReference, Dossier dossier, ClientData client, Claim claim,
                          Participant shv, boolean publiek, LocalDate registered, Instant now) {
        GegevensKlant klant = new GegevensKlant(client.clientNumberShv(), claim.clientNumberAtCreditor(),
                TypeSchuldregeling.valueOf(dossier.settlementType().name()), SaldoverzoekFactory.persoon(client.client()),
                SaldoverzoekFactory.persoon(client.partner()), SaldoverzoekFactory.adres(client.address()));
        ClientData.ContactPerson contact = client.contactPerson();
        GegevensSHVOrganisatie organisatie = new GegevensSHVOrganisatie(shv.name(),
                new Contactpersoon(contact.name(), contact.phone(), contact.email()));
        MessageBody body = publiek && withBsn(client)
                ? new KennisgevingPubliek(client.client().bsn(), client.partner() == null ? null : client.partner().bsn(),
                        klant, organisatie, registered, claim.invoiceNumbers())
                : new Kennisgeving(klant, organisatie, registered, claim.invoiceNumbers());
        Header header = CreditorMessages.header(reference, conversationReference, null, body.messageType(), shv,
                claim.creditorOin(), now);
        return new Message(header, body);
    }

    /** Whether the SHV gave the client's BSN, which a Kennisgeving Publiek needs. */
    static boolean withBsn(ClientData client) {
        return client.client() != null && client.client().bsn() != null;
    }

    static boolean isKennisgeving(MessageType type) {
        return type == MessageType.KENNISGEVING || type == MessageType.KENNISGEVING_PUBLIEK;
    }
}
