package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;
import java.util.List;

/** SE to SHV: a change at the creditor's side, with the claims as they are now when those changed. */
public record StatusberichtSE(String klantnummerSHV, String klantnummerSE, StatuscodeSE statuscode,
                              LocalDate statusdatum, String toelichting,
                              List<VorderingSE> vorderingen) implements MessageBody {

    public StatusberichtSE {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, false);
        Check.required(statuscode, "Statuscode");
        Check.date(statusdatum, "Statusdatum", true);
        Check.text(toelichting, "Toelichting", Check.TOELICHTING_MAX, false);
        vorderingen = Check.list(vorderingen, "Vorderingen", 0);
    }

    @Override
    public MessageType messageType() {
        return MessageType.STATUSBERICHT_SE;
    }
}
