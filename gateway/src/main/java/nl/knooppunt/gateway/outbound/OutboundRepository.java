package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox, batches, batch members and delivery attempts in PostgreSQL. Callers hold the
 * transaction. Message statuses move through {@link MessageMoves}; batch statuses through
 * {@link #moveBatch}, guarded by {@link BatchStatus#TRANSITIONS}.
 */
@Repository
class OutboundRepository {

    /**
     * When the pending messages of recipient {@code r} (a participant, with its channel {@code c})
     * must leave: one of them is due, or enough of them wait to fill a batch. The one definition,
     * used by the finder on every tick and by the claimer that forms the batch.
     */
    static final String DUE_OR_FULL = """
            (exists (select 1 from outbound_message d
                      where d.recipient_id = r.id and d.status = 'PENDING' and d.due_at <= :now)
             or (select count(*) from (select 1 from outbound_message f
                                        where f.recipient_id = r.id and f.status = 'PENDING'
                                        limit c.max_batch_size) l) >= c.max_batch_size)
            """;

    /** A batch waiting for its retry whose time has come. */
    static final String RETRY_DUE = "(b.status = 'READY' and b.next_attempt_at <= :now)";

    /** A batch in flight whose sender's lease ran out: its sender died or hangs. */
    static final String LEASE_RAN_OUT = "(b.status = 'SENDING' and (b.lease_until is null or b.lease_until <= :now))";

    /** A batch row as the claimer needs it, with whether it may be taken now. */
    record BatchRow(UUID id, BatchStatus status, int attempts, Instant nextAttemptAt, Instant leaseUntil,
                    String leaseOwner, String messageType, int messageCount, Instant createdAt, boolean takeable) {}

    /** One stored message of a batch, payload still encrypted. */
    record MemberRow(int position, UUID reference, UUID conversationReference, UUID crossReference,
                     String messageType, UUID dossierId, UUID claimId, byte[] payload) {}

    private final JdbcClient jdbc;

    OutboundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPending(NewOutboundMessage m, byte[] encryptedPayload, Instant now, Instant dueAt) {
        jdbc.sql("""
                        insert into outbound_message (reference, conversation_ref, cross_reference, recipient_id, dossier_id,
                                                      claim_id, message_type, payload, status, enqueued_at, due_at, updated_at)
                        values (:ref, :conversation, :cross, :recipient, :dossier, :claim, :type, :payload, 'PENDING', :now,
                                :due, :now)
                        """)
                .param("ref", m.reference())
                .param("conversation", m.conversationReference())
                .param("cross", m.crossReference())
                .param("recipient", m.recipientId())
                .param("dossier", m.dossierId())
                .param("claim", m.claimId())
                .param("type", m.messageType())
                .param("payload", encryptedPayload)
                .param("now", utc(now))
                .param("due", utc(dueAt))
                .update();
    }

    /**
     * Recipients with something to do: pending messages that are due or fill a batch, a batch whose
     * retry time has come, or a batch whose sender's lease ran out.
     */
    List<UUID> findRecipientsWithWork(Instant now) {
        return jdbc.sql("select r.id from participant r join participant_channel c on c.participant_id = r.id where "
                        + DUE_OR_FULL
                        + " union select b.recipient_id from outbound_batch b where " + RETRY_DUE
                        + " union select b.recipient_id from outbound_batch b where " + LEASE_RAN_OUT)
                .param("now", utc(now))
                .query(UUID.class)
                .list();
    }

    /** Whether pending messages of this recipient must go now ({@link #DUE_OR_FULL}). */
    boolean hasDueOrFullPending(UUID recipientId, Instant now) {
        return jdbc.sql("select " + DUE_OR_FULL + " from participant r join participant_channel c on c.participant_id = r.id"
                        + " where r.id = :recipient")
                .param("recipient", recipientId)
                .param("now", utc(now))
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Serialises claims per recipient across instances; empty when another instance holds it now. */
    boolean lockRecipient(UUID recipientId) {
        return jdbc.sql("select id from participant where id = ? for update skip locked")
                .param(recipientId).query(UUID.class).optional().isPresent();
    }

    /** The recipient's batch in flight, takeable when its lease ran out. */
    Optional<BatchRow> findSendingBatch(UUID recipientId, Instant now) {
        return jdbc.sql(batchSelect(LEASE_RAN_OUT) + " where b.recipient_id = :recipient and b.status = 'SENDING'")
                .param("recipient", recipientId).param("now", utc(now)).query(this::mapBatch).optional();
    }

    /** The recipient's oldest batch waiting for a retry, takeable when its time has come. */
    Optional<BatchRow> findOldestReadyBatch(UUID recipientId, Instant now) {
        return jdbc.sql(batchSelect(RETRY_DUE)
                        + " where b.recipient_id = :recipient and b.status = 'READY' order by b.created_at limit 1")
                .param("recipient", recipientId).param("now", utc(now)).query(this::mapBatch).optional();
    }

    /** Locks the batch and returns its state, to check the lease before recording an outcome. */
    Optional<BatchRow> lockBatch(UUID batchId) {
        return jdbc.sql(batchSelect("false") + " where b.id = :id for update")
                .param("id", batchId).query(this::mapBatch).optional();
    }

    private static String batchSelect(String takeable) {
        return "select b.id, b.status, b.attempts, b.next_attempt_at, b.lease_until, b.lease_owner, b.message_type, "
                + "b.message_count, b.created_at, " + takeable + " as takeable from outbound_batch b";
    }

    private BatchRow mapBatch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new BatchRow(rs.getObject("id", UUID.class), BatchStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "lease_until"),
                rs.getString("lease_owner"), rs.getString("message_type"), rs.getInt("message_count"),
                instant(rs, "created_at"), rs.getBoolean("takeable"));
    }

    Optional<String> oldestPendingType(UUID recipientId) {
        return jdbc.sql("select message_type from outbound_message where recipient_id = ? and status = 'PENDING' order by seq limit 1")
                .param(recipientId).query(String.class).optional();
    }

    void insertBatch(UUID id, UUID recipientId, String channelType, String messageType, String owner,
                     Instant now, Instant leaseUntil) {
        jdbc.sql("""
                        insert into outbound_batch (id, recipient_id, channel_type, message_type, status, message_count,
                                                    attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at)
                        values (:id, :recipient, :channel, :type, :status, 0, 1, :now, :owner, :lease, :now, :now)
                        """)
                .param("id", id)
                .param("recipient", recipientId)
                .param("channel", channelType)
                .param("type", messageType)
                .param("status", BatchStatus.SENDING.name())
                .param("owner", owner)
                .param("lease", utc(leaseUntil))
                .param("now", utc(now))
                .update();
    }

    /** The oldest pending messages (of one type, if given) become the batch's members; returns how many. */
    int addMembers(UUID batchId, UUID recipientId, String messageType, int maxSize) {
        int members = jdbc.sql("""
                        insert into batch_member (batch_id, position, message_reference)
                        select :batch, row_number() over (order by p.seq), p.reference
                          from (select reference, seq from outbound_message
                                 where recipient_id = :recipient and status = 'PENDING'
                                   and (cast(:type as text) is null or message_type = cast(:type as text))
                                 order by seq limit :max
                                 for update skip locked) p
                        """)
                .param("batch", batchId)
                .param("recipient", recipientId)
                .param("type", messageType)
                .param("max", maxSize)
                .update();
        jdbc.sql("update outbound_batch set message_count = :n where id = :batch")
                .param("n", members).param("batch", batchId).update();
        return members;
    }

    void deleteEmptyBatch(UUID batchId) {
        jdbc.sql("delete from delivery_attempt where batch_id = ?").param(batchId).update();
        jdbc.sql("delete from outbound_batch where id = ? and message_count = 0").param(batchId).update();
    }

    /**
     * The one place where a batch changes status, guarded by {@link BatchStatus#TRANSITIONS}.
     *
     * @param assignments further {@code column = value} assignments, comma-separated
     * @throws IllegalStateException when the batch is not where the table allows the move from
     */
    void moveBatch(UUID batchId, BatchStatus to, String assignments, Map<String, ?> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("batch", batchId);
        all.put("to", to.name());
        int moved = jdbc.sql("update outbound_batch b set status = :to, " + assignments + " where b.id = :batch and "
                        + batchGuard(to))
                .params(all)
                .update();
        if (moved != 1) {
            throw new IllegalStateException("Batch " + batchId + " cannot move to " + to);
        }
    }

    /** The guard of a batch move to {@code to}, on {@code b.status}. */
    static String batchGuard(BatchStatus to) {
        return StatusGuard.sql("b.status", BatchStatus.TRANSITIONS, to);
    }

    /** Takes the batch (again) for sending: one more attempt, leased to this owner. */
    void leaseForAttempt(UUID batchId, int attempt, String owner, Instant now, Instant leaseUntil) {
        moveBatch(batchId, BatchStatus.SENDING,
                "attempts = :attempt, lease_owner = :owner, lease_until = :lease, updated_at = :now",
                Map.of("attempt", attempt, "owner", owner, "lease", utc(leaseUntil), "now", utc(now)));
    }

    /** After an attempt: waits for a retry (READY, with its next attempt time), or is done (COMPLETED, DEAD). */
    void completeBatch(UUID batchId, BatchStatus status, String error, Instant nextAttemptAt, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("next", utc(nextAttemptAt));
        params.put("now", utc(now));
        params.put("done", status == BatchStatus.COMPLETED || status == BatchStatus.DEAD ? utc(now) : null);
        moveBatch(batchId, status, """
                last_error = :error, lease_owner = null, lease_until = null,
                next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at), updated_at = :now,
                completed_at = cast(:done as timestamptz)""", params);
    }

    boolean renewLease(UUID batchId, String owner, int attempt, Instant leaseUntil) {
        return jdbc.sql("""
                        update outbound_batch set lease_until = :lease
                         where id = :id and status = :sending and lease_owner = :owner and attempts = :attempt
                        """)
                .param("id", batchId)
                .param("sending", BatchStatus.SENDING.name())
                .param("owner", owner)
                .param("attempt", attempt)
                .param("lease", utc(leaseUntil))
                .update() == 1;
    }

    void startAttempt(UUID batchId, int attempt, String owner, Instant now) {
        jdbc.sql("insert into delivery_attempt (batch_id, attempt, owner, started_at) values (?, ?, ?, ?)")
                .params(batchId, attempt, owner, utc(now))
                .update();
    }

    /** Writes the attempt's outcome, once. */
    void finishAttempt(UUID batchId, int attempt, AttemptOutcome outcome, String detail, Instant now) {
        jdbc.sql("""
                        update delivery_attempt set finished_at = :now, outcome = :outcome, detail = :detail
                         where batch_id = :batch and attempt = :attempt and outcome is null
                        """)
                .param("batch", batchId)
                .param("attempt", attempt)
                .param("outcome", outcome.name())
                .param("detail", detail)
                .param("now", utc(now))
                .update();
    }

    /** One page of a batch's messages, after the given position. */
    List<MemberRow> membersAfter(UUID batchId, int afterPosition, int pageSize) {
        return jdbc.sql("""
                        select b.position, m.reference, m.conversation_ref, m.cross_reference, m.message_type,
                               m.dossier_id, m.claim_id, m.payload
                          from batch_member b
                          join outbound_message m on m.reference = b.message_reference
                         where b.batch_id = :batch and b.position > :after
                         order by b.position
                         limit :page
                        """)
                .param("batch", batchId)
                .param("after", afterPosition)
                .param("page", pageSize)
                .query((rs, n) -> new MemberRow(rs.getInt("position"), rs.getObject("reference", UUID.class),
                        rs.getObject("conversation_ref", UUID.class), rs.getObject("cross_reference", UUID.class),
                        rs.getString("message_type"), rs.getObject("dossier_id", UUID.class),
                        rs.getObject("claim_id", UUID.class), rs.getBytes("payload")))
                .list();
    }

    /** Records a rejection once; returns false for a message that is not in the batch or already has an outcome. */
    boolean rejectMember(UUID batchId, UUID reference, String reason) {
        return jdbc.sql("""
                        update batch_member set outcome = :outcome, outcome_detail = :reason
                         where batch_id = :batch and message_reference = :ref and outcome is null
                        """)
                .param("outcome", MemberOutcome.REJECTED.name())
                .param("batch", batchId).param("ref", reference).param("reason", reason)
                .update() == 1;
    }

    int acceptRemainingMembers(UUID batchId) {
        return jdbc.sql("update batch_member set outcome = :outcome where batch_id = :batch and outcome is null")
                .param("outcome", MemberOutcome.ACCEPTED.name())
                .param("batch", batchId)
                .update();
    }
}
