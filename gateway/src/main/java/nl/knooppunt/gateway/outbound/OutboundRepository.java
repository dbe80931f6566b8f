package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox, batches, batch members and delivery attempts in PostgreSQL. Callers hold the transaction. */
@Repository
class OutboundRepository {

    /** A batch row as the claimer needs it. */
    record BatchRow(UUID id, String status, int attempts, Instant nextAttemptAt, Instant leaseUntil,
                    String leaseOwner, String messageType, int messageCount) {}

    /** One stored message of a batch, payload still encrypted. */
    record MemberRow(int position, UUID reference, UUID conversationReference, UUID crossReference,
                     String messageType, UUID dossierId, UUID claimId, byte[] payload) {}

    private final JdbcClient jdbc;

    OutboundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPending(NewOutboundMessage m, byte[] encryptedPayload, Instant now, Instant dueAt) {
        jdbc.sql("""
                        insert into outbound_message (reference, conversation_ref, cross_reference, creditor_id, dossier_id,
                                                      claim_id, message_type, payload, status, enqueued_at, due_at, updated_at)
                        values (:ref, :conversation, :cross, :creditor, :dossier, :claim, :type, :payload, 'PENDING', :now,
                                :due, :now)
                        """)
                .param("ref", m.reference())
                .param("conversation", m.conversationReference())
                .param("cross", m.crossReference())
                .param("creditor", m.creditorId())
                .param("dossier", m.dossierId())
                .param("claim", m.claimId())
                .param("type", m.messageType())
                .param("payload", encryptedPayload)
                .param("now", utc(now))
                .param("due", utc(dueAt))
                .update();
    }

    /**
     * Creditors with something to do: pending messages that are due or fill a batch, a batch whose
     * retry time has come, or a batch whose sender's lease ran out.
     */
    List<UUID> findCreditorsWithWork(Instant now) {
        return jdbc.sql("""
                        select creditor_id from outbound_message where status = 'PENDING' and due_at <= :now
                        union
                        select m.creditor_id from outbound_message m join creditor_channel c on c.participant_id = m.creditor_id
                         where m.status = 'PENDING' group by m.creditor_id, c.max_batch_size having count(*) >= c.max_batch_size
                        union
                        select creditor_id from outbound_batch where status = 'READY' and next_attempt_at <= :now
                        union
                        select creditor_id from outbound_batch where status = 'SENDING' and lease_until < :now
                        """)
                .param("now", utc(now))
                .query(UUID.class)
                .list();
    }

    /** Serialises claims per creditor across instances; empty when another instance holds it now. */
    boolean lockCreditor(UUID creditorId) {
        return jdbc.sql("select id from participant where id = ? for update skip locked")
                .param(creditorId).query(UUID.class).optional().isPresent();
    }

    Optional<BatchRow> findSendingBatch(UUID creditorId) {
        return jdbc.sql(BATCH_SELECT + " where creditor_id = ? and status = 'SENDING'")
                .param(creditorId).query(this::mapBatch).optional();
    }

    Optional<BatchRow> findOldestReadyBatch(UUID creditorId) {
        return jdbc.sql(BATCH_SELECT + " where creditor_id = ? and status = 'READY' order by created_at limit 1")
                .param(creditorId).query(this::mapBatch).optional();
    }

    /** Locks the batch and returns its state, to check the lease before recording an outcome. */
    Optional<BatchRow> lockBatch(UUID batchId) {
        return jdbc.sql(BATCH_SELECT + " where id = ? for update").param(batchId).query(this::mapBatch).optional();
    }

    private static final String BATCH_SELECT = """
            select id, status, attempts, next_attempt_at, lease_until, lease_owner, message_type, message_count
              from outbound_batch
            """;

