package nl.knooppunt.gateway.workflow;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The claim_deadline table (V13): one answer deadline per Saldoverzoek that reached its creditor. */
@Repository
class AnswerDeadlineRepository {

    /** One deadline row. */
    record Row(long id, UUID claimId, UUID dossierId, UUID messageReference, Instant reachedAt, Instant remindAt,
               Instant dueAt, LocalDate dueOn, Instant remindedAt, Instant escalatedAt, Instant closedAt) {}

    private static final String COLUMNS = """
            id, claim_id, dossier_id, message_reference, reached_at, remind_at, due_at, due_on, reminded_at,
            escalated_at, closed_at""";

    /** Claim statuses in which the answer is still awaited; in any other the deadline is closed. */
    static final List<String> AWAITING = List.of(ClaimStatus.SALDO_REQUESTED.name(), ClaimStatus.OVERDUE.name());

    /**
     * The due-time query: the oldest due deadlines not locked by another instance, locked until the
     * end of the transaction. Served by the partial index claim_deadline_next_action_idx.
     */
    static final String DUE = """
            select %s from claim_deadline
             where next_action_at is not null and next_action_at <= :now
             order by next_action_at
             limit :limit
               for update skip locked""".formatted(COLUMNS);

    private final JdbcClient jdbc;

    AnswerDeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the deadline of a Saldoverzoek; told the same fact again, it changes nothing. */
    boolean insert(UUID claimId, UUID dossierId, UUID messageReference, AnswerTerm term) {
        return jdbc.sql("""
                        insert into claim_deadline (claim_id, dossier_id, message_reference, reached_at, remind_at,
                                                    due_at, due_on, next_action_at)
                        values (:claim, :dossier, :message, :reached, :remind, :due, :dueOn, :next)
                        on conflict (message_reference) do nothing
                        """)
                .param("claim", claimId)
                .param("dossier", dossierId)
                .param("message", messageReference)
                .param("reached", utc(term.reachedAt()))
                .param("remind", term.remindAt() == null ? null : utc(term.remindAt()))
                .param("due", utc(term.dueAt()))
                .param("dueOn", term.dueOn())
                .param("next", utc(term.firstAction()))
                .update() == 1;
    }

    List<Row> lockDue(Instant now, int limit) {
        return jdbc.sql(DUE).param("now", utc(now)).param("limit", limit).query(this::map).list();
    }

    void reminded(long id, Instant at, UUID reminderReference, Instant next) {
        jdbc.sql("update claim_deadline set reminded_at = :at, reminder_reference = :ref, next_action_at = :next where id = :id")
                .param("at", utc(at)).param("ref", reminderReference).param("next", utc(next)).param("id", id)
                .update();
    }

    void escalated(long id, Instant at) {
        jdbc.sql("update claim_deadline set escalated_at = :at, next_action_at = null where id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    void close(long id, Instant at) {
        jdbc.sql("update claim_deadline set closed_at = :at, next_action_at = null where id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    void postpone(long id, Instant next) {
        jdbc.sql("update claim_deadline set next_action_at = :next where id = :id and closed_at is null")
                .param("next", utc(next)).param("id", id).update();
    }

    /**
     * Closes the open deadlines of the dossier whose claim no longer awaits an answer (answered,
     * passed over, withdrawn, not reached): one indexed lookup of the dossier's open deadlines. A
     * deadline locked by a scan is skipped, not waited for (the scan holds it and waits for the claim
     * this transaction holds: waiting would deadlock); that scan then finds the claim answered and
     * closes it itself.
     */
    int closeSettled(UUID dossierId, Instant at) {
        return jdbc.sql("""
                        update claim_deadline set closed_at = :at, next_action_at = null
                         where id in (select d.id from claim_deadline d join claim c on c.id = d.claim_id
                                       where d.dossier_id = :dossier and d.closed_at is null
                                         and c.status not in (:awaiting)
                                         for update of d skip locked)
                        """)
                .param("at", utc(at)).param("dossier", dossierId).param("awaiting", AWAITING)
                .update();
    }

    /** The latest deadline of each claim of the dossier. */
    List<Row> latestPerClaim(UUID dossierId) {
        return jdbc.sql("select distinct on (claim_id) " + COLUMNS
                        + " from claim_deadline where dossier_id = ? order by claim_id, reached_at desc, id desc")
                .param(dossierId).query(this::map).list();
    }

    Optional<Row> latestOfClaim(UUID claimId) {
        return jdbc.sql("select " + COLUMNS + " from claim_deadline where claim_id = ? order by reached_at desc, id desc limit 1")
                .param(claimId).query(this::map).optional();
    }

    /** The claim's status, its row locked until the end of the transaction. */
    Optional<ClaimStatus> lockClaimStatus(UUID claimId) {
        return jdbc.sql("select status from claim where id = ? for update")
                .param(claimId).query((rs, n) -> ClaimStatus.valueOf(rs.getString(1))).optional();
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getObject("claim_id", UUID.class), rs.getObject("dossier_id", UUID.class),
                rs.getObject("message_reference", UUID.class), instant(rs, "reached_at"), instant(rs, "remind_at"),
                instant(rs, "due_at"), rs.getObject("due_on", LocalDate.class), instant(rs, "reminded_at"),
                instant(rs, "escalated_at"), instant(rs, "closed_at"));
    }
}
