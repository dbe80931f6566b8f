package nl.knooppunt.gateway.outbound.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.outbound.DeliveryAttemptView;
import nl.knooppunt.gateway.outbound.OutboundMessageNotFoundException;
import nl.knooppunt.gateway.outbound.OutboundMessageView;
import nl.knooppunt.gateway.outbound.OutboundMessages;
import nl.knooppunt.gateway.registry.Oin;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.InvalidRequestException;
import nl.knooppunt.gateway.shared.PageOf;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: dead letters and expired messages — inspect every attempt, resubmit or discard. */
@RestController
@RequestMapping(path = "/operator/api/v1/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dead letters", description = "Messages that could not be delivered, for operators.")
class DeadLetterController {

    private final OutboundMessages messages;

    DeadLetterController(OutboundMessages messages) {
        this.messages = messages;
    }

    @Schema(name = "DeadLetterPage")
    record DeadLetterPage(List<OutboundMessageView> items, int page, int size, long totalItems, long totalPages) {}

    @Schema(name = "DeadLetter")
    record DeadLetter(OutboundMessageView message, List<DeliveryAttemptView> attempts) {}

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "List dead letters and expired messages, oldest first")
    DeadLetterPage list(@RequestParam(required = false) String recipientOin,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (recipientOin != null && !Oin.isValid(recipientOin)) {
            problems.add(new FieldProblem("recipientOin", "must be an OIN of exactly 20 digits"));
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > 500) {
            problems.add(new FieldProblem("size", "must be between 1 and 500"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        PageOf<OutboundMessageView> result = messages.deadLetters(recipientOin, page, size);
        return new DeadLetterPage(result.items(), result.page(), result.size(), result.totalItems(), result.totalPages());
    }

    @GetMapping("/{reference}")
    @Operation(operationId = "getDeadLetter", summary = "One message with every delivery attempt")
    DeadLetter get(@PathVariable UUID reference) {
        OutboundMessageView message = messages.find(reference)
                .orElseThrow(() -> new OutboundMessageNotFoundException(reference));
        return new DeadLetter(message, messages.attempts(reference));
    }

    @PostMapping("/{reference}/resubmit")
    @Operation(operationId = "resubmitDeadLetter", summary = "Send the message again with the creditor's next batch (same Referentienummer)")
    OutboundMessageView resubmit(@PathVariable UUID reference, HttpServletRequest request) {
        return messages.resubmit(reference, actor(request));
    }

    @PostMapping("/{reference}/discard")
    @Operation(operationId = "discardDeadLetter", summary = "Give up on the message for good")
    OutboundMessageView discard(@PathVariable UUID reference, HttpServletRequest request) {
        return messages.discard(reference, actor(request));
    }

    private static String actor(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "operator@" + request.getRemoteAddr() : principal.getName();
    }
}
