package nl.knooppunt.gateway.channel.rest;

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
record CreditorAnswer(UUID batchId, List<Result> results) {

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
    record Result(UUID reference, boolean accepted, String reason) {}
}
