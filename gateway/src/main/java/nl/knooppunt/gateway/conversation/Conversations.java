package nl.knooppunt.gateway.conversation;

import static nl.knooppunt.gateway.database.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finding conversations by claim or by their ConversatieReferentienummer. */
@Repository
public class Conversations {

    private static final String SELECT =
            "select id, conversation_ref, dossier_id, claim_id, shv_id, creditor_id, started_at from conversation";

    private final JdbcClient jdbc;

    Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Conversation> findByClaim(UUID claimId) {
        return jdbc.sql(SELECT + " where claim_id = ?").param(claimId).query(this::map).optional();
    }

    public Optional<Conversation> findByReference(UUID conversationReference) {
        return jdbc.sql(SELECT + " where conversation_ref = ?").param(conversationReference).query(this::map).optional();
    }

    private Conversation map(ResultSet rs, int n) throws SQLException {
        return new Conversation(rs.getObject("id", UUID.class), rs.getObject("conversation_ref", UUID.class),
                rs.getObject("dossier_id", UUID.class), rs.getObject("claim_id", UUID.class),
                rs.getObject("shv_id", UUID.class), rs.getObject("creditor_id", UUID.class), instant(rs, "started_at"));
    }
}
