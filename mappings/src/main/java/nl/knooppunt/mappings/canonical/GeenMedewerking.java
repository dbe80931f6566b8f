package nl.knooppunt.mappings.canonical;

/** SE to SHV, answers Kennisgeving (Publiek) or Saldoverzoek: the creditor will not cooperate, and why. */
public record GeenMedewerking(String klantnummerSHV, RedenGeenMedewerking reden, String toelichting,
                              Contactpersoon contactpersoon) implements MessageBody {

    public GeenMedewerking {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.required(reden, "Reden");
        Check.text(toelichting, "Toelichting", Check.TOELICHTING_MAX, false);
    }

    @Override
    public MessageType messageType() {
        return MessageType.GEEN_MEDEWERKING;
    }
}
