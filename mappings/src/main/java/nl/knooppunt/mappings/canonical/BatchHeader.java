package nl.knooppunt.mappings.canonical;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The header of a batch: many messages for one recipient.
 *
 * @param batchId      identifier of the batch, minted by the sender
 * @param ontvangerOin OIN of the recipient; every message in the batch is addressed to it
 * @param aangemaakt   creation time of the batch
 * @param aantal       number of messages in this document (the batch, or this part of it); readers and
 *                     writers fail when the actual count differs
 * @param deel         for a batch sent in parts: the number of this part, from 1; else null
 * @param aantalDelen  with {@code deel}: how many parts the batch has
 */
public record BatchHeader(UUID batchId, String ontvangerOin, OffsetDateTime aangemaakt, int aantal, Integer deel,
                          Integer aantalDelen) {

    public BatchHeader {
        Check.required(batchId, "BatchId");
        Check.pattern(ontvangerOin, "OntvangerOin", Check.OIN, "an OIN of exactly 20 digits", true);
        Check.dateTime(aangemaakt, "Aangemaakt", true);
        Check.that(aantal >= 0, "Aantal", "must not be negative, was " + aantal);
        Check.that((deel == null) == (aantalDelen == null), "Deel", "comes with AantalDelen, and only with it");
        if (deel != null) {
            Check.that(aantalDelen >= 1, "AantalDelen", "must be at least 1, was " + aantalDelen);
            Check.that(deel >= 1 && deel <= aantalDelen, "Deel",
                    "must be between 1 and AantalDelen (" + aantalDelen + "), was " + deel);
        }
    }

    /** The header of a batch sent whole, in one document. */
    public BatchHeader(UUID batchId, String ontvangerOin, OffsetDateTime aangemaakt, int aantal) {
        this(batchId, ontvangerOin, aangemaakt, aantal, null, null);
    }
}
