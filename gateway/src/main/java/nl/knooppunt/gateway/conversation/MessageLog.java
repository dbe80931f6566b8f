package nl.knooppunt.gateway.conversation;

import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log of every message in or out with its three identifiers (Referentienummer,
 * ConversatieReferentienummer via the conversation, CrossReferentienummer). Its primary key makes
 * a message with a known Referentienummer a duplicate.
 */
@Repository
public class MessageLog {

    public enum Direction { OUTBOUND, INBOUND }

    /** A logged message, with the conversation it belongs to. */
    public record Entry(UUID reference, UUID conversationId, UUID conversationReference, UUID crossReference,
                        String messageType, Direction direction, UUID senderId, UUID recipientId, Instant createdAt) {}

    private final JdbcClient jdbc;

    MessageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID reference, UUID conversationId, UUID crossReference, String messageType,
                       Direction direction, UUID senderId, UUID recipientId, Instant at) {
        jdbc.sql("""
                        insert into message (reference, conversation_id, cross_reference, message_type, direction,
                                             sender_id, recipient_id, created_at)
                        values (:ref, :conversation, :cross, :type, :direction, :sender, :recipient, :at)
                        """)
                .param("ref", reference)
                .param("conversation", conversationId)
                .param("cross", crossReference)
                .param("type", messageType)
                .param("direction", direction.name())
                .param("sender", senderId)
                .param("recipient", recipientId)
                .param("at", utc(at))
                .update();
    }

    public Optional<Entry> find(UUID reference) {
        return jdbc.sql("""
                        select m.reference, m.conversation_id, c.conversation_ref, m.cross_reference, m.message_type,
                               m.direction, m.sender_id, m.recipient_id, m.created_at
                          from message m join conversation c on c.id = m.conversation_id
                         where m.reference = ?
                        """)
                .param(reference)
                .query((rs, n) -> new Entry(
                        rs.getObject("reference", UUID.class),
                        rs.getObject("conversation_id", UUID.class),
                        rs.getObject("conversation_ref", UUID.class),
                        rs.getObject("cross_reference", UUID.class),
                        rs.getString("message_type"),
                        Direction.valueOf(rs.getString("direction")),
                        rs.getObject("sender_id", UUID.class),
                        rs.getObject("recipient_id", UUID.class),
                        nl.knooppunt.gateway.database.Timestamps.instant(rs, "created_at")))
                .optional();
    }
}
