package nl.knooppunt.mappings.canonical;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The Stuurgegevens every message carries.
 *
 * @param referentienummer            identifier of this message, minted by the sender
 * @param conversatieReferentienummer identifier of the conversation
 * @param crossReferentienummer       Referentienummer of the message answered; null when not an answer
 * @param versie                      version of the message definition, {@code 2.x}
 * @param berichttype                 the message type
 * @param afzenderOin                 OIN of the sender (20 digits)
 * @param ontvangerOin                OIN of the recipient (20 digits)
 * @param aangemaakt                  creation time, with offset
 */
public record Header(UUID referentienummer, UUID conversatieReferentienummer, UUID crossReferentienummer,
                     String versie, MessageType berichttype, String afzenderOin, String ontvangerOin,
                     OffsetDateTime aangemaakt) {

    /** The version this module writes. */
    public static final String CURRENT_VERSIE = "2.0";

    public Header {
        Check.required(referentienummer, "Referentienummer");
        Check.required(conversatieReferentienummer, "ConversatieReferentienummer");
        Check.pattern(versie, "Versie", Check.VERSIE, "a version 2.x, e.g. 2.0", true);
        Check.required(berichttype, "Berichttype");
        Check.pattern(afzenderOin, "AfzenderOin", Check.OIN, "an OIN of exactly 20 digits", true);
        Check.pattern(ontvangerOin, "OntvangerOin", Check.OIN, "an OIN of exactly 20 digits", true);
        Check.dateTime(aangemaakt, "Aangemaakt", true);
        switch (berichttype.crossReference()) {
            case REQUIRED -> Check.that(crossReferentienummer != null, "CrossReferentienummer",
                    "is required: " + berichttype.code() + " answers " + codes(berichttype));
            case FORBIDDEN -> Check.that(crossReferentienummer == null, "CrossReferentienummer",
                    "must be absent: " + berichttype.code() + " answers no message");
            case OPTIONAL -> { }
        }
        Check.that(!referentienummer.equals(crossReferentienummer), "CrossReferentienummer",
                "must differ from Referentienummer: a message cannot answer itself");
    }

    private static String codes(MessageType type) {
        return type.answers().stream().map(MessageType::code).sorted().toList().toString();
    }
}
