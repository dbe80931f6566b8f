package nl.knooppunt.gateway.shvapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.knooppunt.gateway.dossier.DossierQuery;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.dossier.SubmissionResult;
import nl.knooppunt.gateway.outbound.OutboundMessages;
import nl.knooppunt.gateway.registry.Oin;
import nl.knooppunt.gateway.security.ParticipantPrincipal;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.InvalidRequestException;
import nl.knooppunt.gateway.time.TimeProperties;
import nl.knooppunt.gateway.workflow.AnswerDeadlines;
import nl.knooppunt.gateway.workflow.DossierIntake;
import nl.knooppunt.gateway.workflow.DossierWithdrawal;
import nl.knooppunt.gateway.workflow.ProceedWithout;
import nl.knooppunt.gateway.workflow.Kennisgevingen;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SHV REST API v1: submit, read, list and withdraw dossiers. */
@RestController
@RequestMapping(path = "/api/v1/dossiers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dossiers", description = "Submit dossiers and follow the status of every claim. Only for SHVs, "
        + "identified by their client certificate; each SHV sees only its own dossiers.")
class DossierController {

    static final int MAX_PAGE_SIZE = 100;
    static final String CHANNEL = "shv-api";
    /** A structured-field string, as the Idempotency-Key draft has it: printable ASCII, here at most 128. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");
    private static final Pattern REFERENCE = Pattern.compile(SubmitDossierRequest.REFERENCE_PATTERN);

    private final DossierService dossiers;
    private final DossierIntake intake;
    private final OutboundMessages messages;
    private final DossierWithdrawal withdrawal;
    private final Kennisgevingen kennisgevingen;
    /** Calendar dates in filters are dates in the gateway's time zone. */
    private final ZoneId zone;
    // -- deadlines (issue 14, item 9)
    private final AnswerDeadlines deadlines;
    private final ProceedWithout proceedWithout;
    private final Clock clock;

    DossierController(DossierService dossiers, DossierIntake intake, OutboundMessages messages,
                      DossierWithdrawal withdrawal, TimeProperties time, AnswerDeadlines deadlines,
                      ProceedWithout proceedWithout, Clock clock, Kennisgevingen kennisgevingen) {
        this.dossiers = dossiers;
        this.intake = intake;
        this.messages = messages;
        this.withdrawal = withdrawal;
        this.kennisgevingen = kennisgevingen;
        this.zone = time.zone();
        this.deadlines = deadlines;
        this.proceedWithout = proceedWithout;
        this.clock = clock;
    }

    private DossierResponse read(ParticipantPrincipal caller, UUID id) {
        // webhooks (ADR 0016): messages to the SHV itself are its notifications (read at /api/v1/notifications),
        // not messages of the dossier to creditors.
        return DossierApiMapper.toResponse(dossiers.readAsShv(caller.participant(), id, CHANNEL),
                messages.findByDossier(id).stream().filter(m -> !caller.oin().equals(m.recipientOin())).toList(),
                deadlines.ofDossier(id), clock.instant(), zone, kennisgevingen.of(id));
    }

