package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;
import java.util.List;

/** SHV to each SE: the settlement is agreed (after "SbEnSk Regeling geaccordeerd 2.0"). */
public record SchuldregelingAkkoord(LocalDate datumAkkoord, String klantnummerSE, String klantnummerSHV,
                                    TypeSchuldregeling typeSchuldregeling, Uitbetaalmomenten uitbetaalmomenten,
                                    List<VorderingAkkoord> vorderingen) implements MessageBody {

    public SchuldregelingAkkoord {
        Check.date(datumAkkoord, "DatumAkkoord", true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, true);
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.required(typeSchuldregeling, "TypeSchuldregeling");
        vorderingen = Check.list(vorderingen, "Vorderingen", 1);
    }

    @Override
    public MessageType messageType() {
        return MessageType.SCHULDREGELING_AKKOORD;
    }
}
