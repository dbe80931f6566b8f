package nl.knooppunt.gateway.dossier;

/**
 * The Idempotency-Key was used before for a different submission: a retry must repeat its request
 * exactly, and a corrected or new submission needs a new key. Nothing was stored.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key reused for a different submission");
    }
}