    // -- deadlines (issue 14, item 9)
    @PostMapping("/{id}/claims/{claimId}/proceed-without")
    @Operation(operationId = "proceedWithoutCreditor", summary = "Proceed without a creditor that did not answer",
            description = "For a claim whose answer term ran out (status OVERDUE): the claim becomes PASSED_OVER and "
                    + "no longer keeps the dossier waiting; when no other claim waits, the dossier moves on to "
                    + "PROPOSAL_READY. A late answer of the creditor still counts. Calling it again for a claim "
                    + "passed over already changes nothing and returns the dossier again (200). No request body.")
    @ApiResponse(responseCode = "200", description = "The dossier, with the claim PASSED_OVER")
    @ApiResponse(responseCode = "404", description = "No such dossier of yours, or no such claim in it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The claim is not OVERDUE (still within its term, answered, "
            + "not reached...); type urn:knooppunt:problem:claim-not-overdue; nothing was changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    DossierResponse proceedWithout(@AuthenticationPrincipal ParticipantPrincipal caller, @PathVariable UUID id,
                                   @PathVariable UUID claimId) {
        proceedWithout.passOver(caller.participant(), id, claimId);
        return read(caller, id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitDossier", summary = "Submit a dossier",
            description = "Registers the dossier with one claim and one conversation per creditor, and queues a "
                    + "Saldoverzoek to every creditor (sent on each creditor's schedule). Submitting the same "
                    + "dossier again, identical (same values; layout and field order do not matter), with the same "
                    + "shvReference or the same Idempotency-Key returns the existing dossier with 200 instead of "
                    + "creating a second one. The same Idempotency-Key with a different dossier is refused with 422, "
                    + "the same shvReference with a different dossier with 409; nothing is changed then.")
    @ApiResponse(responseCode = "201", description = "Dossier created")
    @ApiResponse(responseCode = "200", description = "This dossier was submitted before, identical; the existing one is returned")
    @ApiResponse(responseCode = "400", description = "Invalid request; every offending field is named",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "shvOin is not the OIN of your certificate",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "You submitted a different dossier with this shvReference before "
            + "(type urn:knooppunt:problem:duplicate-shv-reference); `dossierId` and `dossier` name the existing one",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The SHV or a creditor is not known to the gateway "
            + "(urn:knooppunt:problem:unknown-participant), or the Idempotency-Key was used before for a different "
            + "dossier (urn:knooppunt:problem:idempotency-key-reused)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<DossierResponse> submit(
            @AuthenticationPrincipal ParticipantPrincipal caller,
            @Valid @RequestBody SubmitDossierRequest request,
            @Parameter(description = "Client-chosen key (1 to 128 printable ASCII characters) that makes a retried "
                    + "submission safe. A retry must repeat the request exactly; a new or corrected dossier needs a new key.")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches())) {
            throw new InvalidRequestException(List.of(
                    new FieldProblem("Idempotency-Key", "must be 1 to 128 printable ASCII characters")));
        }
        SubmissionResult result = intake.submit(caller.participant(), DossierApiMapper.toSubmission(request),
                idempotencyKey);
        DossierResponse body = read(caller, result.dossierId());
        URI location = URI.create("/api/v1/dossiers/" + result.dossierId());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(body);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDossier", summary = "Read one dossier", description = "The dossier with the status of every claim and its full status history.")
    @ApiResponse(responseCode = "200", description = "The dossier")
    @ApiResponse(responseCode = "404", description = "No such dossier of yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    DossierResponse get(@AuthenticationPrincipal ParticipantPrincipal caller, @PathVariable UUID id) {
        return read(caller, id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(operationId = "withdrawDossier", summary = "Withdraw a dossier",
            description = "Ends the dossier before agreement and closes it (the retention period of its personal data "
                    + "starts). Its messages that have not reached a creditor are cancelled: queued, unfetched in a "
                    + "mailbox, dead or expired. Every claim moves to WITHDRAWN. Every creditor that has (or may have) "
                    + "had a message of the dossier is told with a Statusbericht SHV DOSSIER_GESLOTEN. Withdrawing a "
                    + "withdrawn dossier again returns it unchanged.")
    @ApiResponse(responseCode = "200", description = "The dossier, withdrawn")
    @ApiResponse(responseCode = "404", description = "No such dossier of yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The dossier is agreed or closed otherwise; nothing was changed "
            + "(urn:knooppunt:problem:conflict)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    DossierResponse withdraw(@AuthenticationPrincipal ParticipantPrincipal caller, @PathVariable UUID id) {
        withdrawal.withdraw(caller.participant(), id);
        return read(caller, id);
    }

    @GetMapping
    @Operation(operationId = "listDossiers", summary = "List dossiers", description = "Newest first, filtered and paged.")
    @ApiResponse(responseCode = "200", description = "One page of dossiers")
    @ApiResponse(responseCode = "400", description = "Invalid filter or page",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    DossierPageResponse list(
            @AuthenticationPrincipal ParticipantPrincipal caller,
            @Parameter(description = "Only dossiers in one of these statuses.") @RequestParam(required = false) List<String> status,
            @Parameter(description = "Only the dossier with this SHV reference.") @RequestParam(required = false) String shvReference,
            @Parameter(description = "Only dossiers with a claim of this creditor (OIN).") @RequestParam(required = false) String creditorOin,
            @Parameter(description = "Submitted on or after this date (Dutch time).") @RequestParam(required = false) LocalDate submittedFrom,
            @Parameter(description = "Submitted on or before this date (Dutch time).") @RequestParam(required = false) LocalDate submittedTo,
            @Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100.") @RequestParam(defaultValue = "20") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<DossierStatus> statuses = EnumSet.noneOf(DossierStatus.class);
        for (String s : status == null ? List.<String>of() : status) {
            try {
                statuses.add(DossierStatus.valueOf(s));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "'" + s + "' is not a dossier status; use one of "
                        + EnumSet.allOf(DossierStatus.class)));
            }
        }
        if (shvReference != null && (shvReference.length() > SubmitDossierRequest.REFERENCE_MAX
                || !REFERENCE.matcher(shvReference).matches())) {
            problems.add(new FieldProblem("shvReference", "is not a possible shvReference: "
                    + SubmitDossierRequest.REFERENCE_RULE + ", at most " + SubmitDossierRequest.REFERENCE_MAX));
        }
        if (creditorOin != null && !Oin.isValid(creditorOin)) {
            problems.add(new FieldProblem("creditorOin", "must be an OIN of exactly 20 digits"));
        }
        if (submittedFrom != null && submittedTo != null && submittedTo.isBefore(submittedFrom)) {
            problems.add(new FieldProblem("submittedTo", "must not be before submittedFrom"));
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        DossierQuery query = new DossierQuery(caller.participant().id(), statuses, shvReference, creditorOin,
                submittedFrom == null ? null : submittedFrom.atStartOfDay(zone).toInstant(),
                submittedTo == null ? null : submittedTo.plusDays(1).atStartOfDay(zone).toInstant(),
                page, size);
        return DossierApiMapper.toPage(dossiers.list(query));
    }
}
