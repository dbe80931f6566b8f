package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.knooppunt.gateway.shared.PageOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading outgoing messages (per dossier, dead letters) and the operator's two actions on a dead
 * letter or expired message: resubmit it (same Referentienummer, a new batch) or discard it.
 */
@Service
public class OutboundMessages {

    private static final Logger log = LoggerFactory.getLogger(OutboundMessages.class);

    private static final String SELECT = """
            select m.reference, m.claim_id, p.oin as recipient_oin, m.message_type, m.status, m.enqueued_at, m.due_at,
                   m.delivered_at, m.expires_at, m.last_error,
                   (select count(*) from batch_member bm join delivery_attempt da on da.batch_id = bm.batch_id
                     where bm.message_reference = m.reference) as attempts
              from outbound_message m join participant p on p.id = m.recipient_id
            """;

    private final JdbcClient jdbc;
    private final MessageMoves moves;
    private final Clock clock;

    OutboundMessages(JdbcClient jdbc, MessageMoves moves, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.clock = clock;
    }

    public List<OutboundMessageView> findByDossier(UUID dossierId) {
        return jdbc.sql(SELECT + " where m.dossier_id = ? order by m.seq").param(dossierId).query(this::map).list();
    }

    public Optional<OutboundMessageView> find(UUID reference) {
        return jdbc.sql(SELECT + " where m.reference = ?").param(reference).query(this::map).optional();
    }

    /** Dead letters and expired messages, oldest first, optionally of one recipient. */
    public PageOf<OutboundMessageView> deadLetters(String recipientOin, int page, int size) {
        String where = " where m.status in ('DEAD', 'EXPIRED') and (cast(:oin as text) is null or p.oin = cast(:oin as text))";
        long total = jdbc.sql("select count(*) from outbound_message m join participant p on p.id = m.recipient_id" + where)
                .param("oin", recipientOin).query(Long.class).single();
        List<OutboundMessageView> items = jdbc.sql(SELECT + where + " order by m.updated_at, m.seq limit :limit offset :offset")
                .param("oin", recipientOin)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(this::map)
                .list();
        return new PageOf<>(items, page, size, total);
    }

    /** Every attempt of every batch that carried the message, in order. */
    public List<DeliveryAttemptView> attempts(UUID reference) {
        return jdbc.sql("""
                        select da.batch_id, da.attempt, da.owner, da.started_at, da.finished_at, da.outcome, da.detail,
                               bm.outcome as message_outcome
                          from batch_member bm join delivery_attempt da on da.batch_id = bm.batch_id
                         where bm.message_reference = ?
                         order by da.started_at, da.attempt
                        """)
                .param(reference)
                .query((rs, n) -> new DeliveryAttemptView(rs.getObject("batch_id", UUID.class), rs.getInt("attempt"),
                        rs.getString("owner"), instant(rs, "started_at"), instant(rs, "finished_at"),
                        enumOrNull(AttemptOutcome.class, rs.getString("outcome")), rs.getString("detail"),
                        enumOrNull(MemberOutcome.class, rs.getString("message_outcome"))))
                .list();
    }

