package nl.knooppunt.gateway.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The convenant registry (ADR 0018): which creditor consents up front (vooraf akkoord) for which
 * settlement type, and when; and which creditors identify clients by BSN. Maintained by the operator
 * in the configuration ({@code knooppunt.registry.participants[].convenants}), brought into the
 * database with the rest of the registry at start-up.
 */
@Repository
public class Convenants {

    private final JdbcClient jdbc;

    Convenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the creditor has a convenant for this settlement type (SB, SK, SA) valid on this day. */
    public boolean holds(UUID creditorId, String settlementType, LocalDate day) {
        return jdbc.sql("""
                        select exists (select 1 from creditor_convenant
                                        where participant_id = :id and settlement_type = :type
                                          and valid_from <= :day and (valid_until is null or valid_until >= :day))
                        """)
                .param("id", creditorId)
                .param("type", settlementType)
                .param("day", day)
                .query(Boolean.class)
                .single();
    }

    /** The creditor's convenants, by first day. */
    public List<Convenant> of(UUID creditorId) {
        return jdbc.sql("""
                        select settlement_type, valid_from, valid_until from creditor_convenant
                         where participant_id = ? order by settlement_type, valid_from
                        """)
                .param(creditorId)
                .query((rs, n) -> new Convenant(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .list();
    }

    /** Whether the creditor identifies clients by BSN (it gets a Kennisgeving Publiek). */
    public boolean identifiesClientsByBsn(UUID participantId) {
        return jdbc.sql("select identifies_clients_by_bsn from participant where id = ?").param(participantId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Makes the participant's convenants and BSN flag those configured; called with the registry sync. */
    void replace(UUID participantId, boolean identifiesClientsByBsn, List<Convenant> convenants) {
        jdbc.sql("update participant set identifies_clients_by_bsn = ? where id = ?")
                .params(identifiesClientsByBsn, participantId).update();
        jdbc.sql("delete from creditor_convenant where participant_id = ?").param(participantId).update();
        for (Convenant c : convenants) {
            jdbc.sql("""
                            insert into creditor_convenant (participant_id, settlement_type, valid_from, valid_until)
                            values (?, ?, ?, ?)
                            """)
                    .params(participantId, c.settlementType(), c.validFrom(), c.validUntil())
                    .update();
        }
    }
}
