package nl.knooppunt.gateway.inbound;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accepted messages from creditors. */
@Repository
public class InboundMessages {

    /** An accepted message as stored. */
    public record Stored(UUID reference, UUID senderId, UUID dossierId, UUID claimId, String messageType,
                         String channel, InboundOutcome outcome, Instant receivedAt, String fingerprint) {}

    private final JdbcClient jdbc;

    InboundMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID reference, UUID senderId, UUID dossierId, UUID claimId, String messageType, String channel,
                InboundOutcome outcome, byte[] encryptedPayload, String fingerprint, Instant at) {
        jdbc.sql("""
                        insert into inbound_message (reference, sender_id, dossier_id, claim_id, message_type, channel,
                                                     result_code, received_at, payload, fingerprint)
                        values (:ref, :sender, :dossier, :claim, :type, :channel, :result, :at, :payload, :fingerprint)
                        """)
                .param("ref", reference)
                .param("sender", senderId)
                .param("dossier", dossierId)
                .param("claim", claimId)
                .param("type", messageType)
                .param("channel", channel)
                .param("result", outcome.name())
                .param("at", utc(at))
                .param("payload", encryptedPayload)
                .param("fingerprint", fingerprint)
                .update();
    }

    public Optional<Stored> find(UUID reference) {
        return jdbc.sql("""
                        select reference, sender_id, dossier_id, claim_id, message_type, channel, result_code, received_at,
                               fingerprint
                          from inbound_message where reference = ?
                        """)
                .param(reference)
                .query((rs, n) -> new Stored(rs.getObject("reference", UUID.class), rs.getObject("sender_id", UUID.class),
                        rs.getObject("dossier_id", UUID.class), rs.getObject("claim_id", UUID.class),
                        rs.getString("message_type"), rs.getString("channel"),
                        InboundOutcome.valueOf(rs.getString("result_code")), instant(rs, "received_at"),
                        rs.getString("fingerprint")))
                .optional();
    }
}
