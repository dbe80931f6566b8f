package nl.knooppunt.gateway.dossier;

import java.util.UUID;

/**
 * The outcome of a submission.
 *
 * @param dossierId the new dossier, or the existing one for a repeated submission
 * @param created false when the submission repeated an earlier one (same reference or idempotency key)
 */
public record SubmissionResult(UUID dossierId, boolean created) {}
