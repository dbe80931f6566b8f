package nl.knooppunt.gateway.dossier;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dossiers, claims and conversations in PostgreSQL. Callers hold the transaction. */
@Repository
public class DossierRepository {

    private static final String SELECT_DOSSIER = """
            select d.id, d.shv_id, p.oin as shv_oin, d.shv_reference, d.settlement_type, d.status,
                   d.submitted_at, d.updated_at, d.closed_at, d.personal_data_purged_at
              from dossier d join participant p on p.id = d.shv_id
            """;
    private static final String SELECT_CLAIM = """
            select c.id, c.dossier_id, c.creditor_id, p.oin as creditor_oin, p.name as creditor_name, c.position,
                   c.client_number_at_creditor, c.invoice_numbers, c.amount_known_to_shv, c.confirmed_amount, c.status,
                   c.no_cooperation_reason, c.updated_at,
                   v.conversation_ref
              from claim c
              join participant p on p.id = c.creditor_id
              left join conversation v on v.claim_id = c.id
            """;

    private final JdbcClient jdbc;

    DossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the dossier unless the SHV already has one with this reference or idempotency key;
     * a concurrent duplicate waits for the first to commit and then finds it.
     *
     * @return true when this call created the dossier
     */
    boolean insertIfAbsent(UUID id, UUID shvId, String shvReference, String idempotencyKey, String fingerprint,
                           SettlementType type, DossierStatus status, byte[] clientData, Instant now) {
        return jdbc.sql("""
                        insert into dossier (id, shv_id, shv_reference, idempotency_key, submission_fingerprint,
                                             settlement_type, status, client_data, submitted_at, updated_at)
                        values (:id, :shv, :ref, cast(:key as text), :fingerprint, :type, :status, :client, :now, :now)
                        on conflict do nothing
                        """)
                .param("id", id)
                .param("shv", shvId)
                .param("ref", shvReference)
                .param("key", idempotencyKey)
                .param("fingerprint", fingerprint)
                .param("type", type.name())
                .param("status", status.name())
                .param("client", clientData)
                .param("now", utc(now))
                .update() == 1;
    }

    /**
     * An SHV's dossier found by its reference or idempotency key.
     *
     * @param byKey found by the idempotency key (which then decides), not only by the reference
     * @param fingerprint of what was submitted; null before V5 and once personal data is purged
     */
    record Existing(UUID id, boolean byKey, String fingerprint) {}

    /** The SHV's dossier with this idempotency key if given and used, else the one with this reference. */
    Optional<Existing> findExisting(UUID shvId, String shvReference, String idempotencyKey) {
        return jdbc.sql("""
                        select id, coalesce(idempotency_key = cast(:key as text), false) as by_key,
                               submission_fingerprint
                          from dossier
                         where shv_id = :shv
                           and (shv_reference = :ref or idempotency_key = cast(:key as text))
                         order by by_key desc
                         limit 1
                        """)
                .param("shv", shvId)
                .param("ref", shvReference)
                .param("key", idempotencyKey)
                .query((rs, row) -> new Existing(rs.getObject("id", UUID.class), rs.getBoolean("by_key"),
                        rs.getString("submission_fingerprint")))
                .optional();
    }

    void insertClaim(UUID id, UUID dossierId, UUID creditorId, int position, String clientNumberAtCreditor,
                     List<String> invoiceNumbers, BigDecimal amount, ClaimStatus status, Instant now) {
        jdbc.sql("""
                        insert into claim (id, dossier_id, creditor_id, position, client_number_at_creditor,
                                           invoice_numbers, amount_known_to_shv, status, updated_at)
                        values (:id, :dossier, :creditor, :position, :clientNumber, :invoices, :amount, :status, :now)
                        """)
                .param("id", id)
                .param("dossier", dossierId)
                .param("creditor", creditorId)
                .param("position", position)
                .param("clientNumber", clientNumberAtCreditor)
                .param("invoices", invoiceNumbers.toArray(String[]::new))
                .param("amount", amount)
                .param("status", status.name())
                .param("now", utc(now))
                .update();
    }

    void insertConversation(UUID id, UUID conversationRef, UUID dossierId, UUID claimId, UUID shvId,
                            UUID creditorId, Instant now) {
        jdbc.sql("""
                        insert into conversation (id, conversation_ref, dossier_id, claim_id, shv_id, creditor_id, started_at)
                        values (:id, :ref, :dossier, :claim, :shv, :creditor, :now)
                        """)
                .param("id", id)
                .param("ref", conversationRef)
                .param("dossier", dossierId)
                .param("claim", claimId)
                .param("shv", shvId)
                .param("creditor", creditorId)
                .param("now", utc(now))
                .update();
    }

