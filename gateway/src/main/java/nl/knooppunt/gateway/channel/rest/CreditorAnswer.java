package nl.knooppunt.gateway.channel.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * What a creditor's REST service answers to a batch (HTTP 200): a result per message. The published
 * creditor-side contract (docs/api/creditor-service-v1.openapi.json) is generated from these types,
 * and a test fails when the two differ. The gateway reads an answer as a stream ({@link CreditorAnswerReader}),
 * one {@link Result} at a time; this record is its shape, never held whole.
 *
 * @param batchId the batch answered: the {@code batchHeader.batchId} and {@code Idempotency-Key} sent
 * @param results one per message of the batch, in any order
 */
@Schema(name = "CreditorAnswer", description = "The creditor's answer to a batch: a result for every message of it.")
record CreditorAnswer(
        @Schema(description = "The batch answered: its batchHeader.batchId, also sent as Idempotency-Key.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        UUID batchId,
        @Schema(description = "One result per message of the batch, in any order. A message without a result "
                + "counts as not received: the whole batch is sent again, under the same id.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        List<Result> results) {

    static final String BATCH_ID = "batchId";
    static final String RESULTS = "results";

    /**
     * The creditor's verdict on one message.
     *
     * @param reference the message's Referentienummer ({@code header.referentienummer})
     * @param accepted true when the creditor's system took the message in; false when it refuses it for
     *     good (e.g. client unknown): the message then becomes a dead letter, not retried
     * @param reason why it was refused; shown to the SHV and the operator. Must not hold personal data
     */
    @Schema(name = "CreditorAnswerResult", description = "The creditor's verdict on one message.")
    record Result(
            @Schema(description = "The message's Referentienummer (header.referentienummer).",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            UUID reference,
            @Schema(description = "true: taken in. false: refused for good (e.g. client unknown); the message "
                    + "becomes a dead letter and is not sent again.", requiredMode = Schema.RequiredMode.REQUIRED)
            boolean accepted,
            @Schema(description = "Why the message was refused; shown to the debt counsellor and the operator, "
                    + "so it must not hold personal data. At most 500 characters are kept.", maxLength = 500)
            String reason) {}
}
