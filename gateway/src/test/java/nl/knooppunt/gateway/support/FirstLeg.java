package nl.knooppunt.gateway.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.workflow.DossierIntake;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.VorderingSE;
import nl.knooppunt.mappings.canonical.VorderingsType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first leg of a settlement as the workflow tests drive it: dossiers submitted through the real
 * intake (client "K-1"), creditors' answers written as a channel would hand them to the inbound door,
 * and what the SHV would see read back from the database as text. Import it with {@code @Import}.
 */
@TestComponent
public class FirstLeg {

    /** The SHV of the test profiles, Gemeente Voorbeeldstad. */
    public static final String SHV = "00000001001000000001";
    /** The client's number at the SHV (KlantnummerSHV) in every dossier submitted here. */
    public static final String CLIENT_NUMBER_SHV = "K-1";
    /** The client's BSN in every dossier submitted here. */
    public static final String BSN = "999990019";

    private final DossierIntake intake;
    private final DossierService dossiers;
    private final Conversations conversations;
    private final ParticipantRepository participants;
    private final PersonalDataCipher cipher;
    private final MessageXml xml;
    private final JdbcClient jdbc;

    @Autowired
    FirstLeg(DossierIntake intake, DossierService dossiers, Conversations conversations,
             ParticipantRepository participants, PersonalDataCipher cipher, MessageXml xml, JdbcClient jdbc) {
        this.intake = intake;
        this.dossiers = dossiers;
        this.conversations = conversations;
        this.participants = participants;
        this.cipher = cipher;
        this.xml = xml;
        this.jdbc = jdbc;
    }

    /** A dossier of {@link #SHV} with a claim per creditor, without Kennisgeving; its conversations by creditor OIN. */
    public Map<String, Conversation> submit(String... creditorOins) {
        return submit(SHV, false, null, creditorOins);
    }

    /**
     * @param clientNumberAtCreditor the client's number at every creditor as the SHV knows it, or null
     * @return the dossier's conversations by creditor OIN, in claim order
     */
    public Map<String, Conversation> submit(String shvOin, boolean kennisgeving, String clientNumberAtCreditor,
                                            String... creditorOins) {
        List<DossierSubmission.ClaimSubmission> claims = new ArrayList<>();
        for (String oin : creditorOins) {
            claims.add(new DossierSubmission.ClaimSubmission(oin, clientNumberAtCreditor, List.of("F-" + oin),
                    new BigDecimal("100.00")));
        }
        ClientData client = new ClientData(CLIENT_NUMBER_SHV, new ClientData.Person("V", "T.", null, null,
                "Testpersoon", LocalDate.of(1980, 1, 1), BSN), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        UUID dossierId = intake.submit(participant(shvOin), new DossierSubmission(shvOin, "T-" + UUID.randomUUID(),
                SettlementType.SK, client, claims, kennisgeving), null).dossierId();
        Map<String, Conversation> byCreditor = new LinkedHashMap<>();
        for (Claim claim : dossiers.get(dossierId).claims()) {
            byCreditor.put(claim.creditorOin(), conversations.findByClaim(claim.id()).orElseThrow());
        }
        return byCreditor;
    }

    public Participant participant(String oin) {
        return participants.findByOin(oin).orElseThrow();
    }

    /** The Referentienummer of the claim's Saldoverzoek. */
    public UUID saldoverzoek(Conversation c) {
        return jdbc.sql("select reference from outbound_message where claim_id = ? and message_type = 'Saldoverzoek'")
                .param(c.claimId()).query(UUID.class).single();
    }

    /** A message of the claim's creditor in its conversation, answering {@code answered} (or null). */
    public Message answer(Conversation c, UUID reference, UUID answered, MessageType type, MessageBody body) {
        String creditorOin = participants.findById(c.creditorId()).orElseThrow().oin().value();
        String shvOin = participants.findById(c.shvId()).orElseThrow().oin().value();
        return new Message(new Header(reference, c.reference(), answered, Header.CURRENT_VERSIE, type, creditorOin,
                shvOin, OffsetDateTime.now(ZoneOffset.UTC)), body);
    }

    public Message answer(Conversation c, UUID answered, MessageType type, MessageBody body) {
        return answer(c, UUID.randomUUID(), answered, type, body);
    }

    /** A claim line of a Saldoverzoek antwoord with only its type, current amount and, if transferred, to whom. */
    public static VorderingSE line(Schuldtype type, String amount, String transferredTo) {
        return new VorderingSE("SE-F-1", null, type, VorderingsType.CONCURRENT, null, null, null, null, null,
                new BigDecimal(amount), transferredTo, null);
    }

    /** An outgoing message as it will be sent (decrypted). */
    public Message payload(UUID reference) {
        byte[] sealed = jdbc.sql("select payload from outbound_message where reference = ?").param(reference)
                .query(byte[].class).single();
        return xml.read(cipher.decrypt(sealed, "outbound:" + reference));
    }

    public String outboundStatus(UUID reference) {
        return jdbc.sql("select status from outbound_message where reference = ?").param(reference)
                .query(String.class).single();
    }

    public String claimStatus(Conversation c) {
        return jdbc.sql("select status from claim where id = ?").param(c.claimId()).query(String.class).single();
    }

    public String dossierStatus(UUID dossierId) {
        return jdbc.sql("select status from dossier where id = ?").param(dossierId).query(String.class).single();
    }

    public BigDecimal confirmedAmount(Conversation c) {
        return jdbc.sql("select confirmed_amount from claim where id = ?").param(c.claimId())
                .query(BigDecimal.class).optional().orElse(null);
    }

    /** How many history entries the claim has. */
    public long claimHistory(Conversation c) {
        return jdbc.sql("select count(*) from status_history where claim_id = ?").param(c.claimId())
                .query(Long.class).single();
    }

    /** How many history entries the dossier and its claims have. */
    public long dossierHistory(UUID dossierId) {
        return jdbc.sql("select count(*) from status_history where dossier_id = ?").param(dossierId)
                .query(Long.class).single();
    }

    /** The claim's latest history entry: from_status, to_status, cause_type, cause_reference, note. */
    public Map<String, Object> lastClaimChange(Conversation c) {
        return jdbc.sql("""
                        select from_status, to_status, cause_type, cause_reference, note from status_history
                         where claim_id = ? order by id desc limit 1""")
                .param(c.claimId()).query().singleRow();
    }
}
