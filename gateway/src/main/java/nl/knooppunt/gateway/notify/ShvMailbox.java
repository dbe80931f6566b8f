package nl.knooppunt.gateway.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and confirming one SHV's notifications; every query is by the SHV, so another's are invisible. */
@Service
class ShvMailbox {

    /** One page: the documents in sequence order, and the cursor to ask for the next page with. */
    record Page(List<NotificationDocument> documents, long nextCursor, boolean more, long confirmedThrough, long lastSequence) {}

    private final NotificationRepository notifications;
    private final Clock clock;
    /** Reads documents of this and earlier layouts of version 1 (members may be added). */
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    ShvMailbox(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    NotificationRepository.Cursor cursor(UUID shvId) {
        return notifications.cursor(shvId);
    }

    @Transactional(readOnly = true)
    Page read(UUID shvId, long after, int limit) {
        List<NotificationRepository.Row> rows = notifications.page(shvId, after, limit);
        // Read after the page, so that it is never behind it (a notification may commit in between).
        NotificationRepository.Cursor cursor = notifications.cursor(shvId);
        long next = rows.isEmpty() ? after : rows.get(rows.size() - 1).sequence();
        return new Page(rows.stream().map(row -> read(row.payload())).toList(), next,
                next < cursor.lastSequence(), cursor.confirmedThrough(), cursor.lastSequence());
    }

    private NotificationDocument read(String payload) {
        try {
            return json.readValue(payload, NotificationDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored notification cannot be read", e);
        }
    }

    /** Confirms up to and including {@code through}; a lower value than confirmed before changes nothing. */
    @Transactional
    NotificationRepository.Cursor confirm(UUID shvId, long through) {
        notifications.confirm(shvId, through, clock.instant());
        return notifications.cursor(shvId);
    }
}
