package nl.knooppunt.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import nl.knooppunt.gateway.inbound.InboundDoor;
import nl.knooppunt.gateway.inbound.InboundItem;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.BatchSender;
import nl.knooppunt.gateway.outbound.Mailbox;
import nl.knooppunt.gateway.privacy.PersonalDataAudit.Access;
import nl.knooppunt.gateway.privacy.PersonalDataAudit.ActorType;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Saldoverzoek;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.VorderingSE;
import nl.knooppunt.mappings.canonical.VorderingsType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every access to a dossier's personal data is in the audit trail, whoever makes it: the SHV
 * reading its dossier through the API, a creditor fetching the messages about it from its mailbox,
 * a creditor's answer about the client. (Configured like {@link PersonalDataRetentionTest}, so the
 * two share one application context; the engine is off and the clock moves only when told.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"knooppunt.privacy.retention=30d", "knooppunt.outbound.enabled=false"})
@ActiveProfiles("test")
@Import(PrivacyTestClock.class)
class PersonalDataAuditTest {

    @Autowired MutableClock clock;
    @Autowired PersonalDataAudit audit;
    @Autowired BatchSender sender;
    @Autowired Mailbox mailbox;
    @Autowired InboundDoor inbound;
    @Autowired ParticipantRepository participants;
    @Autowired MessageXml xml;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void readsThroughTheShvApiAreAudited() {
        UUID id = submit();
        ApiClient.participant("gemeente-voorbeeldstad", port).get("/api/v1/dossiers/" + id);

        assertThat(audit.forDossier(id)).as("the submission's answer and the read").hasSize(2).allSatisfy(access -> {
            assertThat(access.actor()).isEqualTo(Dossiers.SHV);
            assertThat(access.actorType()).isEqualTo(ActorType.PARTICIPANT);
            assertThat(access.channel()).isEqualTo("shv-api");
            assertThat(access.action()).isEqualTo("read dossier");
            assertThat(access.messageReferences()).isEmpty();
        });
    }

