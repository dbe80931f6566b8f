package nl.knooppunt.contract.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.mappings.canonical.Beslissing;
import nl.knooppunt.mappings.canonical.BetaalvoorstelAntwoord;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Saldoverzoek;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.VorderingSE;
import nl.knooppunt.mappings.canonical.VorderingsType;
import nl.knooppunt.mappings.xml.XmlCanonicalMapper;
import nl.knooppunt.mappings.xml.jaxb.Bericht;

/** Answers a creditor's system writes to what it received; all data fictitious. */
public final class Answers {

    private static final XmlCanonicalMapper MAPPER = new XmlCanonicalMapper();
    private static final Contactpersoon DESK = new Contactpersoon("Afdeling Schuldhulp", "030 123 4567", null);

    private Answers() {}

    /** The creditor states its claim on the client named in the Saldoverzoek. */
    public static Bericht saldoverzoekAntwoord(Bericht saldoverzoek, BigDecimal amount) {
        return answer(saldoverzoek, MessageType.SALDOVERZOEK_ANTWOORD, new SaldoverzoekAntwoord(klantnummerShv(saldoverzoek),
                "SE-778899", DESK, LocalDate.now(), List.of(new VorderingSE("NOTA-1", null, Schuldtype.OPENSTAAND,
                        VorderingsType.CONCURRENT, null, null, null, null, null, amount, null, null))));
    }

    /** A Betaalvoorstel antwoord, which may not answer a Saldoverzoek. */
    public static Bericht betaalvoorstelAntwoord(Bericht answered) {
        return answer(answered, MessageType.BETAALVOORSTEL_ANTWOORD, new BetaalvoorstelAntwoord(klantnummerShv(answered),
                "SE-778899", Beslissing.AKKOORD, null, null, DESK));
    }

    /** The same answer in another conversation (that does not exist). */
    public static Bericht inUnknownConversation(Bericht answer) {
        Message message = MAPPER.fromJaxb(answer);
        Header h = message.header();
        return MAPPER.toJaxb(new Message(new Header(UUID.randomUUID(), UUID.randomUUID(), h.crossReferentienummer(),
                h.versie(), h.berichttype(), h.afzenderOin(), h.ontvangerOin(), h.aangemaakt()), message.body()));
    }

    /** The same answer as if another organisation sent it. */
    public static Bericht sentBy(Bericht answer, String participant) {
        Message message = MAPPER.fromJaxb(answer);
        Header h = message.header();
        return MAPPER.toJaxb(new Message(new Header(UUID.randomUUID(), h.conversatieReferentienummer(),
                h.crossReferentienummer(), h.versie(), h.berichttype(), ContractPki.oin(participant), h.ontvangerOin(),
                h.aangemaakt()), message.body()));
    }

    /** A second answer with a new Referentienummer. */
    public static Bericht again(Bericht answer) {
        Message message = MAPPER.fromJaxb(answer);
        Header h = message.header();
        return MAPPER.toJaxb(new Message(new Header(UUID.randomUUID(), h.conversatieReferentienummer(),
                h.crossReferentienummer(), h.versie(), h.berichttype(), h.afzenderOin(), h.ontvangerOin(),
                h.aangemaakt()), message.body()));
    }

    private static Bericht answer(Bericht request, MessageType type, MessageBody body) {
        var h = request.getHeader();
        return MAPPER.toJaxb(new Message(new Header(UUID.randomUUID(), h.getConversatieReferentienummer(),
                h.getReferentienummer(), Header.CURRENT_VERSIE, type, h.getOntvangerOin(), h.getAfzenderOin(),
                OffsetDateTime.now(ZoneOffset.UTC)), body));
    }

    private static String klantnummerShv(Bericht request) {
        MessageBody body = MAPPER.fromJaxb(request).body();
        return body instanceof Saldoverzoek s ? s.gegevensKlant().klantnummerSHV() : "K-000123";
    }
}