    public Optional<Dossier> findById(UUID id) {
        return jdbc.sql(SELECT_DOSSIER + " where d.id = ?").param(id).query(this::mapDossier).optional();
    }

    /** The encrypted personal data of a dossier; empty once purged. */
    Optional<byte[]> findClientData(UUID dossierId) {
        return jdbc.sql("select client_data from dossier where id = ? and client_data is not null")
                .param(dossierId)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    public List<Claim> findClaims(UUID dossierId) {
        return jdbc.sql(SELECT_CLAIM + " where c.dossier_id = ? order by c.position")
                .param(dossierId)
                .query(this::mapClaim)
                .list();
    }

    public Optional<Claim> findClaim(UUID claimId) {
        return jdbc.sql(SELECT_CLAIM + " where c.id = ?").param(claimId).query(this::mapClaim).optional();
    }

    /** Locks the dossier row for a status change and returns its current status. */
    Optional<DossierStatus> lockDossierStatus(UUID dossierId) {
        return jdbc.sql("select status from dossier where id = ? for update")
                .param(dossierId)
                .query((rs, row) -> DossierStatus.valueOf(rs.getString(1)))
                .optional();
    }

    /** Locks the claim row for a status change and returns its current status. */
    Optional<ClaimStatus> lockClaimStatus(UUID claimId) {
        return jdbc.sql("select status from claim where id = ? for update")
                .param(claimId)
                .query((rs, row) -> ClaimStatus.valueOf(rs.getString(1)))
                .optional();
    }

    void updateDossierStatus(UUID dossierId, DossierStatus status, Instant now) {
        jdbc.sql("""
                        update dossier set status = :status, updated_at = :now, version = version + 1,
                               closed_at = case when :closed then :now else closed_at end
                         where id = :id
                        """)
                .param("id", dossierId)
                .param("status", status.name())
                .param("closed", status.isClosed())
                .param("now", utc(now))
                .update();
    }

    /** Records the amount that counts for the settlement, as the creditor stated it in its Saldoverzoek antwoord. */
    public void updateConfirmedAmount(UUID claimId, BigDecimal amount) {
        jdbc.sql("update claim set confirmed_amount = :amount where id = :id")
                .param("id", claimId)
                .param("amount", amount)
                .update();
    }

    /** The claim's status, read without a lock: one key lookup, for listeners that act on few claims. */
    public Optional<ClaimStatus> findClaimStatus(UUID claimId) {
        return jdbc.sql("select status from claim where id = ?").param(claimId)
                .query((rs, n) -> ClaimStatus.valueOf(rs.getString(1))).optional();
    }

    /** Records why the creditor will not cooperate (a RedenGeenMedewerking code), or null to clear it. */
    public void updateNoCooperationReason(UUID claimId, String reason) {
        jdbc.sql("update claim set no_cooperation_reason = :reason where id = :id")
                .param("id", claimId)
                .param("reason", reason)
                .update();
    }

    /** Replaces the claim's lines with those of its latest answer. */
    public void replaceClaimLines(UUID claimId, List<ClaimLine> lines) {
        jdbc.sql("delete from claim_line where claim_id = ?").param(claimId).update();
        for (ClaimLine l : lines) {
            jdbc.sql("""
                            insert into claim_line (claim_id, position, answer_reference, invoice_number_se,
                                                    invoice_number_shv, debt_type, claim_type, origin_date,
                                                    original_amount, principal, interest, costs, current_amount,
                                                    transferred_to, counted)
                            values (:claim, :position, :answer, :se, :shv, :debtType, :claimType, :origin,
                                    :original, :principal, :interest, :costs, :current, :transferredTo, :counted)
                            """)
                    .param("claim", claimId)
                    .param("position", l.position())
                    .param("answer", l.answerReference())
                    .param("se", l.invoiceNumberSe())
                    .param("shv", l.invoiceNumberShv())
                    .param("debtType", l.debtType())
                    .param("claimType", l.claimType())
                    .param("origin", l.originDate())
                    .param("original", l.originalAmount())
                    .param("principal", l.principal())
                    .param("interest", l.interest())
                    .param("costs", l.costs())
                    .param("current", l.currentAmount())
                    .param("transferredTo", l.transferredTo())
                    .param("counted", l.counted())
                    .update();
        }
    }

    /** The lines of every claim of the dossier, per claim in the order of the answer. */
    public List<ClaimLine> findClaimLines(UUID dossierId) {
        return jdbc.sql("""
                        select l.* from claim_line l join claim c on c.id = l.claim_id
                         where c.dossier_id = ? order by c.position, l.position
                        """)
                .param(dossierId)
                .query((rs, n) -> new ClaimLine(rs.getObject("claim_id", UUID.class), rs.getInt("position"),
                        rs.getObject("answer_reference", UUID.class), rs.getString("invoice_number_se"),
                        rs.getString("invoice_number_shv"), rs.getString("debt_type"), rs.getString("claim_type"),
                        rs.getObject("origin_date", java.time.LocalDate.class), rs.getBigDecimal("original_amount"),
                        rs.getBigDecimal("principal"), rs.getBigDecimal("interest"), rs.getBigDecimal("costs"),
                        rs.getBigDecimal("current_amount"), rs.getString("transferred_to"), rs.getBoolean("counted")))
                .list();
    }

    void updateClaimStatus(UUID claimId, ClaimStatus status, Instant now) {
        jdbc.sql("update claim set status = :status, updated_at = :now, version = version + 1 where id = :id")
                .param("id", claimId)
                .param("status", status.name())
                .param("now", utc(now))
                .update();
    }

    PageOf<DossierSummary> list(DossierQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.shvId() != null) {
            where.append(" and d.shv_id = :shv");
            params.put("shv", query.shvId());
        }
        if (!query.statuses().isEmpty()) {
            where.append(" and d.status in (:statuses)");
            params.put("statuses", query.statuses().stream().map(Enum::name).toList());
        }
        if (query.shvReference() != null) {
            where.append(" and d.shv_reference = :ref");
            params.put("ref", query.shvReference());
        }
        if (query.creditorOin() != null) {
            where.append("""
                     and exists (select 1 from claim c join participant cp on cp.id = c.creditor_id
                                  where c.dossier_id = d.id and cp.oin = :creditor)
                    """);
            params.put("creditor", query.creditorOin());
        }
        if (query.submittedFrom() != null) {
            where.append(" and d.submitted_at >= :from");
            params.put("from", utc(query.submittedFrom()));
        }
        if (query.submittedBefore() != null) {
            where.append(" and d.submitted_at < :before");
            params.put("before", utc(query.submittedBefore()));
        }
        long total = jdbc.sql("select count(*) from dossier d" + where).params(params).query(Long.class).single();
        List<Dossier> dossiers = jdbc.sql(SELECT_DOSSIER + where + " order by d.submitted_at desc, d.id limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(this::mapDossier)
                .list();
        Map<UUID, Map<ClaimStatus, Integer>> counts = claimCounts(dossiers.stream().map(Dossier::id).toList());
        List<DossierSummary> items = new ArrayList<>();
        for (Dossier d : dossiers) {
            items.add(new DossierSummary(d, counts.getOrDefault(d.id(), Map.of())));
        }
        return new PageOf<>(items, query.page(), query.size(), total);
    }

    private Map<UUID, Map<ClaimStatus, Integer>> claimCounts(List<UUID> dossierIds) {
        Map<UUID, Map<ClaimStatus, Integer>> counts = new LinkedHashMap<>();
        if (dossierIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select dossier_id, status, count(*) from claim where dossier_id in (:ids) group by dossier_id, status")
                .param("ids", dossierIds)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(ClaimStatus.class))
                            .put(ClaimStatus.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return counts;
    }

    private Dossier mapDossier(ResultSet rs, int row) throws SQLException {
        return new Dossier(
                rs.getObject("id", UUID.class),
                rs.getObject("shv_id", UUID.class),
                rs.getString("shv_oin"),
                rs.getString("shv_reference"),
                SettlementType.valueOf(rs.getString("settlement_type")),
                DossierStatus.valueOf(rs.getString("status")),
                instant(rs, "submitted_at"),
                instant(rs, "updated_at"),
                instant(rs, "closed_at"),
                instant(rs, "personal_data_purged_at"));
    }

    private Claim mapClaim(ResultSet rs, int row) throws SQLException {
        Array invoices = rs.getArray("invoice_numbers");
        return new Claim(
                rs.getObject("id", UUID.class),
                rs.getObject("dossier_id", UUID.class),
                rs.getObject("creditor_id", UUID.class),
                rs.getString("creditor_oin"),
                rs.getString("creditor_name"),
                rs.getInt("position"),
                rs.getString("client_number_at_creditor"),
                List.copyOf(Arrays.asList((String[]) invoices.getArray())),
                rs.getBigDecimal("amount_known_to_shv"),
                rs.getBigDecimal("confirmed_amount"),
                ClaimStatus.valueOf(rs.getString("status")),
                rs.getString("no_cooperation_reason"),
                rs.getObject("conversation_ref", UUID.class),
                instant(rs, "updated_at"));
    }
}