    @Test
    void mailboxFetchIsAuditedPerDossierWithTheMessagesHandedOut() {
        UUID first = submit();
        UUID second = submit();
        UUID toFirst = saldoverzoekToMailboxCreditor(first);
        UUID toSecond = saldoverzoekToMailboxCreditor(second);
        placeInMailbox();

        Mailbox.Page page = mailbox.fetch(mailboxCreditor(), "soap", 1000, null, false);

        assertThat(page.items()).extracting(Mailbox.Item::reference).contains(toFirst, toSecond);
        assertThat(fetchesOf(first)).singleElement().satisfies(access -> {
            assertThat(access.actorType()).isEqualTo(ActorType.PARTICIPANT);
            assertThat(access.channel()).isEqualTo("soap");
            assertThat(access.action()).isEqualTo("fetched from mailbox");
            assertThat(access.messageReferences()).containsExactly(toFirst);
        });
        assertThat(fetchesOf(second)).singleElement()
                .satisfies(access -> assertThat(access.messageReferences()).containsExactly(toSecond));

        // Fetching the unconfirmed messages again hands out the data again: audited again.
        mailbox.fetch(mailboxCreditor(), "soap", 1000, null, true);
        assertThat(fetchesOf(first)).hasSize(2).allSatisfy(access ->
                assertThat(access.messageReferences()).containsExactly(toFirst));

        // An empty mailbox hands out nothing and records nothing.
        int before = jdbc.sql("select count(*) from personal_data_access").query(Integer.class).single();
        assertThat(mailbox.fetch(mailboxCreditor(), "soap", 1000, null, false).items()).isEmpty();
        assertThat(jdbc.sql("select count(*) from personal_data_access").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void acceptedMessageFromACreditorIsAuditedARefusedOrRepeatedOneIsNot() {
        UUID dossier = submit();
        UUID saldoverzoek = saldoverzoekToMailboxCreditor(dossier);
        placeInMailbox();
        Mailbox.Item fetched = mailbox.fetch(mailboxCreditor(), "soap", 1000, null, false).items().stream()
                .filter(item -> item.reference().equals(saldoverzoek)).findFirst().orElseThrow();
        Message answer = saldoverzoekAntwoord(xml.read(fetched.payload()));

        assertThat(inbound.receive(mailboxCreditor(), InboundItem.of(answer), "soap").outcome()).isEqualTo(InboundOutcome.ACCEPTED);

        List<Access> answers = audit.forDossier(dossier).stream()
                .filter(access -> access.action().startsWith("sent ")).toList();
        assertThat(answers).singleElement().satisfies(access -> {
            assertThat(access.actor()).isEqualTo(Dossiers.CREDITOR_MAILBOX);
            assertThat(access.actorType()).isEqualTo(ActorType.PARTICIPANT);
            assertThat(access.channel()).isEqualTo("soap");
            assertThat(access.action()).isEqualTo("sent SaldoverzoekAntwoord");
            assertThat(access.messageReferences()).containsExactly(answer.header().referentienummer());
        });

        // The same message again is answered from what was stored: nothing new came in.
        assertThat(inbound.receive(mailboxCreditor(), InboundItem.of(answer), "soap").replay()).isTrue();
        // A second answer is refused and leaves no trace, in the audit either.
        assertThatThrownBy(() -> inbound.receive(mailboxCreditor(), InboundItem.of(withNewReference(answer)), "soap"))
                .isInstanceOf(InboundRejectedException.class);
        assertThat(audit.forDossier(dossier)).filteredOn(access -> access.action().startsWith("sent ")).hasSize(1);
    }

    private UUID submit() {
        ApiClient api = ApiClient.participant("gemeente-voorbeeldstad", port);
        return UUID.fromString(api.post("/api/v1/dossiers", Dossiers.valid(Dossiers.newReference()).toString())
                .json().get("id").asText());
    }

    private UUID saldoverzoekToMailboxCreditor(UUID dossierId) {
        return jdbc.sql("select reference from outbound_message where dossier_id = ? and message_type = 'Saldoverzoek' "
                        + "and recipient_id = (select id from participant where oin = ?)")
                .param(dossierId).param(Dossiers.CREDITOR_MAILBOX).query(UUID.class).single();
    }

    /** The creditor's maximum wait (an hour) passes, and its batch goes to its mailbox. */
    private void placeInMailbox() {
        clock.advance(Duration.ofHours(1));
        try {
            assertThat(sender.sendDueBatches(Dossiers.CREDITOR_MAILBOX)).isPositive();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Participant mailboxCreditor() {
        return participants.findByOin(Dossiers.CREDITOR_MAILBOX).orElseThrow();
    }

    private List<Access> fetchesOf(UUID dossierId) {
        return audit.forDossier(dossierId).stream()
                .filter(access -> access.actor().equals(Dossiers.CREDITOR_MAILBOX))
                .filter(access -> !access.action().startsWith("sent "))
                .toList();
    }

    /** What the creditor's system answers: its claim on the client named in the Saldoverzoek. */
    private static Message saldoverzoekAntwoord(Message saldoverzoek) {
        Header request = saldoverzoek.header();
        String klantnummerShv = ((Saldoverzoek) saldoverzoek.body()).gegevensKlant().klantnummerSHV();
        // The creditor's own number for the client: the one the SHV gave, when it gave one (business keys).
        String klantnummerSe = ((Saldoverzoek) saldoverzoek.body()).gegevensKlant().klantnummerSEVolgensSHV();
        return new Message(new Header(UUID.randomUUID(), request.conversatieReferentienummer(),
                request.referentienummer(), Header.CURRENT_VERSIE, MessageType.SALDOVERZOEK_ANTWOORD,
                request.ontvangerOin(), request.afzenderOin(), OffsetDateTime.now(ZoneOffset.UTC)),
                new SaldoverzoekAntwoord(klantnummerShv, klantnummerSe == null ? "SE-4711" : klantnummerSe, new Contactpersoon("Afdeling Incasso", null, null),
                        LocalDate.now(), List.of(new VorderingSE("NOTA-1", null, Schuldtype.OPENSTAAND,
                                VorderingsType.CONCURRENT, null, null, null, null, null, new BigDecimal("1250.00"),
                                null, null))));
    }

    private static Message withNewReference(Message message) {
        Header h = message.header();
        return new Message(new Header(UUID.randomUUID(), h.conversatieReferentienummer(), h.crossReferentienummer(),
                h.versie(), h.berichttype(), h.afzenderOin(), h.ontvangerOin(), h.aangemaakt()), message.body());
    }
}