    private BatchRow mapBatch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new BatchRow(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "lease_until"), rs.getString("lease_owner"),
                rs.getString("message_type"), rs.getInt("message_count"));
    }

    /** Whether pending messages of this creditor must go now: one is due, or there are enough for a full batch. */
    boolean hasDuePending(UUID creditorId, int maxBatchSize, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from outbound_message
                                        where creditor_id = :c and status = 'PENDING' and due_at <= :now)
                            or (select count(*) from (select 1 from outbound_message
                                                       where creditor_id = :c and status = 'PENDING' limit :max) l) >= :max
                        """)
                .param("c", creditorId)
                .param("now", utc(now))
                .param("max", maxBatchSize)
                .query(Boolean.class)
                .single();
    }

    Optional<String> oldestPendingType(UUID creditorId) {
        return jdbc.sql("select message_type from outbound_message where creditor_id = ? and status = 'PENDING' order by seq limit 1")
                .param(creditorId).query(String.class).optional();
    }

    void insertBatch(UUID id, UUID creditorId, String channelType, String messageType, String owner,
                     Instant now, Instant leaseUntil) {
        jdbc.sql("""
                        insert into outbound_batch (id, creditor_id, channel_type, message_type, status, message_count,
                                                    attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at)
                        values (:id, :creditor, :channel, :type, 'SENDING', 0, 1, :now, :owner, :lease, :now, :now)
                        """)
                .param("id", id)
                .param("creditor", creditorId)
                .param("channel", channelType)
                .param("type", messageType)
                .param("owner", owner)
                .param("lease", utc(leaseUntil))
                .param("now", utc(now))
                .update();
    }

    /** Moves the oldest pending messages (of one type, if given) into the batch; returns how many. */
    int fillBatch(UUID batchId, UUID creditorId, String messageType, int maxSize) {
        int members = jdbc.sql("""
                        insert into batch_member (batch_id, position, message_reference)
                        select :batch, row_number() over (order by p.seq), p.reference
                          from (select reference, seq from outbound_message
                                 where creditor_id = :c and status = 'PENDING'
                                   and (cast(:type as text) is null or message_type = cast(:type as text))
                                 order by seq limit :max
                                 for update skip locked) p
                        """)
                .param("batch", batchId)
                .param("c", creditorId)
                .param("type", messageType)
                .param("max", maxSize)
                .update();
        jdbc.sql("""
                        update outbound_message m set status = 'BATCHED', current_batch_id = :batch, updated_at = now()
                          from batch_member b
                         where b.batch_id = :batch and b.message_reference = m.reference and m.status = 'PENDING'
                        """)
                .param("batch", batchId)
                .update();
        jdbc.sql("update outbound_batch set message_count = :n where id = :batch")
                .param("n", members).param("batch", batchId).update();
        return members;
    }

    void deleteEmptyBatch(UUID batchId) {
        jdbc.sql("delete from delivery_attempt where batch_id = ?").param(batchId).update();
        jdbc.sql("delete from outbound_batch where id = ? and message_count = 0").param(batchId).update();
    }

    /** Takes the batch (again) for sending: one more attempt, leased to this owner. */
    void leaseForAttempt(UUID batchId, int attempt, String owner, Instant now, Instant leaseUntil) {
        jdbc.sql("""
                        update outbound_batch set status = 'SENDING', attempts = :attempt, lease_owner = :owner,
                               lease_until = :lease, updated_at = :now
                         where id = :id
                        """)
                .param("id", batchId)
                .param("attempt", attempt)
                .param("owner", owner)
                .param("lease", utc(leaseUntil))
                .param("now", utc(now))
                .update();
    }

    boolean renewLease(UUID batchId, String owner, int attempt, Instant leaseUntil) {
        return jdbc.sql("""
                        update outbound_batch set lease_until = :lease
                         where id = :id and status = 'SENDING' and lease_owner = :owner and attempts = :attempt
                        """)
                .param("id", batchId)
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

    void finishAttempt(UUID batchId, int attempt, String outcome, String detail, Instant now) {
        jdbc.sql("""
                        update delivery_attempt set finished_at = :now, outcome = :outcome, detail = :detail
                         where batch_id = :batch and attempt = :attempt and outcome is null
                        """)
                .param("batch", batchId)
                .param("attempt", attempt)
                .param("outcome", outcome)
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
                        update batch_member set outcome = 'REJECTED', outcome_detail = :reason
                         where batch_id = :batch and message_reference = :ref and outcome is null
                        """)
                .param("batch", batchId).param("ref", reference).param("reason", reason)
                .update() == 1;
    }

    int acceptRemainingMembers(UUID batchId) {
        return jdbc.sql("update batch_member set outcome = 'ACCEPTED' where batch_id = ? and outcome is null")
                .param(batchId).update();
    }

    /** Accepted messages of the batch become delivered (push) or wait in the mailbox until their expiry. */
    void markAccepted(UUID batchId, String status, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        update outbound_message m set status = :status, delivered_at = :now, expires_at = :expires,
                               last_error = null, updated_at = :now
                          from batch_member b
                         where b.batch_id = :batch and b.message_reference = m.reference and b.outcome = 'ACCEPTED'
                           and m.status = 'BATCHED' and m.current_batch_id = :batch
                        """)
                .param("batch", batchId)
                .param("status", status)
                .param("now", utc(now))
                .param("expires", utc(expiresAt))
                .update();
    }

    void markRejectedDead(UUID batchId, Instant now) {
        jdbc.sql("""
                        update outbound_message m set status = 'DEAD', last_error = 'rejected by creditor: ' || b.outcome_detail,
                               updated_at = :now
                          from batch_member b
                         where b.batch_id = :batch and b.message_reference = m.reference and b.outcome = 'REJECTED'
                           and m.status = 'BATCHED' and m.current_batch_id = :batch
                        """)
                .param("batch", batchId)
                .param("now", utc(now))
                .update();
    }

    void markAllDead(UUID batchId, String reason, Instant now) {
        jdbc.sql("""
                        update outbound_message set status = 'DEAD', last_error = :reason, updated_at = :now
                         where current_batch_id = :batch and status = 'BATCHED'
                        """)
                .param("batch", batchId)
                .param("reason", reason)
                .param("now", utc(now))
                .update();
    }

    void completeBatch(UUID batchId, String status, String error, Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                        update outbound_batch set status = :status, last_error = :error, lease_owner = null,
                               lease_until = null, next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at), updated_at = :now,
                               completed_at = case when :status in ('COMPLETED', 'DEAD') then :now else null end
                         where id = :batch
                        """)
                .param("batch", batchId)
                .param("status", status)
                .param("error", error)
                .param("next", utc(nextAttemptAt))
                .param("now", utc(now))
                .update();
    }
}
