package nl.knooppunt.gateway.channel.rest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.gateway.channel.rest.api.CreditorApiBodies.BatchResults;
import nl.knooppunt.gateway.channel.rest.api.CreditorApiBodies.ConfirmationRequest;
import nl.knooppunt.gateway.channel.rest.api.CreditorApiBodies.ConfirmationResult;
import nl.knooppunt.gateway.channel.rest.api.CreditorApiBodies.ConfirmationResults;
import nl.knooppunt.gateway.channel.rest.api.CreditorApiBodies.MailboxMessage;
import nl.knooppunt.gateway.channel.rest.api.CreditorApiBodies.MailboxPage;
import nl.knooppunt.gateway.channel.rest.api.CreditorApiBodies.MessageResult;
import nl.knooppunt.gateway.channel.rest.api.CreditorApiBodies.SubmitBatchRequest;
import nl.knooppunt.gateway.inbound.InboundDoor;
import nl.knooppunt.gateway.inbound.InboundItem;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import nl.knooppunt.gateway.inbound.InboundResult;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.Mailbox;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.security.ParticipantPrincipal;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.InvalidRequestException;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's REST API for creditors: the REST form of what the SOAP service offers. It only
 * turns JSON into {@link InboundItem}s and results back into JSON; every rule about a creditor's
 * messages (who may answer what, replays, batch modes, one transaction per call) is the
 * {@link InboundDoor}'s, and the mailbox is the {@link Mailbox}'s, so both channels behave alike.
 * Only creditors get here (see the participant port's security); the caller is the organisation of
 * the client certificate. Bodies are read up to a limit before anything parses them.
 */
@RestController
@RequestMapping(path = CreditorApiController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Creditor API", description = "Answer the gateway's messages, one at a time or in batches, and pull "
        + "your mailbox. Only for creditors, identified by their client certificate; each creditor sees and answers "
        + "only its own conversations.")
class CreditorApiController {

    static final String BASE = "/api/v1/creditor";
    static final String CHANNEL = "rest";
    private static final String PROBLEM = "application/problem+json";

    private final InboundDoor inbound;
    private final Mailbox mailbox;
    private final MessageXml xml;
    private final ObjectMapper json;
    private final CreditorApiProperties limits;
    private final JsonMessageCodec codec;
    private final BatchRequestReader batches;

    CreditorApiController(InboundDoor inbound, Mailbox mailbox, MessageXml xml, ObjectMapper json,
                          CreditorApiProperties limits) {
        this.inbound = inbound;
        this.mailbox = mailbox;
        this.xml = xml;
        this.json = json;
        this.limits = limits;
        this.codec = new JsonMessageCodec(new MappingLimits(limits.maxMessageBytes().toBytes(),
                limits.maxBatchBytes().toBytes(), limits.maxBatchMessages()));
        this.batches = new BatchRequestReader(codec, limits.maxBatchMessages());
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitMessage", summary = "Send one message",
            description = "One message in the contract's JSON form, e.g. a SaldoverzoekAntwoord. Sending the same "
                    + "message again (same Referentienummer) returns the original result with replay=true and 200; "
                    + "nothing is processed again. A refused message changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(ref = CreditorApiBodies.BERICHT))))
    @ApiResponse(responseCode = "201", description = "Accepted and processed")
    @ApiResponse(responseCode = "200", description = "Received before: the original result (replay=true)")
    @ApiResponse(responseCode = "400", description = "The message breaks the contract "
            + "(urn:knooppunt:problem:inbound-schema-invalid); `errors` names the field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not yours to send: another creditor's conversation, another "
            + "sender's OIN or Referentienummer, a message type creditors do not send "
            + "(urn:knooppunt:problem:inbound-not-authorized); a Saldoverzoek antwoord vooraf akkoord without a "
            + "convenant for the settlement type valid today (urn:knooppunt:problem:inbound-no-convenant); or your "
            + "certificate is not a creditor's (urn:knooppunt:problem:forbidden)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation, or no such message of yours to answer "
            + "(urn:knooppunt:problem:inbound-unknown-conversation)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "This message may not answer that one, it was not delivered to "
            + "you yet, or it was answered already (urn:knooppunt:problem:inbound-reply-not-permitted)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "A business key (KlantnummerSHV, KlantnummerSE) does not match "
            + "the conversation (urn:knooppunt:problem:inbound-business-key-mismatch); the detail names the field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body over the limit (urn:knooppunt:problem:request-too-large)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MessageResult> submitMessage(@AuthenticationPrincipal ParticipantPrincipal caller,
                                                HttpServletRequest request) {
        byte[] body = RequestBody.read(request, limits.maxMessageBytes().toBytes());
        FieldProblem unreadable = null;
        InboundItem item;
        try {
            item = InboundItem.of(codec.read(new ByteArrayInputStream(body)));
        } catch (ContractViolationException invalid) {
            item = InboundItem.unreadable(invalid.referentienummer(), invalid.getMessage());
            unreadable = new FieldProblem(invalid.field() == null ? "body" : invalid.field(), invalid.reason());
        } catch (InvalidFieldException invalid) {
            item = InboundItem.unreadable(null, invalid.getMessage());
            unreadable = new FieldProblem(invalid.field(), invalid.reason());
        }
        InboundResult result;
        try {
            result = inbound.receive(creditor(caller), item, CHANNEL);
        } catch (InboundRejectedException refused) {
            throw unreadable == null ? refused : new UnreadableMessageException(refused, unreadable);
        }
        return ResponseEntity.status(result.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(MessageResult.of(result));
    }

    @PostMapping(path = "/batches", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitBatch", summary = "Send many messages",
            description = "Each message gets its own result, in order. With allOrNothing=false each message stands on "
                    + "its own: the accepted ones are kept. With allOrNothing=true the batch is applied whole or not at "
                    + "all: when any message is refused nothing is applied, every refused message carries its error and "
                    + "the others are NOT_PROCESSED; send the corrected batch again. Messages received before are "
                    + "replays with their original result. The response is 200 whatever the results; a 4xx means the "
                    + "request as a whole was refused and nothing was looked at.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = SubmitBatchRequest.class))))
    @ApiResponse(responseCode = "200", description = "One result per message")
    @ApiResponse(responseCode = "400", description = "The body is not JSON or the envelope is wrong (an unknown field, "
            + "no messages, too many messages); `errors` names the field. Nothing was changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body over the limit (urn:knooppunt:problem:request-too-large)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    BatchResults submitBatch(@AuthenticationPrincipal ParticipantPrincipal caller, HttpServletRequest request) {
        BatchRequestReader.Batch batch = batches.read(RequestBody.read(request, limits.maxBatchBytes().toBytes()));
        Participant sender = creditor(caller);
        List<InboundResult> results = batch.allOrNothing()
                ? inbound.receiveAllOrNothing(sender, batch.items(), CHANNEL)
                : inbound.receiveEach(sender, batch.items(), CHANNEL);
        return new BatchResults(batch.allOrNothing(), results.stream().allMatch(r -> r.outcome() == InboundOutcome.ACCEPTED),
                results.stream().map(MessageResult::of).toList());
    }

    @GetMapping("/mailbox")
    @Operation(operationId = "fetchMailbox", summary = "Fetch your mailbox",
            description = "Your next messages, oldest first, in the contract's JSON form. Fetched messages are not "
                    + "returned again unless includeFetched=true, and must be confirmed before confirmBefore. Page "
                    + "through with after=<next> while more is true.")
    @ApiResponse(responseCode = "200", description = "One page of messages")
    @ApiResponse(responseCode = "400", description = "Invalid parameter; `errors` names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    MailboxPage fetchMailbox(
            @AuthenticationPrincipal ParticipantPrincipal caller,
            @Parameter(description = "Cursor: the `next` of the previous page; absent for the first page.")
            @RequestParam(required = false) Long after,
            @Parameter(description = "At most this many messages, 1 to the configured maximum (default 500).")
            @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "Also messages fetched before and not yet confirmed.")
            @RequestParam(defaultValue = "false") boolean includeFetched) {
        List<FieldProblem> problems = new ArrayList<>();
        if (after != null && after < 0) {
            problems.add(new FieldProblem("after", "must be 0 or more"));
        }
        if (limit < 1 || limit > limits.maxPageSize()) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + limits.maxPageSize()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Mailbox.Page page = mailbox.fetch(creditor(caller), CHANNEL, limit, after, includeFetched);
        List<MailboxMessage> messages = page.items().stream()
                .map(item -> MailboxMessage.of(item, contractJson(item.payload()))).toList();
        Long next = messages.isEmpty() ? after : Long.valueOf(messages.get(messages.size() - 1).sequence());
        return new MailboxPage(messages, page.more(), next);
    }

    @PostMapping(path = "/mailbox/confirmations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "confirmMessages", summary = "Confirm fetched messages",
            description = "Confirms that you fetched and processed these messages; each reference gets its own "
                    + "outcome. Confirming again is harmless (ALREADY_CONFIRMED).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ConfirmationRequest.class))))
    @ApiResponse(responseCode = "200", description = "One outcome per reference")
    @ApiResponse(responseCode = "400", description = "Invalid request; `errors` names the field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body over the limit (urn:knooppunt:problem:request-too-large)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ConfirmationResults confirmMessages(
            @AuthenticationPrincipal ParticipantPrincipal caller, HttpServletRequest request) {
        ConfirmationRequest confirmation = confirmationOf(request);
        if (confirmation.references() == null || confirmation.references().isEmpty()
                || confirmation.references().size() > limits.maxPageSize()
                || confirmation.references().contains(null)) {
            throw new InvalidRequestException(List.of(new FieldProblem("references",
                    "must hold 1 to " + limits.maxPageSize() + " Referentienummers")));
        }
        List<Mailbox.Confirmation> outcomes = mailbox.confirm(creditor(caller), confirmation.references());
        List<ConfirmationResult> results = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            results.add(new ConfirmationResult(confirmation.references().get(i), outcomes.get(i)));
        }
        return new ConfirmationResults(results);
    }

    /** Read under the same limit as a message; a JSON error is reported like any other API's (field named). */
    private ConfirmationRequest confirmationOf(HttpServletRequest request) {
        byte[] body = RequestBody.read(request, limits.maxMessageBytes().toBytes());
        try {
            return json.readValue(body, ConfirmationRequest.class);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("Invalid confirmation request", e,
                    new ServletServerHttpRequest(request));
        } catch (IOException e) {
            throw new IllegalStateException("Reading from memory failed", e);
        }
    }

    /** A mailbox message (kept as contract XML) in the contract's JSON form. */
    private String contractJson(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(xml.read(payload), out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    private static Participant creditor(ParticipantPrincipal caller) {
        // The security chain lets only active creditors in; a missing principal is a configuration error.
        if (caller == null) {
            throw new IllegalStateException("No authenticated participant on the creditor API");
        }
        return caller.participant();
    }
}
