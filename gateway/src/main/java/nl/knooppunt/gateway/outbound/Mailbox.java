package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.database.Timestamps.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.privacy.PersonalDataAudit;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.registry.Participant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pull-style creditor's mailbox at the gateway: it fetches its messages a page at a time and
 * confirms them (process agreements 1.1 and 1.2). A fetched message can be fetched again until it is
 * confirmed; unconfirmed messages expire after 5 working days. A creditor only ever sees its own.
 * Every fetch is written to the personal-data audit, per dossier, with the messages handed out.
 */
@Service
public class Mailbox {

    /** What a creditor can be told about a message it confirms. */
    public enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, NOT_FETCHED, EXPIRED, UNKNOWN }

    /** One message from the mailbox. */
    public record Item(long sequence, UUID reference, String messageType, Instant confirmBefore, byte[] payload) {}

    /** One page of the mailbox. */
    public record Page(List<Item> items, boolean more) {}

    private static final String FETCH_ACTION = "fetched from mailbox";

    private final JdbcClient jdbc;
    private final MessageMoves moves;
    private final PersonalDataCipher cipher;
    private final PersonalDataAudit audit;
    private final Clock clock;

    Mailbox(JdbcClient jdbc, MessageMoves moves, PersonalDataCipher cipher, PersonalDataAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The creditor's next messages, oldest first, marked as fetched; who fetched which messages is
     * audited in the same transaction.
     *
     * @param channel how the creditor fetches them (e.g. "soap"), for the audit
     * @param afterSequence continue after this sequence number (the last of the previous page), or null
     * @param includeFetched also messages fetched before and not yet confirmed
     */
    @Transactional
    public Page fetch(Participant creditor, String channel, int max, Long afterSequence, boolean includeFetched) {
        record Row(long sequence, UUID reference, UUID dossierId, String messageType, String status, Instant expiresAt,
                   byte[] payload) {}
        List<Row> rows = jdbc.sql("""
                        select seq, reference, dossier_id, message_type, status, expires_at, payload
                          from outbound_message
                         where recipient_id = :recipient and seq > :after
                           and (status = 'IN_MAILBOX' or (:includeFetched and status = 'FETCHED'))
                         order by seq
                         limit :limit
                           for update
                        """)
                .param("recipient", creditor.id())
                .param("after", afterSequence == null ? 0L : afterSequence)
                .param("includeFetched", includeFetched)
                .param("limit", max + 1)
                .query((rs, n) -> new Row(rs.getLong("seq"), rs.getObject("reference", UUID.class),
                        rs.getObject("dossier_id", UUID.class), rs.getString("message_type"), rs.getString("status"),
                        instant(rs, "expires_at"), rs.getBytes("payload")))
                .list();
        List<Item> items = new ArrayList<>();
        List<UUID> newlyFetched = new ArrayList<>();
        // Fetched again or for the first time, each handed-out message is an access to its dossier's data.
        Map<UUID, List<UUID>> handedOutPerDossier = new LinkedHashMap<>();
        for (Row row : rows.subList(0, Math.min(max, rows.size()))) {
            items.add(new Item(row.sequence(), row.reference(), row.messageType(), row.expiresAt(),
                    cipher.decrypt(row.payload(), Outbox.payloadContext(row.reference()))));
            handedOutPerDossier.computeIfAbsent(row.dossierId(), d -> new ArrayList<>()).add(row.reference());
            if ("IN_MAILBOX".equals(row.status())) {
                newlyFetched.add(row.reference());
            }
        }
        handedOutPerDossier.forEach((dossierId, references) -> audit.recordMessages(creditor.oin().value(),
                PersonalDataAudit.ActorType.PARTICIPANT, dossierId, channel, FETCH_ACTION, references));
        if (!newlyFetched.isEmpty()) {
            moves.move(OutboundStatus.FETCHED, "fetched_at = :at", null, "m.reference in (:refs)",
                    Map.of("refs", newlyFetched), clock.instant());
        }
        return new Page(items, rows.size() > max);
    }

    /** Confirms fetched messages of this creditor; each reference gets its own answer. */
    @Transactional
    public List<Confirmation> confirm(Participant creditor, List<UUID> references) {
        List<Confirmation> confirmations = new ArrayList<>();
        for (UUID reference : references) {
            String status = jdbc.sql("select status from outbound_message where reference = ? and recipient_id = ? for update")
                    .params(reference, creditor.id())
                    .query(String.class)
                    .optional()
                    .orElse(null);
            Confirmation confirmation = status == null ? Confirmation.UNKNOWN : switch (OutboundStatus.valueOf(status)) {
                case FETCHED -> Confirmation.CONFIRMED;
                case CONFIRMED -> Confirmation.ALREADY_CONFIRMED;
                case IN_MAILBOX -> Confirmation.NOT_FETCHED;
                case EXPIRED -> Confirmation.EXPIRED;
                default -> Confirmation.UNKNOWN;
            };
            if (confirmation == Confirmation.CONFIRMED) {
                // The row is locked and FETCHED, so the guarded move cannot miss it.
                moves.move(OutboundStatus.CONFIRMED, "confirmed_at = :at", null, "m.reference = :ref",
                        Map.of("ref", reference), clock.instant());
            }
            confirmations.add(confirmation);
        }
        return confirmations;
    }
}
