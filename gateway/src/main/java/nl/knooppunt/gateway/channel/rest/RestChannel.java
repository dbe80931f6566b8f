package nl.knooppunt.gateway.channel.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.FailureClassifier;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundChannel;
import nl.knooppunt.gateway.outbound.OutboundItem;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers batches to creditors that run a REST service (docs/api/creditor-service-v1.openapi.json):
 * one {@code POST} of the whole batch in the contract's JSON batch form, with the batch id as
 * {@code Idempotency-Key}, through the route {@code rest-deliver} to the creditor's Camel
 * {@code https:} endpoint ({@link RestChannelEndpoints}). The body is written while it is sent
 * (chunked), message by message from the database, so a batch of any size is never held in memory;
 * the answer — a result per message — is read the same way ({@link CreditorAnswerReader}).
 *
 * <p>Channel settings: {@code trust-store} and {@code trust-store-password} (PKCS#12, when the creditor's
 * server certificate chains to another CA than participants').
 */
@Component
class RestChannel implements OutboundChannel {

    static final String ROUTE = "direct:rest-deliver";
    static final String ENDPOINT = "knooppuntRestEndpoint";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestChannelEndpoints endpoints;
    private final ProducerTemplate producer;
    private final MessageXml xml;
    private final Clock clock;
    private final JsonMessageCodec json = new JsonMessageCodec();

    RestChannel(RestChannelEndpoints endpoints, ProducerTemplate producer, MessageXml xml, Clock clock) {
        this.endpoints = endpoints;
        this.producer = producer;
        this.xml = xml;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.REST;
    }

    /** The settings are read the way the creditor's endpoint reads them; a bad one stops the start. */
    @Override
    public void validate(CreditorChannel channel) {
        RestChannelSettings.of(channel);
    }

    @Override
    public BatchResult send(OutboundBatch batch) throws DeliveryFailure {
        String endpoint = endpoints.uriFor(batch.recipient());
        BatchHeader header = new BatchHeader(batch.id(), batch.recipient().oin().value(),
                clock.instant().atOffset(ZoneOffset.UTC), batch.messageCount());
        SentReferences sent = new SentReferences(batch.messageCount());
        HttpEntity body = new EntityTemplate(-1, ContentType.APPLICATION_JSON, null,
                out -> writeBatch(batch, header, sent, out));
        Exchange exchange = producer.send(ROUTE, e -> {
            e.setProperty(ENDPOINT, endpoint);
            e.setProperty(CreditorAnswerReader.BATCH_ID, batch.id());
            e.setProperty(CreditorAnswerReader.SENT, sent);
            e.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
            e.getIn().setHeader(IDEMPOTENCY_KEY, batch.id().toString());
            e.getIn().setHeader("Accept", "application/json");
            e.getIn().setBody(body);
        });
        if (exchange.getException() != null) {
            throw FailureClassifier.classify("REST call", exchange.getException());
        }
        BatchResult result = exchange.getMessage().getBody(BatchResult.class);
        if (result == null) {
            throw DeliveryFailure.recoverable("The creditor's answer was not read", null);
        }
        return result;
    }

    /** Streams the batch into the request body: one message decrypted, converted and written at a time. */
    private void writeBatch(OutboundBatch batch, BatchHeader header, SentReferences sent, OutputStream out)
            throws IOException {
        try (Stream<OutboundItem> items = batch.messages(); BatchWriter writer = json.openBatchWriter(header, out)) {
            items.forEach(item -> {
                sent.add(item.reference());
                writer.write(xml.read(item.payload()));
            });
        } catch (UncheckedIOException e) {
            // The creditor went away while we wrote: a transport failure, retried.
            throw e.getCause();
        }
    }
}
