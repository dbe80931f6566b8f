package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where an outgoing message changes status. Each move is guarded by
 * {@link OutboundStatus#TRANSITIONS} (a message moves only from a status the table allows), and
 * each message moved to a status that is a delivery fact is reported to the
 * {@link DeliveryListeners} in the same transaction, learnt from the statement itself
 * ({@code update ... returning}). Callers page big moves so that no move holds a whole batch.
 */
@Component
class MessageMoves {

    private static final String RETURNING = """
             returning m.reference, m.conversation_ref, m.cross_reference, m.recipient_id,
                       (select p.oin from participant p where p.id = m.recipient_id) as recipient_oin,
                       m.dossier_id, m.claim_id, m.message_type, m.last_error
            """;

    private final JdbcClient jdbc;
    private final DeliveryListeners listeners;
    private final int pageSize;

    MessageMoves(JdbcClient jdbc, DeliveryListeners listeners, OutboundProperties properties) {
        this.jdbc = jdbc;
        this.listeners = listeners;
        this.pageSize = properties.pageSize();
    }

    /**
     * Moves messages of a batch ({@code b} is their {@code batch_member} row), a page of positions
     * at a time: a batch can hold 100,000 messages, and no move should hold them all at once.
     *
     * @param condition which members move, on {@code m} and {@code b}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveMembers(UUID batchId, int messageCount, OutboundStatus to, String assignments, String condition,
                           Map<String, ?> params, Instant at) {
        int moved = 0;
        for (int after = 0; after < messageCount; after += pageSize) {
            Map<String, Object> page = new HashMap<>(params);
            page.put("batch", batchId);
            page.put("after", after);
            page.put("until", after + pageSize);
            moved += move(to, assignments, "batch_member b", "b.batch_id = :batch and b.message_reference = m.reference"
                    + " and b.position > :after and b.position <= :until and (" + condition + ")", page, at);
        }
        return moved;
    }

    /**
     * Moves the messages {@code m} that {@code where} selects to {@code to}.
     *
     * @param assignments further {@code column = value} assignments, comma-separated, or ""
     * @param join a further from-item of the update (e.g. {@code batch_member b}), or null
     * @param where the selection, on {@code m} and the join
     * @param params the named parameters of assignments and where; {@code :at} is the moment of the move
     * @return how many messages moved
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int move(OutboundStatus to, String assignments, String join, String where, Map<String, ?> params,
                    Instant at) {
        String sql = "update outbound_message m set status = :to, updated_at = :at"
                + (assignments.isEmpty() ? "" : ", " + assignments)
                + (join == null ? "" : " from " + join)
                + " where (" + where + ") and " + guard(to);
        Map<String, Object> all = new HashMap<>(params);
        all.put("to", to.name());
        all.put("at", utc(at));
        if (!DeliveryListeners.isReported(to)) {
            return jdbc.sql(sql).params(all).update();
        }
        AtomicInteger moved = new AtomicInteger();
        jdbc.sql(sql + RETURNING).params(all).query(rs -> {
            moved.incrementAndGet();
            listeners.publish(new DeliveryEvent(rs.getObject("reference", UUID.class),
                    rs.getObject("conversation_ref", UUID.class), rs.getObject("cross_reference", UUID.class),
                    rs.getObject("recipient_id", UUID.class), rs.getString("recipient_oin"),
                    rs.getObject("dossier_id", UUID.class), rs.getObject("claim_id", UUID.class),
                    rs.getString("message_type"), to, at, reasonOf(to, rs.getString("last_error"))));
        });
        return moved.get();
    }

    /** The guard of a move to {@code to}, on {@code m.status}. */
    static String guard(OutboundStatus to) {
        return StatusGuard.sql("m.status", OutboundStatus.TRANSITIONS, to);
    }

    private static String reasonOf(OutboundStatus to, String lastError) {
        return to == OutboundStatus.DEAD || to == OutboundStatus.EXPIRED ? lastError : null;
    }
}
