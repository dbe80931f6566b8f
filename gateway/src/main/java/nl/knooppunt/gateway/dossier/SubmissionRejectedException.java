package nl.knooppunt.gateway.dossier;

import java.util.List;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.Refusal;

/**
 * A well-formed submission that refers to participants the gateway does not know (or that play
 * another role). Nothing was stored.
 */
public class SubmissionRejectedException extends Refusal {

    public SubmissionRejectedException(List<FieldProblem> violations) {
        super(Kind.UNPROCESSABLE, "unknown-participant", "Unknown participant",
                "The dossier refers to participants the gateway does not know.", violations);
    }
}
