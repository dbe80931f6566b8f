package nl.knooppunt.gateway.channel.soap;

import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.inbound.InboundDoor;
import nl.knooppunt.gateway.inbound.InboundItem;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import nl.knooppunt.gateway.inbound.InboundResult;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.Mailbox;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.security.ParticipantPrincipal;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.soap.SoapMessages;
import nl.knooppunt.mappings.soap.types.BevestigBerichtenAntwoord;
import nl.knooppunt.mappings.soap.types.BevestigBerichtenVerzoek;
import nl.knooppunt.mappings.soap.types.HaalBerichtenOpAntwoord;
import nl.knooppunt.mappings.soap.types.HaalBerichtenOpVerzoek;
import nl.knooppunt.mappings.soap.types.Resultaat;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtAntwoord;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtVerzoek;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtenAntwoord;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtenVerzoek;
import nl.knooppunt.mappings.xml.XmlCanonicalMapper;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The four operations of the gateway's SOAP service, between the contract's SOAP types and the
 * gateway's services. Each is called by its own route. Creditors' messages go through the
 * {@link InboundDoor}, which owns every rule about them (transactions, replays, batch modes); this
 * class only reads the SOAP types into items and writes the results back.
 */
@Component
class SoapOperations {

    static final String CHANNEL = "soap";

    private final InboundDoor inbound;
    private final Mailbox mailbox;
    private final MessageXml xml;
    private final XmlCanonicalMapper mapper = new XmlCanonicalMapper();

    SoapOperations(InboundDoor inbound, Mailbox mailbox, MessageXml xml) {
        this.inbound = inbound;
        this.mailbox = mailbox;
        this.xml = xml;
    }

    /** One message; a refusal is a SOAP fault with its stable code. */
    public VerstuurBerichtAntwoord verstuurBericht(VerstuurBerichtVerzoek verzoek) {
        Bericht message = SoapMessages.messageOf(verzoek);
        try {
            VerstuurBerichtAntwoord answer = new VerstuurBerichtAntwoord();
            answer.setResultaat(resultaat(inbound.receive(caller(), itemOf(message), CHANNEL)));
            return answer;
        } catch (InboundRejectedException rejected) {
            throw SoapFaults.fault(rejected.outcome(), rejected.getMessage(), referenceOf(message));
        }
    }

    /** Many messages with a result each: each on its own, or (AllesOfNiets) all or nothing. */
    public VerstuurBerichtenAntwoord verstuurBerichten(VerstuurBerichtenVerzoek verzoek) {
        Participant caller = caller();
        List<Bericht> messages = SoapMessages.messagesOf(verzoek);
        // Read one by one as the door asks for them.
        Iterable<InboundItem> items = () -> messages.stream().map(this::itemOf).iterator();
        List<InboundResult> results = Boolean.TRUE.equals(verzoek.isAllesOfNiets())
                ? inbound.receiveAllOrNothing(caller, items, CHANNEL)
                : inbound.receiveEach(caller, items, CHANNEL);
        VerstuurBerichtenAntwoord answer = new VerstuurBerichtenAntwoord();
        results.forEach(result -> answer.getResultaat().add(resultaat(result)));
        return answer;
    }

    public HaalBerichtenOpAntwoord haalBerichtenOp(HaalBerichtenOpVerzoek verzoek) {
        int max = verzoek.getMaximumAantal() == null ? 100 : verzoek.getMaximumAantal();
        Mailbox.Page page = mailbox.fetch(caller(), CHANNEL, max, verzoek.getNaVolgnummer(),
                Boolean.TRUE.equals(verzoek.isOokOpgehaald()));
        HaalBerichtenOpAntwoord answer = new HaalBerichtenOpAntwoord();
        for (Mailbox.Item item : page.items()) {
            HaalBerichtenOpAntwoord.MailboxBericht entry = new HaalBerichtenOpAntwoord.MailboxBericht();
            entry.setVolgnummer(item.sequence());
            entry.setUiterlijkBevestigen(item.confirmBefore().atOffset(java.time.ZoneOffset.UTC));
            SoapMessages.withMessage(entry, mapper.toJaxb(xml.read(item.payload())));
            answer.getMailboxBericht().add(entry);
        }
        answer.setMeerBeschikbaar(page.more());
        return answer;
    }

    public BevestigBerichtenAntwoord bevestigBerichten(BevestigBerichtenVerzoek verzoek) {
        List<UUID> references = verzoek.getReferentienummer();
        List<Mailbox.Confirmation> outcomes = mailbox.confirm(caller(), references);
        BevestigBerichtenAntwoord answer = new BevestigBerichtenAntwoord();
        for (int i = 0; i < references.size(); i++) {
            BevestigBerichtenAntwoord.Bevestiging confirmation = new BevestigBerichtenAntwoord.Bevestiging();
            confirmation.setReferentienummer(references.get(i));
            confirmation.setUitkomst(switch (outcomes.get(i)) {
                case CONFIRMED -> "BEVESTIGD";
                case ALREADY_CONFIRMED -> "EERDER_BEVESTIGD";
                case NOT_FETCHED -> "NIET_OPGEHAALD";
                case EXPIRED -> "VERLOPEN";
                case UNKNOWN -> "ONBEKEND";
            });
            answer.getBevestiging().add(confirmation);
        }
        return answer;
    }

    /** The message in the canonical model, or, when it breaks the contract, what is wrong with it. */
    private InboundItem itemOf(Bericht jaxb) {
        try {
            return InboundItem.of(mapper.fromJaxb(jaxb));
        } catch (ContractViolationException | InvalidFieldException invalid) {
            return InboundItem.unreadable(referenceOf(jaxb), invalid.getMessage());
        }
    }

    private static Resultaat resultaat(InboundResult result) {
        Resultaat resultaat = new Resultaat();
        resultaat.setReferentienummer(result.reference());
        resultaat.setCode(SoapFaults.code(result.outcome()));
        resultaat.setHerhaling(result.replay());
        resultaat.setOmschrijving(result.detail());
        return resultaat;
    }

    private static UUID referenceOf(Bericht message) {
        return message.getHeader() == null ? null : message.getHeader().getReferentienummer();
    }

    /** The creditor on the other end of the TLS connection, as Spring Security authenticated it. */
    private static Participant caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ParticipantPrincipal principal)) {
            throw SoapFaults.fault(InboundOutcome.NOT_AUTHORIZED, "No authenticated participant", null);
        }
        return principal.participant();
    }
}
