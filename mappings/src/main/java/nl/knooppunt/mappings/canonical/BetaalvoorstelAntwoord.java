package nl.knooppunt.mappings.canonical;

/**
 * SE to SHV, answers Betaalvoorstel or Heroverweging: {@link Beslissing#AKKOORD}, or
 * {@link Beslissing#AFGEWEZEN} with an {@link Afwijzingsreden}.
 */
public record BetaalvoorstelAntwoord(String klantnummerSHV, String klantnummerSE, Beslissing beslissing,
                                     Afwijzingsreden afwijzingsreden, String toelichting,
                                     Contactpersoon contactpersoon) implements MessageBody {

    public BetaalvoorstelAntwoord {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, false);
        Check.required(beslissing, "Beslissing");
        if (beslissing == Beslissing.AFGEWEZEN) {
            Check.that(afwijzingsreden != null, "Afwijzingsreden", "is required when Beslissing is AFGEWEZEN");
        } else {
            Check.that(afwijzingsreden == null, "Afwijzingsreden", "must be absent when Beslissing is AKKOORD");
        }
        Check.text(toelichting, "Toelichting", Check.TOELICHTING_MAX, false);
        Check.that(afwijzingsreden != Afwijzingsreden.OVERIG || toelichting != null, "Toelichting",
                "is required when Afwijzingsreden is OVERIG");
    }

    @Override
    public MessageType messageType() {
        return MessageType.BETAALVOORSTEL_ANTWOORD;
    }
}
