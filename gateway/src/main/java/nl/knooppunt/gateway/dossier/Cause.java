package nl.knooppunt.gateway.dossier;

import java.util.Objects;

/** Why a status changed: the message, user or system event behind it. */
public record Cause(CauseType type, String reference) {

    public Cause {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
    }

    public static Cause message(Object referentienummer) {
        return new Cause(CauseType.MESSAGE, referentienummer.toString());
    }

    public static Cause user(String who) {
        return new Cause(CauseType.USER, who);
    }

    public static Cause system(String what) {
        return new Cause(CauseType.SYSTEM, what);
    }
}
