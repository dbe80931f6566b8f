package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;

/** SHV to SE: status of the case, unsolicited or answering a Statusverzoek. */
public record StatusberichtSHV(String klantnummerSHV, String klantnummerSE, StatuscodeSHV statuscode,
                               LocalDate statusdatum, LocalDate verwachteVervolgdatum,
                               String toelichting) implements MessageBody {

    public StatusberichtSHV {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, false);
        Check.required(statuscode, "Statuscode");
        Check.date(statusdatum, "Statusdatum", true);
        Check.date(verwachteVervolgdatum, "VerwachteVervolgdatum", false);
        Check.text(toelichting, "Toelichting", Check.TOELICHTING_MAX, false);
    }

    @Override
    public MessageType messageType() {
        return MessageType.STATUSBERICHT_SHV;
    }
}
