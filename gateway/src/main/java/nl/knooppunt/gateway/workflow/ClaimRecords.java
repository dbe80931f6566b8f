package nl.knooppunt.gateway.workflow;

import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the workflow keeps with a claim besides its status (V14): the creditor's own number for the
 * client as its first message stated it, and the Kennisgeving sent at intake with its answer.
 * Callers hold the transaction.
 */
@Repository
class ClaimRecords {

    /** The Kennisgeving of a claim as the SHV sees it. */
    record KennisgevingState(UUID reference, String answer, Instant answeredAt) {}

    private final JdbcClient jdbc;

    ClaimRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The KlantnummerSE the creditor's first message stated, kept because the SHV gave none. */
    Optional<String> keptClientNumberSe(UUID claimId) {
        return jdbc.sql("select client_number_se from claim where id = ?").param(claimId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** Keeps the creditor's KlantnummerSE unless one is kept already. */
    void keepClientNumberSe(UUID claimId, String clientNumberSe) {
        jdbc.sql("update claim set client_number_se = ? where id = ? and client_number_se is null")
                .params(clientNumberSe, claimId).update();
    }

    void kennisgevingQueued(UUID claimId, UUID reference) {
        jdbc.sql("update claim set kennisgeving_reference = ? where id = ?").params(reference, claimId).update();
    }

    Optional<UUID> kennisgevingReference(UUID claimId) {
        return jdbc.sql("select kennisgeving_reference from claim where id = ?").param(claimId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional().flatMap(o -> o);
    }

    /** Records the creditor's latest answer to the Kennisgeving. */
    void kennisgevingAnswered(UUID claimId, String answer, Instant at) {
        jdbc.sql("update claim set kennisgeving_answer = ?, kennisgeving_answered_at = ? where id = ?")
                .params(answer, utc(at), claimId).update();
    }

    /** Per claim of the dossier that had a Kennisgeving: its state. */
    Map<UUID, KennisgevingState> kennisgevingen(UUID dossierId) {
        Map<UUID, KennisgevingState> states = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, kennisgeving_reference, kennisgeving_answer, kennisgeving_answered_at from claim
                         where dossier_id = ? and kennisgeving_reference is not null order by position
                        """)
                .param(dossierId)
                .query(rs -> {
                    states.put(rs.getObject("id", UUID.class), new KennisgevingState(
                            rs.getObject("kennisgeving_reference", UUID.class), rs.getString("kennisgeving_answer"),
                            Timestamps.instant(rs, "kennisgeving_answered_at")));
                });
        return states;
    }

    /** Per claim of the dossier: the creditor's number for the client, as the SHV gave it or its first message stated it. */
    Map<UUID, String> clientNumbersSe(UUID dossierId) {
        Map<UUID, String> numbers = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, coalesce(client_number_at_creditor, client_number_se) from claim
                         where dossier_id = ? order by position
                        """)
                .param(dossierId)
                .query(rs -> {
                    numbers.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return numbers;
    }
}
