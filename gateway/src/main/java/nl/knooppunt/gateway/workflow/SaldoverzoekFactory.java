package nl.knooppunt.gateway.workflow;

import java.time.Instant;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.Dossier;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.mappings.canonical.Adres;
import nl.knooppunt.mappings.canonical.Adressoort;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.GegevensKlant;
import nl.knooppunt.mappings.canonical.GegevensSHVOrganisatie;
import nl.knooppunt.mappings.canonical.Geslacht;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Persoon;
import nl.knooppunt.mappings.canonical.Saldoverzoek;
import nl.knooppunt.mappings.canonical.TypeSchuldregeling;

/** Writes the Saldoverzoek to one creditor from the dossier as the SHV submitted it. */
final class SaldoverzoekFactory {

    private SaldoverzoekFactory() {}

    static Message create(UUID reference, UUID conversationReference, Dossier dossier, ClientData client, Claim claim,
                          Participant shv, Instant now) {
        Header header = CreditorMessages.header(reference, conversationReference, null, MessageType.SALDOVERZOEK, shv,
                claim.creditorOin(), now);
        GegevensKlant klant = new GegevensKlant(client.clientNumberShv(), claim.clientNumberAtCreditor(),
                TypeSchuldregeling.valueOf(dossier.settlementType().name()), persoon(client.client()),
                persoon(client.partner()), adres(client.address()));
        ClientData.ContactPerson contact = client.contactPerson();
        GegevensSHVOrganisatie organisatie = new GegevensSHVOrganisatie(shv.name(),
                new Contactpersoon(contact.name(), contact.phone(), contact.email()));
        return new Message(header, new Saldoverzoek(klant, organisatie, null, claim.invoiceNumbers()));
    }

    static Persoon persoon(ClientData.Person p) {
        if (p == null) {
            return null;
        }
        return new Persoon(p.gender() == null ? null : Geslacht.valueOf(p.gender()), p.initials(), p.firstNames(),
                p.surnamePrefix(), p.surname(), p.birthDate());
    }

    static Adres adres(ClientData.Address a) {
        return new Adres(Adressoort.WOONADRES, a.street(), a.houseNumber(),
                a.houseLetter() == null ? null : a.houseLetter().toUpperCase(), a.houseNumberAddition(), null,
                a.postalCode(), a.city(), a.houseboatReference(), a.caravanReference());
    }
}
