package nl.knooppunt.gateway.channel.rest.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundResult;
import nl.knooppunt.gateway.outbound.Mailbox;
import nl.knooppunt.gateway.shared.Refusal;

/** The JSON bodies of the creditor API besides the contract's messages (which are the mappings' JSON form). */
final class CreditorApiBodies {

    private CreditorApiBodies() {}

    static final String BERICHT = "#/components/schemas/Bericht";

    @Schema(name = "SubmitBatchRequest", description = "Many messages in one call, each with its own result.")
    record SubmitBatchRequest(
            @Schema(description = "false (default): each message on its own, the accepted ones are kept. true: all "
                    + "or nothing; when one message is refused none is applied, every refused message carries its "
                    + "error and the others NOT_PROCESSED.", defaultValue = "false")
            Boolean allOrNothing,
            @ArraySchema(arraySchema = @Schema(description = "The messages in the contract's JSON form. A message that "
                    + "breaks the contract is refused on its own (SCHEMA_INVALID) by the rules of the batch; only a "
                    + "body that is not JSON or a wrong envelope refuses the whole request (400)."),
                    minItems = 1, schema = @Schema(ref = BERICHT))
            List<Object> messages) {}

    @Schema(name = "MessageResult", description = "What the gateway did with one message.")
    record MessageResult(
            @Schema(description = "The message's Referentienummer; absent when it could not be read that far.")
            UUID reference,
            @Schema(description = "ACCEPTED, or why not; NOT_PROCESSED only in an all-or-nothing batch that was not applied.")
            InboundOutcome outcome,
            @Schema(description = "The problem type of a refusal (urn:knooppunt:problem:<code>), as in a problem+json "
                    + "response to a single message; absent when accepted.")
            URI type,
            @Schema(description = "true when this message was received before: the original result, nothing processed again.")
            boolean replay,
            @Schema(description = "Explanation, without personal data.") String detail) {

        static MessageResult of(InboundResult result) {
            return new MessageResult(result.reference(), result.outcome(),
                    result.outcome() == InboundOutcome.ACCEPTED ? null : Refusal.typeOf(result.outcome().code()),
                    result.replay(), result.detail());
        }
    }

    @Schema(name = "BatchResults", description = "One result per message, in the order of the request.")
    record BatchResults(
            @Schema(description = "Whether the batch was applied all or nothing.") boolean allOrNothing,
            @Schema(description = "true when every message is ACCEPTED (possibly as replay).") boolean allAccepted,
            List<MessageResult> results) {}

    @Schema(name = "MailboxPage", description = "The next messages of your mailbox, oldest first.")
    record MailboxPage(
            List<MailboxMessage> messages,
            @Schema(description = "true when more messages follow; fetch again with after=next.") boolean more,
            @Schema(description = "Cursor for the next page: pass it as `after`. The sequence number of the last "
                    + "message of this page (or your `after` when the page is empty).") Long next) {}

    @Schema(name = "MailboxMessage", description = "One message from the mailbox.")
    record MailboxMessage(
            @Schema(description = "Sequence number in your mailbox; increasing.") long sequence,
            @Schema(description = "The message's Referentienummer; confirm it by this.") UUID reference,
            @Schema(description = "Berichttype of the message.") String messageType,
            @Schema(description = "Confirm before this moment, or the message expires.") Instant confirmBefore,
            @Schema(ref = BERICHT, description = "The message in the contract's JSON form.") @JsonRawValue
            String message) {

        static MailboxMessage of(Mailbox.Item item, String json) {
            return new MailboxMessage(item.sequence(), item.reference(), item.messageType(), item.confirmBefore(), json);
        }
    }

    @Schema(name = "ConfirmationRequest", description = "Messages you fetched and processed.")
    record ConfirmationRequest(
            @ArraySchema(arraySchema = @Schema(description = "Referentienummers of fetched messages."), minItems = 1)
            List<UUID> references) {}

    @Schema(name = "ConfirmationResults", description = "One outcome per reference, in the order of the request.")
    record ConfirmationResults(List<ConfirmationResult> confirmations) {}

    @Schema(name = "ConfirmationResult")
    record ConfirmationResult(
            UUID reference,
            @Schema(description = "CONFIRMED; ALREADY_CONFIRMED; NOT_FETCHED (fetch it first); EXPIRED (not confirmed "
                    + "in time); UNKNOWN (no message of yours with this reference).") Mailbox.Confirmation outcome) {}
}
