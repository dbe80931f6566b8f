package nl.knooppunt.gateway.outbound;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.support.Dossiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Dossiers and queued messages for engine tests. */
class OutboxFixture {

    static final String A = "00000001003000000001";
    static final String B = "00000001003000000002";
    static final String M = "00000001003000000003";
    static final String F = "00000001003000000004";
    static final String S = "00000001003000000005";

    private final DossierService dossiers;
    private final Conversations conversations;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    OutboxFixture(DossierService dossiers, Conversations conversations, Outbox outbox, TransactionTemplate tx,
                  JdbcClient jdbc) {
        this.dossiers = dossiers;
        this.conversations = conversations;
        this.outbox = outbox;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /** Removes every outgoing message and batch, so each test starts from an empty outbox. */
    void emptyOutbox() {
        jdbc.sql("truncate outbound_message_action, delivery_attempt, batch_member, outbound_batch, outbound_message")
                .update();
    }

    /** A new dossier with one claim per creditor; the conversation per creditor OIN. */
    Map<String, Conversation> dossierWith(String... creditorOins) {
        List<DossierSubmission.ClaimSubmission> claims = new ArrayList<>();
        for (String oin : creditorOins) {
            claims.add(new DossierSubmission.ClaimSubmission(oin, null, List.of("F-" + oin), new BigDecimal("100.00")));
        }
        ClientData client = new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        UUID dossierId = dossiers.submit(new DossierSubmission(Dossiers.SHV, Dossiers.newReference(), SettlementType.SK,
                client, claims), null, Cause.user("test")).dossierId();
        Map<String, Conversation> byCreditor = new LinkedHashMap<>();
        for (Claim claim : dossiers.get(dossierId).claims()) {
            byCreditor.put(claim.creditorOin(), conversations.findByClaim(claim.id()).orElseThrow());
        }
        return byCreditor;
    }

    Conversation conversationWith(String creditorOin) {
        return dossierWith(creditorOin).get(creditorOin);
    }

    /** Queues n messages in the conversation, each with a recognisable payload. */
    List<UUID> enqueue(Conversation conversation, int n) {
        List<UUID> references = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                UUID reference = UUID.randomUUID();
                outbox.enqueue(new NewOutboundMessage(reference, conversation.reference(), null, "Saldoverzoek",
                        conversation.dossierId(), conversation.claimId(), conversation.shvId(), conversation.creditorId(),
                        ("<Saldoverzoek ref='" + reference + "'/>").getBytes(StandardCharsets.UTF_8)));
                references.add(reference);
            }
        });
        return references;
    }

    OutboundStatus status(UUID reference) {
        return OutboundStatus.valueOf(jdbc.sql("select status from outbound_message where reference = ?")
                .param(reference).query(String.class).single());
    }

    Map<String, Integer> statusCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from outbound_message group by status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }
}
