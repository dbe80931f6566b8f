package nl.knooppunt.gateway.dossier;

import nl.knooppunt.gateway.shared.Refusal;

/** The caller is known but may not do this; nothing was changed. */
public class NotAuthorizedException extends Refusal {

    public NotAuthorizedException(String reason) {
        super(Kind.FORBIDDEN, "forbidden", "Forbidden", reason + "; nothing was changed.");
    }
}
