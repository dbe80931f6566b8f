package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

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
    private final PersonalDataCipher cipher;
    private final PersonalDataAudit audit;
    private final Clock clock;

    Mailbox(JdbcClient jdbc, PersonalDataCipher cipher, PersonalDataAudit audit, Clock clock) {
        this.jdbc = jdbc;
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
                         where creditor_id = :creditor and seq > :after
                           and (status = 'IN_MAILBOX' or (:includeFetched and status = 'FETCHED'))
                         order by seq
                         limit :limit
                           for update
                        """)
                .param("creditor", creditor.id())
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
            jdbc.sql("update outbound_message set status = 'FETCHED', fetched_at = :now, updated_at = :now "
                            + "where reference in (:refs) and status = 'IN_MAILBOX'")
                    .param("refs", newlyFetched)
                    .param("now", utc(clock.instant()))
                    .update();
        }
        return new Page(items, rows.size() > max);
    }

    /** Confirms fetched messages of this creditor; each reference gets its own answer. */
    @Transactional
    public List<Confirmation> confirm(Participant creditor, List<UUID> references) {
        List<Confirmation> confirmations = new ArrayList<>();
        for (UUID reference : references) {
            String status = jdbc.sql("select status from outbound_message where reference = ? and creditor_id = ? for update")
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
                OutboundStatus.TRANSITIONS.check(OutboundStatus.FETCHED, OutboundStatus.CONFIRMED);
                jdbc.sql("update outbound_message set status = 'CONFIRMED', confirmed_at = :now, updated_at = :now "
                                + "where reference = :ref")
                        .param("ref", reference)
                        .param("now", utc(clock.instant()))
                        .update();
            }
            confirmations.add(confirmation);
        }
        return confirmations;
    }
}