    /**
     * The recipient answered the message: it had it, whatever the transport record says. A message
     * still batched (the recipient's acknowledgement was lost or is on its way), dead or expired is
     * marked {@link OutboundStatus#DELIVERED} (the table says from where; listeners hear of it as
     * delivered); a message already reached stays as it is. A message that never left
     * ({@link OutboundStatus#PENDING}) or was discarded cannot have been received.
     *
     * @return whether the message counts as reached now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean answeredByRecipient(UUID reference) {
        OutboundStatus status = jdbc.sql("select status from outbound_message where reference = ? for update")
                .param(reference)
                .query((rs, n) -> OutboundStatus.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new OutboundMessageNotFoundException(reference));
        if (status.reachedRecipient()) {
            return true;
        }
        return moves.move(OutboundStatus.DELIVERED, "delivered_at = coalesce(m.delivered_at, :at), expires_at = null",
                null, "m.reference = :ref", Map.of("ref", reference), clock.instant()) == 1;
    }

    /**
     * The recipients among {@code recipientIds} that have, or may have, a message of the dossier:
     * one reached them (delivered, fetched, confirmed) or is in a batch on its way (it may have
     * arrived already). Locks the dossier's messages to them until the end of the transaction, so
     * that none moves before the caller acts on the answer (messages first: the lock order of the
     * engine, whose delivery facts then change claims and dossiers).
     */
    private static final Set<OutboundStatus> CONTACTED = EnumSet.of(OutboundStatus.BATCHED, OutboundStatus.DELIVERED,
            OutboundStatus.FETCHED, OutboundStatus.CONFIRMED);

    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> recipientsContacted(UUID dossierId, Collection<UUID> recipientIds) {
        if (recipientIds.isEmpty()) {
            return Set.of();
        }
        Set<UUID> contacted = new HashSet<>();
        jdbc.sql("""
                        select recipient_id, status from outbound_message
                         where dossier_id = :dossier and recipient_id in (:recipients)
                         order by reference
                           for update
                        """)
                .param("dossier", dossierId)
                .param("recipients", recipientIds)
                .query(rs -> {
                    OutboundStatus status = OutboundStatus.valueOf(rs.getString("status"));
                    // IN_MAILBOX is not here: an unfetched message has not reached anyone, and is cancelled.
                    if (CONTACTED.contains(status)) {
                        contacted.add(rs.getObject("recipient_id", UUID.class));
                    }
                });
        return contacted;
    }

    /**
     * Cancels every message of the dossier to these recipients that has not reached them: queued,
     * in a batch, unfetched in the mailbox, dead or expired ({@link OutboundStatus#CANCELLED}; the
     * table says from where). A message in a batch to a push channel may still arrive with its
     * batch, which is immutable.
     *
     * @return how many messages were cancelled
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelForDossier(UUID dossierId, Collection<UUID> recipientIds) {
        if (recipientIds.isEmpty()) {
            return 0;
        }
        return moves.move(OutboundStatus.CANCELLED, "expires_at = null", null,
                "m.dossier_id = :dossier and m.recipient_id in (:recipients)",
                Map.of("dossier", dossierId, "recipients", recipientIds), clock.instant());
    }

    /** Puts a dead or expired message back in the outbox, to leave with the creditor's next batch. */
    @Transactional
    public OutboundMessageView resubmit(UUID reference, String actor) {
        change(reference, OutboundStatus.PENDING, "RESUBMIT", actor);
        moves.move(OutboundStatus.PENDING, "due_at = :at, current_batch_id = null, expires_at = null, fetched_at = null",
                null, "m.reference = :ref", Map.of("ref", reference), clock.instant());
        log.info("Message {} resubmitted by {}", reference, actor);
        return find(reference).orElseThrow();
    }

    /** Gives up on a dead or expired message for good. */
    @Transactional
    public OutboundMessageView discard(UUID reference, String actor) {
        change(reference, OutboundStatus.DISCARDED, "DISCARD", actor);
        moves.move(OutboundStatus.DISCARDED, "", null, "m.reference = :ref", Map.of("ref", reference), clock.instant());
        log.info("Message {} discarded by {}", reference, actor);
        return find(reference).orElseThrow();
    }

    private void change(UUID reference, OutboundStatus to, String action, String actor) {
        OutboundStatus from = jdbc.sql("select status from outbound_message where reference = ? for update")
                .param(reference)
                .query((rs, n) -> OutboundStatus.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new OutboundMessageNotFoundException(reference));
        OutboundStatus.TRANSITIONS.check(from, to);
        jdbc.sql("insert into outbound_message_action (message_reference, action, actor, at) values (?, ?, ?, ?)")
                .params(reference, action, actor, utc(clock.instant()))
                .update();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private OutboundMessageView map(ResultSet rs, int n) throws SQLException {
        return new OutboundMessageView(rs.getObject("reference", UUID.class), rs.getObject("claim_id", UUID.class),
                rs.getString("recipient_oin"), rs.getString("message_type"), OutboundStatus.valueOf(rs.getString("status")),
                instant(rs, "enqueued_at"), instant(rs, "due_at"), instant(rs, "delivered_at"),
                instant(rs, "expires_at"), rs.getInt("attempts"), rs.getString("last_error"));
    }
}
