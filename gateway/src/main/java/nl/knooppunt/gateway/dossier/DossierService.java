package nl.knooppunt.gateway.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.privacy.PersonalDataAudit;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantKind;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.PageOf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intake and reading of dossiers. */
@Service
public class DossierService {

    private final DossierRepository dossiers;
    private final ParticipantRepository participants;
    private final StatusService statuses;
    private final StatusHistoryRepository history;
    private final ClientDataCodec clientData;
    private final SubmissionFingerprint fingerprints;
    private final PersonalDataAudit audit;
    private final Clock clock;

    DossierService(DossierRepository dossiers, ParticipantRepository participants, StatusService statuses,
                   StatusHistoryRepository history, ClientDataCodec clientData, SubmissionFingerprint fingerprints,
                   PersonalDataAudit audit, Clock clock) {
        this.dossiers = dossiers;
        this.participants = participants;
        this.statuses = statuses;
        this.history = history;
        this.clientData = clientData;
        this.fingerprints = fingerprints;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a dossier for the submitting SHV, which may only submit for its own organisation.
     *
     * @throws NotAuthorizedException when the dossier names another organisation than the submitter
     * @see #submit(DossierSubmission, String, Cause)
     */
    @Transactional
    public SubmissionResult submitAs(Participant submitter, DossierSubmission submission, String idempotencyKey) {
        if (!submitter.oin().value().equals(submission.shvOin())) {
            throw new NotAuthorizedException("shvOin must be the OIN of the submitting organisation");
        }
        return submit(submission, idempotencyKey, Cause.user(submitter.oin().value()));
    }

    /**
     * Registers a dossier with one claim and one conversation per creditor. Submitting the same
     * dossier again, identical, with the same SHV reference or idempotency key returns the existing
     * one; see {@link SubmissionFingerprint} for what counts as identical.
     *
     * @throws SubmissionRejectedException when the SHV or a creditor is unknown; nothing is stored
     * @throws IdempotencyKeyReusedException when the key was used for a different submission; nothing is stored
     * @throws DuplicateReferenceException when the reference was used for a different submission; nothing is stored
     */
    @Transactional
    public SubmissionResult submit(DossierSubmission submission, String idempotencyKey, Cause cause) {
        Participant shv = participants.findByOin(submission.shvOin())
                .filter(p -> p.active() && p.kind() == ParticipantKind.SHV)
                .orElseThrow(() -> new SubmissionRejectedException(List.of(new FieldProblem(
                        "shvOin", "is not a schuldhulpverlener known to the gateway"))));

        String fingerprint = fingerprints.of(submission);
        Optional<DossierRepository.Existing> existing =
                dossiers.findExisting(shv.id(), submission.shvReference(), idempotencyKey);
        if (existing.isPresent()) {
            return repeated(existing.get(), submission);
        }

        Map<String, Participant> creditors = participants.findActiveByOins(
                submission.claims().stream().map(DossierSubmission.ClaimSubmission::creditorOin).distinct().toList());
        List<FieldProblem> unknown = new ArrayList<>();
        for (int i = 0; i < submission.claims().size(); i++) {
            Participant creditor = creditors.get(submission.claims().get(i).creditorOin());
            if (creditor == null || !creditor.isCreditor()) {
                unknown.add(new FieldProblem(
                        "claims[" + i + "].creditorOin", "is not a creditor known to the gateway"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new SubmissionRejectedException(unknown);
        }

        UUID dossierId = UUID.randomUUID();
        Instant now = clock.instant();
        boolean created = dossiers.insertIfAbsent(dossierId, shv.id(), submission.shvReference(), idempotencyKey,
                fingerprint, submission.settlementType(), DossierStatus.RECEIVED,
                clientData.seal(dossierId, submission.clientData()), now);
        if (!created) {
            // A concurrent submission with this reference or key won the race; it has committed by now.
            return repeated(dossiers.findExisting(shv.id(), submission.shvReference(), idempotencyKey).orElseThrow(),
                    submission);
        }
        statuses.recordCreated(dossierId, null, DossierStatus.RECEIVED.name(), now, cause, "dossier submitted");

        int position = 0;
        for (DossierSubmission.ClaimSubmission claim : submission.claims()) {
            Participant creditor = creditors.get(claim.creditorOin());
            UUID claimId = UUID.randomUUID();
            dossiers.insertClaim(claimId, dossierId, creditor.id(), position++, claim.clientNumberAtCreditor(),
                    claim.invoiceNumbers(), claim.amountKnownToShv(), ClaimStatus.NEW, now);
            dossiers.insertConversation(UUID.randomUUID(), UUID.randomUUID(), dossierId, claimId, shv.id(),
                    creditor.id(), now);
            statuses.recordCreated(dossierId, claimId, ClaimStatus.NEW.name(), now, cause, "claim registered");
        }
        return new SubmissionResult(dossierId, true);
    }

    /**
     * A submission whose reference or idempotency key is taken: only an identical repeat gets the
     * existing dossier; anything else would silently drop what changed.
     */
    private SubmissionResult repeated(DossierRepository.Existing existing, DossierSubmission submission) {
        if (fingerprints.matches(submission, existing.fingerprint())) {
            return new SubmissionResult(existing.id(), false);
        }
        if (existing.byKey()) {
            throw new IdempotencyKeyReusedException();
        }
        throw new DuplicateReferenceException(existing.id());
    }

    /**
     * The dossier as its own SHV sees it: only the SHV that submitted it can read it (to anyone
     * else it does not exist), and the read of its personal data is written to the audit log.
     */
    @Transactional
    public DossierDetails readAsShv(Participant shv, UUID dossierId, String channel) {
        DossierDetails details = get(dossierId);
        if (!details.dossier().shvId().equals(shv.id())) {
            throw new DossierNotFoundException(dossierId);
        }
        if (details.clientData().isPresent()) {
            audit.recordRead(shv.oin().value(), PersonalDataAudit.ActorType.PARTICIPANT, dossierId, channel, "read dossier");
        }
        return details;
    }

    /** The dossier with its claims, history and (until purged) decrypted personal data. */
    @Transactional(readOnly = true)
    public DossierDetails get(UUID dossierId) {
        Dossier dossier = dossiers.findById(dossierId).orElseThrow(() -> new DossierNotFoundException(dossierId));
        Optional<ClientData> client = dossiers.findClientData(dossierId).map(sealed -> clientData.open(dossierId, sealed));
        return new DossierDetails(dossier, client, dossiers.findClaims(dossierId), dossiers.findClaimLines(dossierId),
                history.findByDossier(dossierId));
    }

    @Transactional(readOnly = true)
    public PageOf<DossierSummary> list(DossierQuery query) {
        return dossiers.list(query);
    }
}
