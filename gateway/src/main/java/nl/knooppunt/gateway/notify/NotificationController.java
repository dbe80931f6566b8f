package nl.knooppunt.gateway.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.security.ParticipantPrincipal;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SHV's mailbox (ADR 0016): every notification of the authenticated SHV, in sequence order, paged
 * with a cursor, and confirmed up to a sequence number. Confirmed notifications stay readable.
 */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Every claim and dossier status change and every accepted creditor "
        + "answer of your dossiers, in order: the same documents the webhook sends. Only for SHVs, identified by "
        + "their client certificate; each SHV sees only its own.")
class NotificationController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final ShvMailbox mailbox;

    NotificationController(ShvMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Schema(name = "NotificationPage")
    record NotificationPage(
            @Schema(description = "The notifications after the cursor, in sequence order; each is the JSON document "
                    + "the webhook sends (docs/workflow.md).") List<NotificationDocument> items,
            @Schema(description = "Pass as `after` to read the next page; the same cursor when there was nothing new.")
            String nextCursor,
            @Schema(description = "Whether notifications after nextCursor exist now.") boolean hasMore,
            @Schema(description = "Every notification with a sequence up to this one is confirmed.") long confirmedThrough,
            @Schema(description = "The sequence of your latest notification (0: none yet).") long lastSequence) {}

    @Schema(name = "NotificationConfirmation")
    record Confirmation(
            @Schema(description = "Confirm every notification up to and including this sequence number "
                    + "(a nextCursor or an item's sequence).", example = "42") Long through) {}

    @Schema(name = "NotificationCursor")
    record CursorResponse(long confirmedThrough, long lastSequence) {}

    @GetMapping
    @Operation(operationId = "listNotifications", summary = "Read your notifications after a cursor",
            description = "Oldest first. Without `after`, starts after the last confirmed notification, so a client "
                    + "that confirms what it processed gets only what is new. Confirmed notifications stay readable: "
                    + "`after=0` reads everything from the start.")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "A cursor that is not a sequence number of yours, or a limit out "
            + "of range (urn:knooppunt:problem:validation-error)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    NotificationPage list(
            @AuthenticationPrincipal ParticipantPrincipal caller,
            @Parameter(description = "Cursor: the sequence number after which to read (a nextCursor).")
            @RequestParam(required = false) String after,
            @Parameter(description = "At most this many, 1 to 500; default 100.")
            @RequestParam(required = false) String limit) {
        UUID shv = caller.participant().id();
        NotificationRepository.Cursor cursor = mailbox.cursor(shv);
        List<FieldProblem> problems = new ArrayList<>();
        long from = after == null ? cursor.confirmedThrough() : sequence("after", after, cursor, problems);
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.trim());
                if (size < 1 || size > MAX_LIMIT) {
                    problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ShvMailbox.Page page = mailbox.read(shv, from, size);
        return new NotificationPage(page.documents(), Long.toString(page.nextCursor()), page.more(),
                page.confirmedThrough(), page.lastSequence());
    }

    @PostMapping(path = "/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "confirmNotifications", summary = "Confirm your notifications up to a sequence number",
            description = "Idempotent: confirming up to a number confirmed before changes nothing.")
    @ApiResponse(responseCode = "200", description = "How far you confirmed")
    @ApiResponse(responseCode = "400", description = "`through` missing, negative, or beyond your latest notification "
            + "(urn:knooppunt:problem:validation-error)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    CursorResponse confirm(@AuthenticationPrincipal ParticipantPrincipal caller, @RequestBody Confirmation request) {
        UUID shv = caller.participant().id();
        NotificationRepository.Cursor cursor = mailbox.cursor(shv);
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null || request.through() == null) {
            problems.add(new FieldProblem("through", "is required"));
        } else {
            sequence("through", request.through().toString(), cursor, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        NotificationRepository.Cursor now = mailbox.confirm(shv, request.through());
        return new CursorResponse(now.confirmedThrough(), now.lastSequence());
    }

    /** A cursor: 0 (before the first) up to the SHV's latest sequence number. */
    private static long sequence(String field, String value, NotificationRepository.Cursor cursor,
                                 List<FieldProblem> problems) {
        long sequence;
        try {
            sequence = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a sequence number (a whole number of 0 or more)"));
            return 0;
        }
        if (sequence < 0) {
            problems.add(new FieldProblem(field, "must be 0 or more"));
        } else if (sequence > cursor.lastSequence()) {
            problems.add(new FieldProblem(field, "is beyond your latest notification (" + cursor.lastSequence() + ")"));
        }
        return sequence;
    }
}
