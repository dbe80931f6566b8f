package nl.knooppunt.gateway.dossier;

/** The caller is known but may not do this; nothing was changed. */
public class NotAuthorizedException extends RuntimeException {

    public NotAuthorizedException(String reason) {
        super(reason);
    }
}
