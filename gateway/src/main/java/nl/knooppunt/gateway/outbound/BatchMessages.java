package nl.knooppunt.gateway.outbound;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A batch's messages as a stream, read from the database one page at a time (keyset paging on the
 * position, no transaction held open) and decrypted one message at a time: memory use does not
 * grow with the size of the batch.
 */
@Component
public class BatchMessages {

    private final OutboundRepository outbound;
    private final PersonalDataCipher cipher;
    private final int pageSize;

    @Autowired
    BatchMessages(OutboundRepository outbound, PersonalDataCipher cipher, OutboundProperties properties) {
        this(outbound, cipher, properties.pageSize());
    }

    BatchMessages(OutboundRepository outbound, PersonalDataCipher cipher, int pageSize) {
        this.outbound = outbound;
        this.cipher = cipher;
        this.pageSize = pageSize;
    }

    public Stream<OutboundItem> open(UUID batchId) {
        Iterator<OutboundItem> items = new Iterator<>() {
            private int lastPosition;
            private Iterator<OutboundRepository.MemberRow> page = List.<OutboundRepository.MemberRow>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted) {
                    List<OutboundRepository.MemberRow> rows = outbound.membersAfter(batchId, lastPosition, pageSize);
                    exhausted = rows.size() < pageSize;
                    page = rows.iterator();
                }
                return page.hasNext();
            }

            @Override
            public OutboundItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                OutboundRepository.MemberRow row = page.next();
                lastPosition = row.position();
                if (row.payload() == null) {
                    throw new IllegalStateException("Message " + row.reference() + " has no payload (purged)");
                }
                return new OutboundItem(row.reference(), row.conversationReference(), row.crossReference(),
                        row.messageType(), row.dossierId(), row.claimId(),
                        cipher.decrypt(row.payload(), Outbox.payloadContext(row.reference())));
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
