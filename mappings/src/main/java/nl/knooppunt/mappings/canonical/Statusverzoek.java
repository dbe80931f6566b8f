package nl.knooppunt.mappings.canonical;

/** SE to SHV: asks for the status of the case; answered by Statusbericht SHV. */
public record Statusverzoek(String klantnummerSHV, String klantnummerSE, String vraag,
                            Contactpersoon contactpersoon) implements MessageBody {

    public Statusverzoek {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, false);
        Check.text(vraag, "Vraag", Check.TOELICHTING_MAX, false);
    }

    @Override
    public MessageType messageType() {
        return MessageType.STATUSVERZOEK;
    }
}
