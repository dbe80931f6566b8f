package nl.knooppunt.gateway.dossier;

import java.util.List;

/**
 * A well-formed submission that refers to participants the gateway does not know (or that play
 * another role). Nothing was stored.
 */
public class SubmissionRejectedException extends RuntimeException {

    /** One offending field, named by its path in the submission (e.g. {@code claims[2].creditorOin}). */
    public record Violation(String field, String message) {}

    private final List<Violation> violations;

    public SubmissionRejectedException(List<Violation> violations) {
        super("Submission refers to unknown participants: " + violations.size() + " field(s)");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
