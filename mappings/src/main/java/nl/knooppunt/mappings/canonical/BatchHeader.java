package nl.knooppunt.mappings.canonical;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The header of a batch: many messages for one recipient.
 *
 * @param batchId      identifier of the batch, minted by the sender
 * @param ontvangerOin OIN of the recipient; every message in the batch is addressed to it
 * @param aangemaakt   creation time of the batch
 * @param aantal       number of messages; readers and writers fail when the actual count differs
 */
public record BatchHeader(UUID batchId, String ontvangerOin, OffsetDateTime aangemaakt, int aantal) {

    public BatchHeader {
        Check.required(batchId, "BatchId");
        Check.pattern(ontvangerOin, "OntvangerOin", Check.OIN, "an OIN of exactly 20 digits", true);
        Check.dateTime(aangemaakt, "Aangemaakt", true);
        Check.that(aantal >= 0, "Aantal", "must not be negative, was " + aantal);
    }
}
