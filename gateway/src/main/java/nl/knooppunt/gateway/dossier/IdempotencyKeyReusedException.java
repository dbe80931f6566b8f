package nl.knooppunt.gateway.dossier;

import java.util.List;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.Refusal;

/**
 * The Idempotency-Key was used before for a different submission: a retry must repeat its request
 * exactly, and a corrected or new submission needs a new key. Nothing was stored. A 422, as the
 * IETF Idempotency-Key draft prescribes for a key reused with another request body.
 */
public class IdempotencyKeyReusedException extends Refusal {

    public IdempotencyKeyReusedException() {
        super(Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was used before for a different submission; nothing was changed. "
                        + "Repeat a request exactly, or use a new key for a new or corrected one.",
                List.of(new FieldProblem("Idempotency-Key", "was used before for a different submission")));
    }
}
